/// The RIFF/WAVE header in front of a recording's samples (Microsoft RIFF specification,
/// "WAVE Form"): a `fmt ` chunk saying how samples are coded, for non-PCM codings a `fact`
/// chunk with the sample count, then the `data` chunk's header.
///
/// ```
/// "RIFF" <size of the rest: u32le> "WAVE"
/// "fmt " <16 or 18: u32le> format tag u16, channels u16, sample rate u32,
///        bytes per second u32, block align u16, bits per sample u16 [, cbSize u16 = 0]
/// ["fact" <4: u32le> samples per channel u32]
/// "data" <data length: u32le> <samples> [pad byte when the length is odd]
/// ```
public struct WAVHeader: Hashable, Sendable {
    /// How the samples are coded; the raw value is the `fmt ` format tag.
    public enum Coding: UInt16, Hashable, Sendable {
        /// 16-bit signed little-endian PCM (WAVE_FORMAT_PCM).
        case pcm16 = 1
        /// G.711 A-law, 8 bits per sample (WAVE_FORMAT_ALAW).
        case aLaw = 6
        /// G.711 μ-law, 8 bits per sample (WAVE_FORMAT_MULAW).
        case muLaw = 7

        public var bitsPerSample: Int { self == .pcm16 ? 16 : 8 }
    }

    /// The largest data chunk a RIFF size field can describe, less the header.
    public static let maximumDataLength = Int(UInt32.max) - 64

    public var coding: Coding
    public var sampleRate: Int
    public var channels: Int

    public init(coding: Coding, sampleRate: Int, channels: Int = 1) {
        self.coding = coding
        self.sampleRate = sampleRate
        self.channels = channels
    }

    /// Bytes per sample frame (all channels).
    public var blockAlign: Int { channels * coding.bitsPerSample / 8 }

    /// 44 bytes for PCM; 58 for G.711, whose `fmt ` chunk carries cbSize and which needs `fact`.
    public var length: Int { coding == .pcm16 ? 44 : 58 }

    /// The header for `dataLength` bytes of samples (clamped to `maximumDataLength`).
    public func bytes(dataLength: Int) -> [UInt8] {
        let data = UInt32(min(max(dataLength, 0), Self.maximumDataLength))
        let pad = data & 1
        let isPCM = coding == .pcm16
        var out: [UInt8] = []
        out.reserveCapacity(length)
        out += Array("RIFF".utf8)
        out.appendLittleEndian(UInt32(length - 8) + data + pad)
        out += Array("WAVE".utf8)
        out += Array("fmt ".utf8)
        out.appendLittleEndian(UInt32(isPCM ? 16 : 18))
        out.appendLittleEndian(coding.rawValue)
        out.appendLittleEndian(UInt16(channels))
        out.appendLittleEndian(UInt32(sampleRate))
        out.appendLittleEndian(UInt32(sampleRate * blockAlign))
        out.appendLittleEndian(UInt16(blockAlign))
        out.appendLittleEndian(UInt16(coding.bitsPerSample))
        if !isPCM {
            out.appendLittleEndian(UInt16(0))
            out += Array("fact".utf8)
            out.appendLittleEndian(UInt32(4))
            out.appendLittleEndian(blockAlign > 0 ? data / UInt32(blockAlign) : 0)
        }
        out += Array("data".utf8)
        out.appendLittleEndian(data)
        return out
    }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
