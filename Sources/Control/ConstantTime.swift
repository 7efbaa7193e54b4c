/// Comparison whose time depends on the presented length only, never on where bytes differ.
enum ConstantTime {
    /// True when `presented` holds exactly the bytes of `secret`. Every presented byte is
    /// compared, whatever the lengths, so the time reveals no matching prefix.
    static func equal(_ secret: [UInt8], _ presented: some Sequence<UInt8>) -> Bool {
        guard !secret.isEmpty else { return false }
        var difference: UInt8 = 0
        var count = 0
        for byte in presented {
            difference |= byte ^ secret[count % secret.count]
            count += 1
        }
        return difference == 0 && count == secret.count
    }
}
