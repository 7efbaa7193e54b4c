/// A password from the configuration. It prints as `<hidden>` however it is printed
/// (interpolation, `debugPrint`, `dump`), so it cannot reach a log or an error by accident.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The password itself: read it only to check credentials.
    public let revealed: String

    public init(_ revealed: String) { self.revealed = revealed }

    public var description: String { "<hidden>" }
    public var debugDescription: String { "<hidden>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
