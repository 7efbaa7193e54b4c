/// Request bodies the tests share: what ONVIF clients send, written out.
enum SOAPSamples {
    static let envelopeNS = "http://www.w3.org/2003/05/soap-envelope"

    /// An envelope around `body`, with `header` blocks.
    static func envelope(_ body: String, header: String = "", prefix: String = "s") -> String {
        let head = header.isEmpty ? "" : "<\(prefix):Header>\(header)</\(prefix):Header>"
        return #"<?xml version="1.0" encoding="UTF-8"?><\#(prefix):Envelope xmlns:\#(prefix)="\#(envelopeNS)">\#(head)<\#(prefix):Body>\#(body)</\#(prefix):Body></\#(prefix):Envelope>"#
    }

    static let getSystemDateAndTime = envelope(#"<GetSystemDateAndTime xmlns="http://www.onvif.org/ver10/device/wsdl"/>"#)
    static let getDeviceInformation = envelope(#"<tds:GetDeviceInformation xmlns:tds="http://www.onvif.org/ver10/device/wsdl"/>"#)

    static func getStreamUri(_ token: String) -> String {
        envelope(#"<trt:GetStreamUri xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></trt:StreamSetup><trt:ProfileToken>\#(token)</trt:ProfileToken></trt:GetStreamUri>"#)
    }

    /// A `wsse:Security` header with a UsernameToken, as zeep and gSOAP write it.
    static func security(user: String, password: String, type: String = "PasswordDigest", nonce: String?, created: String?) -> String {
        let typeURI = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#\(type)"
        var token = "<wsse:Username>\(user)</wsse:Username><wsse:Password Type=\"\(typeURI)\">\(password)</wsse:Password>"
        if let nonce { token += "<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">\(nonce)</wsse:Nonce>" }
        if let created { token += "<wsu:Created>\(created)</wsu:Created>" }
        return #"<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken>\#(token)</wsse:UsernameToken></wsse:Security>"#
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
