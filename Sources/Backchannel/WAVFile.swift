#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a WAV file could not be written.
public enum WAVFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case open(path: String, errno: Int32)
    case write(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .open(let path, let code): "cannot create \(path): \(String(cString: strerror(code)))"
        case .write(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// A WAV file being written: the header goes first with a zero length, samples are
/// appended through a buffer (written out in `flushThreshold` pieces, so a stream of small
/// RTP payloads costs one write per few seconds of G.711), and `finish()` writes the last
/// of them and the header again with the real lengths. At most `maximumDataLength` bytes
/// of samples are kept; the rest is counted in `droppedBytes`.
///
/// Not thread-safe: one owner (a session on its event loop) calls it.
public final class WAVFile {
    /// Buffered bytes that trigger a write.
    public static let flushThreshold = 32 * 1024

    public let path: String
    public let header: WAVHeader
    public let maximumDataLength: Int
    /// Sample bytes accepted so far (written or buffered).
    public private(set) var dataLength = 0
    /// Sample bytes refused because the file reached `maximumDataLength`.
    public private(set) var droppedBytes = 0
    private var descriptor: Int32
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path` and writes a provisional header.
    public init(path: String, header: WAVHeader, maximumDataLength: Int) throws(WAVFileError) {
        self.path = path
        self.header = header
        self.maximumDataLength = min(maximumDataLength, WAVHeader.maximumDataLength)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .open(path: path, errno: errno) }
        buffer.reserveCapacity(Self.flushThreshold)
        try write(header.bytes(dataLength: 0), at: 0)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends sample bytes, as far as the limit allows.
    public func append(_ bytes: some Collection<UInt8>) throws(WAVFileError) {
        guard descriptor >= 0 else { return }
        let room = maximumDataLength - dataLength
        let taken = min(room, bytes.count)
        droppedBytes += bytes.count - taken
        guard taken > 0 else { return }
        buffer.append(contentsOf: bytes.prefix(taken))
        dataLength += taken
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes the buffered samples, the pad byte RIFF wants after an odd-length chunk, and
    /// the final header; then closes the file. Later calls do nothing.
    public func finish() throws(WAVFileError) {
        guard descriptor >= 0 else { return }
        defer {
            close(descriptor)
            descriptor = -1
        }
        try flush()
        if dataLength % 2 == 1 { try write([0], at: off_t(header.length + dataLength)) }
        try write(header.bytes(dataLength: dataLength), at: 0)
    }

    private func flush() throws(WAVFileError) {
        guard !buffer.isEmpty else { return }
        let offset = off_t(header.length + dataLength - buffer.count)
        try write(buffer, at: offset)
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8], at offset: off_t) throws(WAVFileError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + written, raw.count - written, offset + off_t(written))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .write(path: path, errno: errno)
            }
            written += result
        }
    }
}
