/// WS-BaseNotification's `AbsoluteOrRelativeTimeType` (§4.2 `InitialTerminationTime`, §6.1
/// `Renew`): an `xs:dateTime` or an `xs:duration` from now.
public enum TerminationTimeValue {
    /// The instant `text` names, nanoseconds since 1970, or nil when it is neither form.
    public static func resolve(_ text: String, now: Int64) -> Int64? {
        let trimmed = text.trimmingXMLSpace
        if trimmed.hasPrefix("P") { return XSDuration.parse(trimmed).map { now &+ $0 } }
        return XSDateTime.parse(trimmed)
    }
}
