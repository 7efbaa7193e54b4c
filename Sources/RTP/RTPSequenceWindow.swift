/// Which of the last `span` sequence numbers up to the highest one arrived, as a 128-bit
/// shift register: bit n stands for the number n behind the highest. It lets
/// `RTPReceptionStatistics` tell a late packet (reordered) from a repeated one (duplicate)
/// without allocating; RFC 3550 §A.1 treats anything further behind than MAX_MISORDER
/// (100) as a jump, so 128 numbers cover every late packet it accepts.
struct RTPSequenceWindow: Hashable, Sendable {
    static let span = 128
    /// Bits 0-63 (the newest numbers) and 64-127.
    var low: UInt64 = 0
    var high: UInt64 = 0

    /// The highest number moved `distance` forward; the new highest is marked received.
    mutating func advance(by distance: Int) {
        if distance >= Self.span {
            low = 0
            high = 0
        } else if distance >= 64 {
            high = low << UInt64(distance - 64)
            low = 0
        } else if distance > 0 {
            high = high << UInt64(distance) | low >> UInt64(64 - distance)
            low = low << UInt64(distance)
        }
        mark(distance: 0)
    }

    mutating func mark(distance: Int) {
        guard distance >= 0, distance < Self.span else { return }
        if distance < 64 { low |= 1 << UInt64(distance) } else { high |= 1 << UInt64(distance - 64) }
    }

    func contains(distance: Int) -> Bool {
        guard distance >= 0, distance < Self.span else { return false }
        return distance < 64 ? low & 1 << UInt64(distance) != 0 : high & 1 << UInt64(distance - 64) != 0
    }
}
