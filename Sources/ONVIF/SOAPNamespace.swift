/// The namespace URIs ONVIF's SOAP messages use, and the prefixes camsim writes them with.
public enum SOAPNamespace {
    /// SOAP 1.2 (SOAP 1.2 Part 1 §5.1), the only version ONVIF uses (ONVIF Core, "Web services").
    public static let envelope = "http://www.w3.org/2003/05/soap-envelope"
    /// SOAP 1.1, answered with a VersionMismatch fault (SOAP 1.2 Part 1 §5.4.7).
    public static let soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/"
    /// ONVIF's fault subcodes (`ter:NotAuthorized`; ONVIF Core, "Error handling").
    public static let error = "http://www.onvif.org/ver10/error"
    /// ONVIF's shared types (`tt:`).
    public static let schema = "http://www.onvif.org/ver10/schema"
    /// The device service (`tds:`).
    public static let device = "http://www.onvif.org/ver10/device/wsdl"
    /// The media service, ver10 (`trt:`).
    public static let media = "http://www.onvif.org/ver10/media/wsdl"
    /// WS-Security (`wsse:`; OASIS WSS 1.0 SOAP Message Security).
    public static let wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
    /// WS-Security utility (`wsu:Created`).
    public static let wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
    /// WS-Addressing 1.0 and its 2004 draft, whose headers (`wsa:Action`, `wsa:To`) some
    /// clients mark mustUnderstand; they are understood (and need nothing done).
    public static let addressing = "http://www.w3.org/2005/08/addressing"
    public static let addressing2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
    /// The `xml:` prefix, bound by definition (Namespaces in XML §3).
    public static let xml = "http://www.w3.org/XML/1998/namespace"

    /// The header namespaces whose blocks camsim processes or may ignore safely.
    static let understoodHeaders: Set<String> = [wsse, addressing, addressing2004]

    /// Declarations written on every response envelope.
    static let responseDeclarations: [(prefix: String, uri: String)] = [
        ("env", envelope), ("ter", error), ("tt", schema), ("tds", device), ("trt", media),
    ]
}
