import Testing
@testable import RTP

@Suite struct ONVIFReplayExtensionTests {
    /// The extension and its bytes on the wire (preamble, NTP time, flags, CSeq, padding).
    static let cases: [(ONVIFReplayExtension, [UInt8])] = [
        (ONVIFReplayExtension(captureTime: NTPTimestamp(rawValue: 0xEB4F_6B00_8000_0000), cleanPoint: true, cSeq: 4),
         [0xAB, 0xAC, 0x00, 0x03, 0xEB, 0x4F, 0x6B, 0x00, 0x80, 0x00, 0x00, 0x00, 0x80, 0x04, 0x00, 0x00]),
        (ONVIFReplayExtension(captureTime: NTPTimestamp(rawValue: 1), endOfSection: true, terminal: true, cSeq: 0xFF),
         [0xAB, 0xAC, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 1, 0x50, 0xFF, 0x00, 0x00]),
        (ONVIFReplayExtension(captureTime: NTPTimestamp(rawValue: 0), cleanPoint: true, endOfSection: true,
                              discontinuity: true, terminal: true),
         [0xAB, 0xAC, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0xF0, 0x00, 0x00, 0x00]),
        (ONVIFReplayExtension(captureTime: NTPTimestamp(rawValue: 0x0123_4567_89AB_CDEF), discontinuity: true, cSeq: 9),
         [0xAB, 0xAC, 0x00, 0x03, 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x20, 0x09, 0x00, 0x00]),
    ]

    @Test(arguments: cases)
    func writesTheBytesAndReadsThemBack(value: ONVIFReplayExtension, bytes: [UInt8]) throws {
        var written: [UInt8] = []
        value.headerExtension.write(into: &written)
        #expect(written == bytes)
        let header = RTPHeaderExtension(profile: 0xABAC, data: Array(bytes[4...]))
        #expect(ONVIFReplayExtension(header) == value)
    }

    @Test func mustBeZeroBitsAndPaddingAreIgnored() {
        let header = RTPHeaderExtension(profile: 0xABAC, data: [0, 0, 0, 0, 0, 0, 0, 0, 0x8F, 1, 0xFF, 0xFF])
        #expect(ONVIFReplayExtension(header) == ONVIFReplayExtension(captureTime: NTPTimestamp(rawValue: 0), cleanPoint: true, cSeq: 1))
    }

    @Test func otherExtensionsAreNotReplayExtensions() {
        #expect(ONVIFReplayExtension(RTPHeaderExtension(profile: 0xBEDE, data: Array(repeating: 0, count: 12))) == nil)
        #expect(ONVIFReplayExtension(RTPHeaderExtension(profile: 0xABAC, data: Array(repeating: 0, count: 8))) == nil)
        #expect(ONVIFReplayExtension(RTPHeaderExtension(profile: 0xABAC, data: Array(repeating: 0, count: 16))) == nil)
    }

    @Test func theCaptureTimeIsTheFramesInstant() {
        // 2026-11-25T01:00:00Z: NTP seconds are Unix seconds plus 2 208 988 800.
        let time = NTPTimestamp(unixNanoseconds: 1_795_568_400 * 1_000_000_000)
        #expect(time.seconds == UInt32(1_795_568_400 + 2_208_988_800))
    }
}
