/// Size limits the request and response parsers enforce; exceeding any of them ends the stream.
public struct RTSPParserLimits: Hashable, Sendable {
    public static let defaultMaximumRequestLineLength = 4096
    public static let defaultMaximumHeaderLineLength = 8192
    public static let defaultMaximumHeaderCount = 64
    public static let defaultMaximumHeaderBlockLength = 32 * 1024
    public static let defaultMaximumBodyLength = 64 * 1024

    /// Longest request line (or status line, for the response parser), without its line ending.
    public var maximumRequestLineLength: Int
    /// Longest single header line, without its line ending.
    public var maximumHeaderLineLength: Int
    /// Most header fields (continuation lines do not count).
    public var maximumHeaderCount: Int
    /// Most bytes of header lines after the request line, line endings included.
    public var maximumHeaderBlockLength: Int
    /// Largest Content-Length accepted.
    public var maximumBodyLength: Int

    public init(
        maximumRequestLineLength: Int = defaultMaximumRequestLineLength,
        maximumHeaderLineLength: Int = defaultMaximumHeaderLineLength,
        maximumHeaderCount: Int = defaultMaximumHeaderCount,
        maximumHeaderBlockLength: Int = defaultMaximumHeaderBlockLength,
        maximumBodyLength: Int = defaultMaximumBodyLength
    ) {
        self.maximumRequestLineLength = maximumRequestLineLength
        self.maximumHeaderLineLength = maximumHeaderLineLength
        self.maximumHeaderCount = maximumHeaderCount
        self.maximumHeaderBlockLength = maximumHeaderBlockLength
        self.maximumBodyLength = maximumBodyLength
    }

    public static let `default` = RTSPParserLimits()
}
