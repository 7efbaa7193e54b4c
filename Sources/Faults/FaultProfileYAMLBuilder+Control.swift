import Foundation
import Spelling
import Yams

/// The control-plane faults written as mappings or lists: status overrides, denied transports.
extension FaultProfileYAMLBuilder {
    mutating func respond(_ node: Node, _ key: String) -> [String: Int]? {
        guard case .mapping(let mapping) = node else {
            fail(node, key, "expected a mapping of RTSP methods to status codes, like {SETUP: 503}")
            return nil
        }
        var overrides: [String: Int] = [:]
        var ok = true
        for (keyNode, value) in mapping {
            guard let method = keyNode.scalar?.string,
                  !method.isEmpty, method.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                fail(keyNode, key, "RTSP method names are words like SETUP")
                ok = false
                continue
            }
            let upper = method.uppercased()
            let path = "\(key).\(method)"
            guard Self.rtspMethods.contains(upper) else {
                fail(keyNode, path, "unknown RTSP method '\(method)'",
                     suggestion: Spelling.didYouMean(upper, in: Self.rtspMethods))
                ok = false
                continue
            }
            guard let status = reader.integer(value, path, FaultKeys.statusRange) else { ok = false; continue }
            overrides[upper] = status
        }
        return ok ? overrides : nil
    }

    /// The RTSP 1.0 methods (RFC 2326) and RTSP 2.0's PLAY_NOTIFY (RFC 7826).
    static let rtspMethods = [
        "OPTIONS", "DESCRIBE", "ANNOUNCE", "SETUP", "PLAY", "PAUSE", "TEARDOWN",
        "GET_PARAMETER", "SET_PARAMETER", "REDIRECT", "RECORD", "PLAY_NOTIFY",
    ]

    mutating func denyTransport(_ node: Node, _ key: String) -> Set<TransportKind>? {
        let items: [Node]
        if case .sequence(let sequence) = node {
            items = Array(sequence)
        } else {
            items = [node]
        }
        var kinds = Set<TransportKind>()
        for item in items {
            guard let text = reader.scalar(item, key, expected: "udp, tcp or a list of them") else { return nil }
            for part in text.split(separator: ",") {
                let word = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard let kind = TransportKind(rawValue: word) else {
                    fail(item, key, "unknown transport '\(word)'; expected udp or tcp",
                         suggestion: Spelling.didYouMean(word, in: ["udp", "tcp"]))
                    return nil
                }
                kinds.insert(kind)
            }
        }
        return kinds
    }
}
