import NIOCore
import Randomness
@testable import RTP

/// Octets from a hex string such as "80 E0 12 34"; spaces are ignored.
func hexBytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// Random octets from the seeded generator every layer uses, so randomized tests are reproducible.
extension SeededGenerator {
    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
    }
}

extension ByteBuffer {
    /// The readable octets, for comparing packets with expected bytes.
    var octets: [UInt8] { Array(readableBytesView) }
}

extension RTPPacketBatch {
    /// Where each packet lies in `bytes`, from the packets' sizes.
    var packetRanges: [Range<Int>] {
        var offset = 0
        return packets.map { packet in
            defer { offset += packet.readableBytes }
            return offset..<(offset + packet.readableBytes)
        }
    }
}
