import Foundation
import Testing
@testable import Backchannel

@Suite struct WAVHeaderTests {
    /// 8 kHz mono μ-law with 160 bytes of samples: the 58-byte header with `fact`.
    @Test func muLawBytes() {
        let header = WAVHeader(coding: .muLaw, sampleRate: 8000).bytes(dataLength: 160)
        #expect(header == Array("RIFF".utf8) + [210, 0, 0, 0] + Array("WAVE".utf8)
            + Array("fmt ".utf8) + [18, 0, 0, 0, 7, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x40, 0x1F, 0, 0, 1, 0, 8, 0, 0, 0]
            + Array("fact".utf8) + [4, 0, 0, 0, 160, 0, 0, 0]
            + Array("data".utf8) + [160, 0, 0, 0])
        #expect(header.count == 58)
    }

    /// 16-bit PCM at 16 kHz stereo: 44 bytes, no `fact`, 64000 bytes per second.
    @Test func pcmBytes() {
        let header = WAVHeader(coding: .pcm16, sampleRate: 16000, channels: 2).bytes(dataLength: 4)
        #expect(header == Array("RIFF".utf8) + [40, 0, 0, 0] + Array("WAVE".utf8)
            + Array("fmt ".utf8) + [16, 0, 0, 0, 1, 0, 2, 0, 0x80, 0x3E, 0, 0, 0x00, 0xFA, 0, 0, 4, 0, 16, 0]
            + Array("data".utf8) + [4, 0, 0, 0])
    }

    /// An odd data length counts RIFF's pad byte in the RIFF size, not in the data size.
    @Test func oddLengthIsPadded() {
        let header = WAVHeader(coding: .aLaw, sampleRate: 8000).bytes(dataLength: 3)
        #expect(Array(header[4..<8]) == [50 + 3 + 1, 0, 0, 0])
        #expect(Array(header[54..<58]) == [3, 0, 0, 0])
        #expect(header[20] == 6)
    }

    @Test func fileHoldsTheSamplesAndItsLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wav-\(UUID().uuidString).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try WAVFile(path: path, header: WAVHeader(coding: .muLaw, sampleRate: 8000), maximumDataLength: 40_001)
        let chunk = (0..<160).map { UInt8($0) }
        for _ in 0..<300 { try file.append(chunk) }
        #expect(file.dataLength == 40_001)
        #expect(file.droppedBytes == 300 * 160 - 40_001)
        try file.finish()
        try file.finish()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == 58 + 40_001 + 1)
        #expect(Array(bytes[..<58]) == WAVHeader(coding: .muLaw, sampleRate: 8000).bytes(dataLength: 40_001))
        #expect(Array(bytes[58..<218]) == chunk)
        #expect(bytes[58 + 40_000] == UInt8(40_000 % 160))
        #expect(bytes.last == 0)
    }

    @Test func unwritablePathIsAnError() {
        #expect(throws: WAVFileError.open(path: "/nonexistent-dir/x.wav", errno: ENOENT)) {
            try WAVFile(path: "/nonexistent-dir/x.wav", header: WAVHeader(coding: .muLaw, sampleRate: 8000), maximumDataLength: 10)
        }
    }
}
