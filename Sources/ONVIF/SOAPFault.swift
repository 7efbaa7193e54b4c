/// A SOAP 1.2 fault (SOAP 1.2 Part 1 §5.4) with ONVIF's subcodes (ONVIF Core, "Error handling",
/// generic faults): what a request gets when it cannot be answered, with the HTTP status
/// the SOAP 1.2 HTTP binding gives its code (SOAP 1.2 Part 2 §7.5.2, the responding node: `env:Sender`
/// 400, every other code 500).
public struct SOAPFault: Error, Equatable, Sendable, CustomStringConvertible {
    /// The fault's `env:Code/env:Value` (SOAP 1.2 Part 1 §5.4.6).
    public enum Code: String, Sendable {
        case versionMismatch = "VersionMismatch"
        case mustUnderstand = "MustUnderstand"
        case dataEncodingUnknown = "DataEncodingUnknown"
        case sender = "Sender"
        case receiver = "Receiver"
    }

    public var code: Code
    /// `ter:` subcodes, outermost first (`["InvalidArgVal", "NoProfile"]`).
    public var subcodes: [String]
    /// The `env:Reason/env:Text`, in English.
    public var reason: String

    public init(_ code: Code, _ subcodes: [String] = [], reason: String) {
        self.code = code
        self.subcodes = subcodes
        self.reason = reason
    }

    public var description: String {
        (["env:\(code.rawValue)"] + subcodes.map { "ter:\($0)" }).joined(separator: "/") + ": \(reason)"
    }

    /// 400 for `env:Sender`, 500 otherwise (SOAP 1.2 Part 2 §7.5.2).
    public var httpStatus: Int { code == .sender ? 400 : 500 }

    /// The whole response envelope.
    public var envelope: String {
        SOAPResponse.envelope { writer in
            writer.element("env:Fault") { fault in
                fault.element("env:Code") { code in
                    code.element("env:Value", value: "env:\(self.code.rawValue)")
                    Self.writeSubcodes(self.subcodes[...], into: &code)
                }
                fault.element("env:Reason") { reason in
                    reason.element("env:Text", [("xml:lang", "en")], value: self.reason)
                }
            }
        }
    }

    private static func writeSubcodes(_ subcodes: ArraySlice<String>, into writer: inout XMLWriter) {
        guard let first = subcodes.first else { return }
        writer.element("env:Subcode") { subcode in
            subcode.element("env:Value", value: "ter:\(first)")
            writeSubcodes(subcodes.dropFirst(), into: &subcode)
        }
    }
}

extension SOAPFault {
    /// No valid credentials for an operation that needs them (ONVIF Core, generic
    /// faults; "Security": a request failing authentication gets this fault).
    public static func notAuthorized(_ reason: String = "Sender not authorized") -> SOAPFault {
        SOAPFault(.sender, ["NotAuthorized"], reason: reason)
    }

    /// An operation the device does not implement (ONVIF Core, generic faults).
    public static func actionNotSupported(_ operation: String) -> SOAPFault {
        SOAPFault(.receiver, ["ActionNotSupported"], reason: "\(operation) is not supported")
    }

    /// A body that is not well-formed, or refused by the guard.
    public static func wellFormed(_ reason: String) -> SOAPFault {
        SOAPFault(.sender, ["WellFormed"], reason: reason)
    }

    /// An argument whose value is wrong (`subcode` narrows it: `NoProfile`, `NoSource`).
    public static func invalidArgVal(_ subcode: String? = nil, _ reason: String) -> SOAPFault {
        SOAPFault(.sender, ["InvalidArgVal"] + (subcode.map { [$0] } ?? []), reason: reason)
    }
}
