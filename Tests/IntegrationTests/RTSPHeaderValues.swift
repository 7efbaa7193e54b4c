import Foundation

/// Small parsers for the response header values the tests check.
enum RTSPHeaderValues {
    /// The session id of `Session: id;timeout=N`.
    static func sessionID(_ value: String) -> String {
        String(value.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `seq` and `rtptime` of the first entry of an RTP-Info header (RFC 2326 §12.33).
    static func rtpInfo(_ value: String) -> (url: String?, seq: UInt16, rtptime: UInt32)? {
        let entry = value.split(separator: ",").first ?? ""
        var url: String?
        var seq: UInt16?
        var rtptime: UInt32?
        for field in entry.split(separator: ";") {
            let parts = field.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let text = parts[1].trimmingCharacters(in: .whitespaces)
            switch key {
            case "url": url = text
            case "seq": seq = UInt16(text)
            case "rtptime": rtptime = UInt32(text)
            default: break
            }
        }
        guard let seq, let rtptime else { return nil }
        return (url, seq, rtptime)
    }

    /// The value of `key=value` inside a Transport header, e.g. `interleaved` or `server_port`.
    static func transportParameter(_ transport: String, _ key: String) -> String? {
        for field in transport.split(separator: ";") {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.first?.trimmingCharacters(in: .whitespaces).lowercased() == key.lowercased() {
                return parts.count == 2 ? String(parts[1]) : ""
            }
        }
        return nil
    }
}
