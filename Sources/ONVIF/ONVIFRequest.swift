/// A request the dispatcher accepted: the operation, its body element (the arguments) and
/// the envelope's header blocks (WS-Addressing's `wsa:To` names a subscription, for one).
public struct ONVIFRequest: Sendable, Equatable {
    public var operation: ONVIFOperation
    /// The body's element, named by the operation.
    public var body: XMLNode
    public var headers: [XMLNode]

    public init(operation: ONVIFOperation, body: XMLNode, headers: [XMLNode]) {
        self.operation = operation
        self.body = body
        self.headers = headers
    }
}
