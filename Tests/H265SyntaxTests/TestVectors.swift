/// Octets from a hex string such as "40 01 0C"; spaces are ignored.
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// Parameter sets x265 3.5 wrote for a 320x240, 15 fps Main profile stream at level 2
/// (`--preset ultrafast --tune zerolatency`), with their emulation prevention octets.
enum X265Vectors {
    static let vps = hexBytes("4001 0C01 FFFF 0160 0000 0300 9000 0003 0000 0300 3CBA 0240")
    static let sps = hexBytes(
        "4201 0101 6000 0003 0090 0000 0300 0003 003C A00A 080F 165B A4A4 C2F0 1010 0000 0300 1000 0003 00F0 80"
    )
    static let pps = hexBytes("4401 C071 8312")
}
