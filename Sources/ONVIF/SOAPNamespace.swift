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
    /// The media service, ver20 ("Media2"; `tr2:`).
    public static let media2 = "http://www.onvif.org/ver20/media/wsdl"
    /// The event service (`tev:`; ONVIF Core, "Event handling").
    public static let events = "http://www.onvif.org/ver10/events/wsdl"
    /// WS-BaseNotification (`wsnt:`), whose messages the event service carries.
    public static let notification = "http://docs.oasis-open.org/wsn/b-2"
    /// WS-Topics (`wstop:`).
    public static let topics = "http://docs.oasis-open.org/wsn/t-1"
    /// ONVIF's topic namespace (`tns1:RuleEngine/CellMotionDetector/Motion`).
    public static let onvifTopics = "http://www.onvif.org/ver10/topics"
    /// The PTZ service, ver20 (`tptz:`).
    public static let ptz = "http://www.onvif.org/ver20/ptz/wsdl"
    /// The recording control service (`trc:`; Profile G).
    public static let recording = "http://www.onvif.org/ver10/recording/wsdl"
    /// The recording search service (`tse:`).
    public static let search = "http://www.onvif.org/ver10/search/wsdl"
    /// The replay control service (`trp:`).
    public static let replay = "http://www.onvif.org/ver10/replay/wsdl"
    /// The device IO service (`tmd:`), whose audio outputs the backchannel is.
    public static let deviceIO = "http://www.onvif.org/ver10/deviceIO/wsdl"
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
        ("env", envelope), ("ter", error), ("tt", schema), ("tds", device), ("trt", media), ("tr2", media2),
        ("tev", events), ("wsnt", notification), ("wstop", topics), ("tns1", onvifTopics), ("wsa", addressing),
        ("tptz", ptz), ("trc", recording), ("tse", search), ("trp", replay), ("tmd", deviceIO),
    ]
}
