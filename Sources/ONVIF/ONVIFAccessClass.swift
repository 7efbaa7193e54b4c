/// Who may call an operation: ONVIF Core, "Security", "Access classes for service requests",
/// and each operation's "Access class" line.
public enum ONVIFAccessClass: Sendable, Hashable {
    /// PRE_AUTH: no credentials needed.
    case preAuthentication
    /// READ_SYSTEM and READ_MEDIA: reading settings and media.
    case read
    /// READ_SYSTEM_SECRET: reading what is secret (the user list).
    case readSecret
    /// ACTUATE: moving a PTZ, pulling events and the like.
    case actuate
    /// WRITE_SYSTEM: changing settings.
    case write
    /// UNRECOVERABLE: what cannot be undone (a reboot).
    case unrecoverable
}

/// The operations of one service: an enum whose raw values are the operations' local names
/// in the service's namespace.
public protocol ONVIFServiceOperation: RawRepresentable<String>, CaseIterable, Sendable, Hashable {
    static var service: ONVIFService { get }
    var accessClass: ONVIFAccessClass { get }
    /// The element naming the operation; by default the raw value in the service's namespace.
    var name: XMLName { get }
}

extension ONVIFServiceOperation {
    public var name: XMLName { XMLName(Self.service.namespace, rawValue) }

    /// The operation `name` names, nil for another namespace or an operation not listed.
    public static func named(_ name: XMLName) -> Self? {
        allCases.first { $0.name == name }
    }
}
