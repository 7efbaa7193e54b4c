/// A SOAP 1.2 response envelope (SOAP 1.2 Part 1 §5.1) around a body that a service wrote;
/// the prefixes the bodies use (`tt`, `tds`, `trt`, `ter`) are declared on the envelope.
public enum SOAPResponse {
    /// The media type of SOAP 1.2 over HTTP (SOAP 1.2 Part 2 §7.1.4; RFC 3902).
    public static let contentType = "application/soap+xml; charset=utf-8"

    /// The envelope around what `body` writes; when `body` throws, nothing is returned.
    public static func envelope<E: Error>(_ body: (inout XMLWriter) throws(E) -> Void) throws(E) -> String {
        var content = XMLWriter()
        try body(&content)
        var writer = XMLWriter()
        let declarations = SOAPNamespace.responseDeclarations.map { ("xmlns:\($0.prefix)", $0.uri) }
        writer.element("env:Envelope", declarations) { envelope in
            envelope.element("env:Body") { $0.append(content) }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + writer.text
    }
}
