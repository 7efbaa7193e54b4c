/// The decisions of a shared encoder (`SharedEncoderHub`), without I/O: the short ring of
/// the access units it encoded last, and which one each sharing camera takes next.
///
/// Every camera keeps a cursor: the index of the next unit it sends. Units are taken in
/// order, since P-frames refer to the ones before them, and a camera never skips a unit
/// except to land on an IDR, where a decoder starts afresh. The rules:
/// - A camera asking for a unit past the newest encodes it: the first to ask encodes.
/// - A camera that wants an IDR (a viewer joins) takes the newest IDR it has not passed yet
///   if the ring holds one; otherwise the next unit encoded is an IDR, which it encodes
///   itself at once. However many cameras ask meanwhile, that is one IDR for all of them.
/// - A camera more than `maxLag` units behind the newest jumps to a newer IDR when the
///   ring holds one, so a camera that lost frame slots catches up at the next GOP.
/// - A camera that fell out of the ring resynchronises at the ring's newest IDR, or at an
///   IDR encoded next.
struct SharedUnitRing<Unit> {
    struct Entry {
        var index: Int64
        var isIDR: Bool
        var unit: Unit
    }

    /// What a camera does next.
    enum Step {
        /// Send this unit; the cursor has moved past it.
        case deliver(Entry)
        /// Encode unit `index` (an IDR when `forceIDR`), `append` it, and ask again.
        case encode(index: Int64, forceIDR: Bool)
    }

    let capacity: Int
    let maxLag: Int64
    private var entries: [Entry?]
    /// The index the next unit encoded gets.
    private(set) var nextIndex: Int64 = 0
    /// The next unit encoded must be an IDR.
    private(set) var idrPending = false

    init(capacity: Int, maxLag: Int64 = 2) {
        precondition(capacity >= 2 && maxLag >= 1, "a ring holds two units and lets a camera lag one")
        self.capacity = capacity
        self.maxLag = maxLag
        entries = Array(repeating: nil, count: capacity)
    }

    /// The oldest index the ring still holds.
    var oldestIndex: Int64 { max(0, nextIndex - Int64(capacity)) }

    /// The camera's next step. `cursor` is nil for a camera that has taken nothing yet; it
    /// starts at the next unit encoded.
    mutating func step(_ cursor: inout Int64?, wantsIDR: Bool) -> Step {
        var next = min(cursor ?? nextIndex, nextIndex)
        if wantsIDR {
            next = newestIDR(from: next) ?? requestIDR()
        } else if next < oldestIndex {
            next = newestIDR(from: oldestIndex) ?? requestIDR()
        } else if nextIndex - next > maxLag, let idr = newestIDR(from: next + 1) {
            next = idr
        }
        guard next < nextIndex, let entry = entries[slot(next)] else {
            cursor = next
            return .encode(index: nextIndex, forceIDR: idrPending)
        }
        cursor = next + 1
        return .deliver(entry)
    }

    /// Keeps the unit just encoded as `nextIndex`, dropping the oldest when full.
    mutating func append(_ unit: Unit, isIDR: Bool) {
        entries[slot(nextIndex)] = Entry(index: nextIndex, isIDR: isIDR, unit: unit)
        nextIndex += 1
        if isIDR { idrPending = false }
    }

    /// The newest IDR at `index` or later that the ring holds.
    func newestIDR(from index: Int64) -> Int64? {
        var candidate = nextIndex - 1
        while candidate >= max(index, oldestIndex) {
            if entries[slot(candidate)]?.isIDR == true { return candidate }
            candidate -= 1
        }
        return nil
    }

    /// Marks the next unit encoded as an IDR and returns its index.
    private mutating func requestIDR() -> Int64 {
        idrPending = true
        return nextIndex
    }

    private func slot(_ index: Int64) -> Int { Int(index % Int64(capacity)) }
}
