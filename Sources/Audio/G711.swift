/// G.711 companding (ITU-T G.711, RFC 3551 §4.5.14): one byte per sample, 8000 Hz.
/// `muLaw` is payload type 0 (PCMU), `aLaw` payload type 8 (PCMA).
public enum G711: Hashable, Sendable {
    case muLaw
    case aLaw

    /// The static RTP payload type of RFC 3551 Table 4.
    public var payloadType: UInt8 {
        switch self {
        case .muLaw: 0
        case .aLaw: 8
        }
    }

    /// The encoding name in `a=rtpmap`.
    public var encodingName: String {
        switch self {
        case .muLaw: "PCMU"
        case .aLaw: "PCMA"
        }
    }

    /// One linear Int16 sample as a code word.
    @inline(__always)
    public func encode(_ sample: Int16) -> UInt8 {
        switch self {
        case .muLaw: MuLaw.encode(sample)
        case .aLaw: ALaw.encode(sample)
        }
    }

    /// One code word as a linear Int16 sample (the reconstruction level of G.711's tables,
    /// scaled to 16 bits).
    @inline(__always)
    public func decode(_ code: UInt8) -> Int16 {
        switch self {
        case .muLaw: MuLaw.decode(code)
        case .aLaw: ALaw.decode(code)
        }
    }

    /// Encodes `samples` into `output`, one byte per sample; `output` must hold as many.
    public func encode(_ samples: UnsafeBufferPointer<Int16>, into output: UnsafeMutableBufferPointer<UInt8>) {
        precondition(output.count >= samples.count, "output too small")
        switch self {
        case .muLaw:
            for i in 0..<samples.count { output[i] = MuLaw.encode(samples[i]) }
        case .aLaw:
            for i in 0..<samples.count { output[i] = ALaw.encode(samples[i]) }
        }
    }

    /// `samples` as code words.
    public func encode(_ samples: [Int16]) -> [UInt8] {
        samples.map(encode)
    }

    /// `codes` as linear samples.
    public func decode(_ codes: [UInt8]) -> [Int16] {
        codes.map(decode)
    }
}
