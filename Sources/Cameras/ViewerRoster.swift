/// Who watches a stream: the viewers receiving its packets, and the viewers waiting for
/// their first access unit, which is the next IDR unless they joined without a keyframe
/// (a fault), in which case it is whatever unit comes next.
struct ViewerRoster<ID: Hashable & Sendable>: Sendable {
    /// Viewers receiving every access unit.
    private(set) var active: Set<ID> = []
    /// Viewers not started yet, each with whether it waits for an IDR.
    private(set) var waiting: [ID: Bool] = [:]

    var isEmpty: Bool { active.isEmpty && waiting.isEmpty }

    func contains(_ id: ID) -> Bool { active.contains(id) || waiting[id] != nil }

    /// Adds a waiting viewer; false if it is already here, playing or waiting.
    mutating func join(_ id: ID, waitsForIDR: Bool) -> Bool {
        guard !contains(id) else { return false }
        waiting[id] = waitsForIDR
        return true
    }

    /// Removes the viewer wherever it is.
    mutating func leave(_ id: ID) {
        active.remove(id)
        waiting.removeValue(forKey: id)
    }

    /// Starts the waiting viewers this access unit can start, and returns them.
    mutating func start(accessUnitIsIDR isIDR: Bool) -> [ID] {
        guard !waiting.isEmpty else { return [] }
        var started: [ID] = []
        for (id, waitsForIDR) in waiting where isIDR || !waitsForIDR {
            started.append(id)
        }
        for id in started {
            waiting.removeValue(forKey: id)
            active.insert(id)
        }
        return started
    }

    /// Starts one viewer at once, whatever unit comes next (a proxy viewer fed the cached GOP).
    mutating func startNow(_ id: ID) {
        waiting.removeValue(forKey: id)
        active.insert(id)
    }

    /// Removes the waiting viewers and returns them.
    mutating func removeWaiting() -> [ID] {
        defer { waiting.removeAll() }
        return Array(waiting.keys)
    }

    /// Removes everyone and returns them, playing viewers first.
    mutating func removeAll() -> [ID] {
        defer {
            active.removeAll()
            waiting.removeAll()
        }
        return Array(active) + Array(waiting.keys)
    }
}
