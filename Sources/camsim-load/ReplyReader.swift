/// The RTSP responses of a viewer's setup exchange, read from a byte stream (RFC
/// 2326 §7): status line, headers up to the blank line, a `Content-Length` body.
/// Bytes after the last complete response stay for whoever reads next.
struct ReplyReader {
    struct Reply {
        var status: Int
        /// The `Session` id, without its `;timeout=` parameter (RFC 2326 §12.37).
        var session: String?
    }

    /// A reply head longer than this is refused.
    static let maximumHeadBytes = 16 * 1024

    private(set) var pending: [UInt8] = []

    enum Outcome {
        case needMore
        case reply(Reply)
        case malformed(String)
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) { pending.append(contentsOf: bytes) }

    /// Takes the next complete reply off the front of what has arrived.
    mutating func next() -> Outcome {
        guard let end = headEnd() else {
            return pending.count > Self.maximumHeadBytes ? .malformed("reply head over \(Self.maximumHeadBytes) bytes") : .needMore
        }
        let head = String(decoding: pending[..<end], as: UTF8.self)
        let lines = head.split(separator: "\r\n")
        let status = lines.first?.split(separator: " ")
        guard let status, status.count >= 2, status[0].hasPrefix("RTSP/"), let code = Int(status[1]) else {
            return .malformed("status line \(lines.first.map(String.init) ?? "")")
        }
        var length = 0
        var session: String?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            if name == "content-length" { length = Int(value) ?? 0 }
            if name == "session" { session = value.split(separator: ";").first.map(String.init) }
        }
        guard pending.count >= end + 4 + length else { return .needMore }
        pending.removeFirst(end + 4 + length)
        return .reply(Reply(status: code, session: session))
    }

    /// Whatever arrived after the replies taken so far, handed over once.
    mutating func takeRest() -> [UInt8] {
        defer { pending = [] }
        return pending
    }

    private func headEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 0...(pending.count - 4)
        where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
            return index
        }
        return nil
    }
}
