/// The arguments of `tse:FindEvents` (search.wsdl, in the schema's order): the span to
/// search, the scope, whether to report the state at the start, and the keep-alive.
/// `SearchFilter` (a topic filter) is read and not applied: the one topic is always found.
public struct FindEventsRequest: Sendable, Equatable {
    /// Nanoseconds since 1970.
    public var startPoint: Int64
    /// Nil searches to the end of the recordings; before `startPoint` searches backwards.
    public var endPoint: Int64?
    public var scope: FindRecordingsRequest.Scope
    public var includeStartState: Bool
    public var maxMatches: Int?
    /// `KeepAliveTime`, nanoseconds.
    public var keepAliveNanoseconds: Int64

    /// Reads a `tse:FindEvents` element.
    public init(_ body: XMLNode) throws(SOAPFault) {
        guard let start = try SearchArguments.dateTime("StartPoint", in: body) else {
            throw SOAPFault.invalidArgVal(nil, "FindEvents needs a StartPoint")
        }
        startPoint = start
        endPoint = try SearchArguments.dateTime("EndPoint", in: body)
        scope = FindRecordingsRequest.Scope(body.child("Scope", in: SOAPNamespace.search))
        let include = body.child("IncludeStartState", in: SOAPNamespace.search)?.trimmedText
        includeStartState = include == "true" || include == "1"
        maxMatches = try SearchArguments.int("MaxMatches", in: body)
        guard let keepAlive = try SearchArguments.duration("KeepAliveTime", in: body) else {
            throw SOAPFault.invalidArgVal(nil, "FindEvents needs a KeepAliveTime")
        }
        keepAliveNanoseconds = keepAlive
    }
}
