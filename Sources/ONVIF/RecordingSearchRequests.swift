/// The arguments of `tse:FindRecordings` (search.wsdl, in the schema's order; `tt:SearchScope`
/// from onvif.xsd). Values out of range or that do not parse are `env:Sender/ter:InvalidArgVal`
/// faults naming the element.
public struct FindRecordingsRequest: Sendable, Equatable {
    /// `tt:SearchScope`: which recordings a search looks at.
    public struct Scope: Sendable, Equatable {
        /// `IncludedRecordings`: only these recordings, when any are named.
        public var includedRecordings: [String]
        /// `IncludedSources/Token`: only recordings of these sources, when any are named.
        public var includedSources: [String]
        /// `RecordingInformationFilter`, an XPath expression; read and not applied.
        public var informationFilter: String?

        /// Reads a `Scope` element; none is the whole device.
        public init(_ scope: XMLNode?) {
            includedRecordings = scope?.children("IncludedRecordings", in: SOAPNamespace.schema).map(\.trimmedText) ?? []
            includedSources = scope?.children("IncludedSources", in: SOAPNamespace.schema)
                .compactMap { $0.child("Token", in: SOAPNamespace.schema)?.trimmedText } ?? []
            informationFilter = scope?.child("RecordingInformationFilter", in: SOAPNamespace.schema)?.trimmedText
        }

        /// Whether a recording is within the scope: among IncludedRecordings, and of one of
        /// IncludedSources (its SourceId or Name), when they name any.
        public func includes(_ recording: ONVIFRecording) -> Bool {
            (includedRecordings.isEmpty || includedRecordings.contains(recording.token))
                && (includedSources.isEmpty || includedSources.contains(recording.source.sourceId)
                    || includedSources.contains(recording.source.name))
        }
    }

    public var scope: Scope
    public var maxMatches: Int?
    /// `KeepAliveTime`, nanoseconds.
    public var keepAliveNanoseconds: Int64

    /// Reads a `tse:FindRecordings` element.
    public init(_ body: XMLNode) throws(SOAPFault) {
        scope = Scope(body.child("Scope", in: SOAPNamespace.search))
        maxMatches = try SearchArguments.int("MaxMatches", in: body)
        guard let keepAlive = try SearchArguments.duration("KeepAliveTime", in: body) else {
            throw SOAPFault.invalidArgVal(nil, "FindRecordings needs a KeepAliveTime")
        }
        keepAliveNanoseconds = keepAlive
    }
}

/// `tse:GetRecordingSearchResults` and `tse:GetEventSearchResults` (and `EndSearch`, which
/// has only the token).
public struct SearchResultsRequest: Sendable, Equatable {
    public var searchToken: String
    public var minResults: Int?
    public var maxResults: Int?
    /// `WaitTime`, nanoseconds; every result is ready at once, so it is never waited.
    public var waitNanoseconds: Int64?

    /// Reads a results request or `tse:EndSearch`.
    public init(_ body: XMLNode) throws(SOAPFault) {
        guard let token = body.child("SearchToken", in: SOAPNamespace.search)?.trimmedText, !token.isEmpty else {
            throw SOAPFault.invalidArgVal("InvalidToken", "the request has no SearchToken")
        }
        searchToken = token
        minResults = try SearchArguments.int("MinResults", in: body)
        maxResults = try SearchArguments.int("MaxResults", in: body)
        waitNanoseconds = try SearchArguments.duration("WaitTime", in: body)
    }
}

/// Reading the search service's optional number, duration and time arguments.
enum SearchArguments {
    /// An `xs:int` child of the search namespace, nil when absent; negative is refused.
    static func int(_ local: String, in body: XMLNode) throws(SOAPFault) -> Int? {
        guard let node = body.child(local, in: SOAPNamespace.search) else { return nil }
        guard let value = Int32(node.trimmedText), value >= 0 else {
            throw SOAPFault.invalidArgVal(nil, "\(local) '\(node.trimmedText.prefix(32))' is not a number from 0 to \(Int32.max)")
        }
        return Int(value)
    }

    /// An `xs:duration` child of the search namespace, nil when absent.
    static func duration(_ local: String, in body: XMLNode) throws(SOAPFault) -> Int64? {
        guard let node = body.child(local, in: SOAPNamespace.search) else { return nil }
        guard let value = XSDuration.parse(node.trimmedText) else {
            throw SOAPFault.invalidArgVal(nil, "\(local) '\(node.trimmedText.prefix(32))' is not an xs:duration such as PT10S")
        }
        return value
    }

    /// An `xs:dateTime` child of the search namespace, nil when absent.
    static func dateTime(_ local: String, in body: XMLNode) throws(SOAPFault) -> Int64? {
        guard let node = body.child(local, in: SOAPNamespace.search) else { return nil }
        guard let value = XSDateTime.parse(node.trimmedText) else {
            throw SOAPFault.invalidArgVal(nil, "\(local) '\(node.trimmedText.prefix(40))' is not an xs:dateTime such as 2026-11-25T10:00:00Z")
        }
        return value
    }
}
