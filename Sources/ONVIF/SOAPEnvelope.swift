/// A SOAP 1.2 request read from its bytes (SOAP 1.2 Part 1 §5): the header blocks and the
/// one body element naming the operation. Every way a body can be wrong becomes the
/// ``SOAPFault`` to answer with, never a crash.
public struct SOAPEnvelope: Sendable, Equatable {
    /// The `env:Header`'s child elements (blocks), empty when there is no header.
    public var headers: [XMLNode]
    /// The body's first child: its name is the operation (`{tds}GetDeviceInformation`), its
    /// children the arguments.
    public var operation: XMLNode

    public init(headers: [XMLNode], operation: XMLNode) {
        self.headers = headers
        self.operation = operation
    }

    /// Reads `bytes`, refusing what ``XMLGuard`` refuses, a SOAP 1.1 envelope
    /// (`env:VersionMismatch`, §5.4.7), a mandatory header block camsim does not understand
    /// (`env:MustUnderstand`, §5.4.8) and a body without an element.
    public static func parse(_ bytes: [UInt8], guard xmlGuard: XMLGuard = XMLGuard()) throws(SOAPFault) -> SOAPEnvelope {
        let root: XMLNode
        do {
            root = try XMLNode.parse(bytes, guard: xmlGuard)
        } catch {
            throw SOAPFault.wellFormed(error.description)
        }
        guard root.name.local == "Envelope" else { throw SOAPFault(.sender, ["Tag"], reason: "the root element is not an Envelope") }
        guard root.name.namespace == SOAPNamespace.envelope else {
            throw SOAPFault(.versionMismatch, reason: "only SOAP 1.2 envelopes (\(SOAPNamespace.envelope)) are accepted")
        }
        let header = root.child("Header", in: SOAPNamespace.envelope)
        let headers = header?.children ?? []
        for block in headers where isMandatory(block) && !SOAPNamespace.understoodHeaders.contains(block.name.namespace) {
            throw SOAPFault(.mustUnderstand, reason: "header block \(block.name) is not understood")
        }
        guard let body = root.child("Body", in: SOAPNamespace.envelope) else {
            throw SOAPFault(.sender, ["Tag"], reason: "the envelope has no Body")
        }
        guard let operation = body.children.first else {
            throw SOAPFault(.sender, ["Tag"], reason: "the Body names no operation")
        }
        return SOAPEnvelope(headers: headers, operation: operation)
    }

    /// `env:mustUnderstand="true"` or `"1"` (SOAP 1.2 Part 1 §5.2.3; xs:boolean).
    private static func isMandatory(_ block: XMLNode) -> Bool {
        let value = block.attributes[XMLName(SOAPNamespace.envelope, "mustUnderstand")]
        return value == "true" || value == "1"
    }
}
