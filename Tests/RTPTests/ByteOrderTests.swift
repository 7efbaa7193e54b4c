import Testing
@testable import RTP

@Suite("ByteOrder")
struct ByteOrderTests {
    @Test func writesBigEndian() {
        var bytes: [UInt8] = []
        bytes.appendBigEndian(UInt16(0x0102))
        bytes.appendBigEndian(UInt32(0x0304_0506))
        bytes.appendBigEndian(UInt64(0x0708_090A_0B0C_0D0E))
        #expect(bytes == Array(1...14))
    }

    @Test func readsBigEndianRelativeToStart() {
        let slice = ([0xFF] + Array(1...14) as [UInt8])[1...]
        #expect(slice.byte(at: 0) == 1)
        #expect(slice.uint16(at: 0) == 0x0102)
        #expect(slice.uint24(at: 0) == 0x01_0203)
        #expect(slice.uint32(at: 2) == 0x0304_0506)
        #expect(slice.uint64(at: 6) == 0x0708_090A_0B0C_0D0E)
        #expect(slice.bytes(in: 1..<3) == [2, 3])
    }
}
