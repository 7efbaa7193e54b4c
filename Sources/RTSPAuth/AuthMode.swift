/// What a camera asks of its clients, and the challenges its 401 carries.
public enum AuthMode: String, Hashable, Sendable, CaseIterable {
    /// No authentication.
    case none
    /// `Basic` only (RFC 7617).
    case basic
    /// `Digest` with SHA-256 and MD5 offered, MD5 last: ffmpeg and live555 answer the
    /// last Digest challenge and only know MD5.
    case digest
    /// A SHA-256 Digest challenge only, as some Hikvision firmware sends.
    case digestSHA256 = "digest-sha256"
    /// Basic and Digest in one 401, as Hikvision sends.
    case digestAndBasic = "digest+basic"

    /// The Digest algorithms offered, in the order the challenges are written.
    public var digestAlgorithms: [DigestAlgorithm] {
        switch self {
        case .none, .basic: []
        case .digest, .digestAndBasic: [.sha256, .md5]
        case .digestSHA256: [.sha256]
        }
    }

    public var acceptsBasic: Bool { self == .basic || self == .digestAndBasic }

    /// Whether credentials with `algorithm` answer one of this mode's challenges (the
    /// `-sess` variants answer the challenge of their hash).
    public func accepts(_ algorithm: DigestAlgorithm) -> Bool { digestAlgorithms.contains(algorithm.base) }
}
