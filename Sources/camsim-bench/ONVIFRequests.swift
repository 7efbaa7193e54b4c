import Foundation
import ONVIF

/// SOAP request bodies as an NVR sends them, each with a UsernameToken digest of its own
/// (a fresh Nonce, so the replay check lets every one through).
enum ONVIFRequests {
    static let user = "admin"
    static let password = "bench-secret"

    static func envelope(_ body: String, header: String = "") -> String {
        let head = header.isEmpty ? "" : "<s:Header>\(header)</s:Header>"
        return #"<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">\#(head)<s:Body>\#(body)</s:Body></s:Envelope>"#
    }

    static let getSystemDateAndTime = #"<tds:GetSystemDateAndTime xmlns:tds="http://www.onvif.org/ver10/device/wsdl"/>"#
    static let getDeviceInformation = #"<tds:GetDeviceInformation xmlns:tds="http://www.onvif.org/ver10/device/wsdl"/>"#
    static let getProfiles = #"<trt:GetProfiles xmlns:trt="http://www.onvif.org/ver10/media/wsdl"/>"#

    /// A `wsse:Security` header with a PasswordDigest UsernameToken (WS-Security UsernameToken
    /// Profile 1.0 §3.1: Base64(SHA-1(nonce + created + password))).
    static func security(index: Int, created: String) -> String {
        var nonce = Data(count: 16)
        withUnsafeBytes(of: UInt64(index).bigEndian) { nonce.replaceSubrange(0..<8, with: $0) }
        withUnsafeBytes(of: UInt64(0x6361_6D73_696D).bigEndian) { nonce.replaceSubrange(8..<16, with: $0) }
        let digest = UsernameTokenVerifier.digest(nonce: nonce, created: created, password: password)
        let typeURI = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
        return #"<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken><wsse:Username>\#(user)</wsse:Username><wsse:Password Type="\#(typeURI)">\#(digest)</wsse:Password><wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">\#(nonce.base64EncodedString())</wsse:Nonce><wsu:Created>\#(created)</wsu:Created></wsse:UsernameToken></wsse:Security>"#
    }

    /// `count` bodies of `operation`, signed when `signed`, Created at `now`.
    static func bodies(_ operation: String, count: Int, signed: Bool, now: Int64, firstIndex: Int = 0) -> [[UInt8]] {
        let created = XSDateTime.format(now)
        return (0..<count).map { index in
            Array(envelope(operation, header: signed ? security(index: firstIndex + index, created: created) : "").utf8)
        }
    }
}
