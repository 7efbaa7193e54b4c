/// A host and port the control endpoint listens on, printed as a URL authority.
public struct ControlAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with an IPv6 host in brackets.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// `http://host:port/`, where the dashboard is served.
    public var url: String { "http://\(description)/" }
}
