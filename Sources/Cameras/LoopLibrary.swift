import Foundation
import Logging

/// The process's loops, one per `LoopKey`: the first stream to open with a key records
/// its loop (on the encode pool, where sources open); streams opening with the same key
/// meanwhile wait for that one recording, and later ones take the loop as it is. A loop is
/// released when the last stream using it closes, so a process holds only loops in use.
public final class LoopLibrary: @unchecked Sendable {
    /// The process-wide library that configured loop streams use.
    public static let shared = LoopLibrary()

    private enum Slot {
        case recording
        case ready(EncodedLoop, users: Int)
    }

    private let condition = NSCondition()
    private var slots: [LoopKey: Slot] = [:]
    private var recordings: [LoopKey: Int] = [:]

    public init() {}

    /// The loop of `key`, recorded by `record` if no stream holds it now. Each call must be
    /// matched by one `release(key)`. Blocks while another caller records the same key.
    public func acquire(_ key: LoopKey, record: () throws -> EncodedLoop) throws -> EncodedLoop {
        condition.lock()
        while true {
            switch slots[key] {
            case .ready(let loop, let users):
                slots[key] = .ready(loop, users: users + 1)
                condition.unlock()
                return loop
            case .recording:
                condition.wait()
            case nil:
                slots[key] = .recording
                recordings[key, default: 0] += 1
                condition.unlock()
                let result = Result { try record() }
                condition.lock()
                switch result {
                case .success(let loop):
                    slots[key] = .ready(loop, users: 1)
                    condition.broadcast()
                    condition.unlock()
                    return loop
                case .failure(let error):
                    slots[key] = nil
                    condition.broadcast()
                    condition.unlock()
                    throw error
                }
            }
        }
    }

    /// Gives back one `acquire` of `key`; the last one frees the loop.
    public func release(_ key: LoopKey) {
        condition.lock()
        defer { condition.unlock() }
        guard case .ready(let loop, let users) = slots[key] else { return }
        slots[key] = users > 1 ? .ready(loop, users: users - 1) : nil
    }

    /// How many times loops whose keys satisfy `predicate` were recorded.
    public func recordingCount(where predicate: (LoopKey) -> Bool) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return recordings.filter { predicate($0.key) }.values.reduce(0, +)
    }

    /// The loops held now, their users and their octets.
    public func residentLoops() -> [(key: LoopKey, users: Int, bytes: Int)] {
        condition.lock()
        defer { condition.unlock() }
        return slots.compactMap { key, slot in
            guard case .ready(let loop, let users) = slot else { return nil }
            return (key, users, loop.memoryFootprint)
        }
    }
}
