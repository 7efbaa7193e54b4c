/// The scopes a `SetScopes` request asks for (ONVIF Core, "Device management", SetScopes):
/// every `tds:Scopes` is an xs:anyURI that replaces the configurable scopes; fixed scopes
/// cannot be set. Bounded in count and length.
public enum ScopeList {
    /// Most configurable scopes a camera keeps.
    public static let maxScopes = 32
    /// Longest scope URI, in bytes.
    public static let maxScopeBytes = 256

    /// The scopes `request` (the `tds:SetScopes` element) sets, checked against `fixed`:
    /// - a scope that is empty, too long, or not an absolute URI: `env:Sender ter:InvalidArgVal`;
    /// - one of the fixed scopes: `env:Sender ter:OperationProhibited ter:ScopeOverwrite`;
    /// - more than ``maxScopes``: `env:Receiver ter:Action ter:TooManyScopes`.
    /// Duplicates are kept once, in the order given.
    public static func parse(setScopes request: XMLNode, fixed: [String]) throws(SOAPFault) -> [String] {
        let nodes = request.children("Scopes", in: SOAPNamespace.device)
        guard nodes.count <= maxScopes else {
            throw SOAPFault(.receiver, ["Action", "TooManyScopes"], reason: "at most \(maxScopes) scopes can be set")
        }
        var scopes: [String] = []
        for node in nodes {
            let scope = node.trimmedText
            guard !scope.isEmpty, scope.utf8.count <= maxScopeBytes else {
                throw SOAPFault.invalidArgVal(nil, "a scope must be 1 to \(maxScopeBytes) bytes")
            }
            guard isAbsoluteURI(scope) else {
                throw SOAPFault.invalidArgVal(nil, "'\(scope.prefix(64))' is not an absolute URI")
            }
            guard !fixed.contains(scope) else {
                throw SOAPFault(.sender, ["OperationProhibited", "ScopeOverwrite"], reason: "'\(scope)' is a fixed scope")
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        return scopes
    }

    /// `scheme ":" rest` (RFC 3986 §3.1: a letter, then letters, digits, `+`, `-`, `.`), with
    /// no white space or control characters anywhere.
    static func isAbsoluteURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < bytes.count - 1 else { return false }
        let isLetter = { (b: UInt8) in (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard isLetter(bytes[0]), bytes[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || "+-.".utf8.contains($0) }) else {
            return false
        }
        return bytes.allSatisfy { $0 > 0x20 && $0 != 0x7F }
    }
}
