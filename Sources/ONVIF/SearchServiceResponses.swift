/// The recording search service's answers (ONVIF Recording Search Service Specification;
/// search.wsdl, types from onvif.xsd in the schema's sequence order). Times are
/// `xs:dateTime` in UTC to the millisecond.
enum SearchServiceResponses {
    /// The answer to `operation`, from the device alone.
    static func respond(_ operation: SearchOperation, request: XMLNode, device: ONVIFDevice, into w: inout XMLWriter) throws(SOAPFault) {
        switch operation {
        case .getServiceCapabilities: w.element("tse:GetServiceCapabilitiesResponse") { serviceCapabilities(device, into: &$0) }
        default: throw SOAPFault.actionNotSupported(operation.rawValue)
        }
    }

    /// The answer to `operation` given the camera's recordings and the open searches,
    /// which `owner` (the camera's path) keys.
    static func respond(
        _ operation: SearchOperation, request: XMLNode, device: ONVIFDevice, recordings: [ONVIFRecording],
        searches: inout RecordingSearchStore, owner: String, now: Int64, into w: inout XMLWriter
    ) throws(SOAPFault) {
        switch operation {
        case .getRecordingSummary: summary(recordings, now: now, into: &w)
        case .getRecordingInformation:
            let token = request.child("RecordingToken", in: SOAPNamespace.search)?.trimmedText ?? ""
            guard let recording = recordings.first(where: { $0.token == token }) else {
                throw SOAPFault.invalidArgVal("InvalidToken", "no recording has the token '\(token.prefix(64))'")
            }
            w.element("tse:GetRecordingInformationResponse") { w in
                information(recording, element: "tse:RecordingInformation", now: now, into: &w)
            }
        case .findRecordings:
            let find = try FindRecordingsRequest(request)
            let found = recordings.filter(find.scope.includes).map { RecordingSearchStore.Found.recording($0.token) }
            let token = try searches.begin(
                owner: owner, kind: .recordings, found: found, maxMatches: find.maxMatches, keepAlive: find.keepAliveNanoseconds, now: now)
            w.element("tse:FindRecordingsResponse") { $0.element("tse:SearchToken", value: token) }
        case .getRecordingSearchResults:
            let ask = try SearchResultsRequest(request)
            let results = try searches.results(token: ask.searchToken, owner: owner, kind: .recordings, maxResults: ask.maxResults, now: now)
            w.element("tse:GetRecordingSearchResultsResponse") { w in
                w.element("tse:ResultList") { w in
                    w.element("tt:SearchState", value: results.completed ? "Completed" : "Searching")
                    for case .recording(let token) in results.found {
                        guard let recording = recordings.first(where: { $0.token == token }) else { continue }
                        information(recording, element: "tt:RecordingInformation", now: now, into: &w)
                    }
                }
            }
        case .findEvents:
            let find = try FindEventsRequest(request)
            let found = recordings.filter(find.scope.includes)
                .flatMap { $0.events(from: find.startPoint, to: find.endPoint, includeStartState: find.includeStartState, now: now) }
                .map(RecordingSearchStore.Found.event)
            let token = try searches.begin(
                owner: owner, kind: .events, found: found, maxMatches: find.maxMatches, keepAlive: find.keepAliveNanoseconds, now: now)
            w.element("tse:FindEventsResponse") { $0.element("tse:SearchToken", value: token) }
        case .getEventSearchResults:
            let ask = try SearchResultsRequest(request)
            let results = try searches.results(token: ask.searchToken, owner: owner, kind: .events, maxResults: ask.maxResults, now: now)
            w.element("tse:GetEventSearchResultsResponse") { w in
                w.element("tse:ResultList") { w in
                    w.element("tt:SearchState", value: results.completed ? "Completed" : "Searching")
                    for case .event(let event) in results.found { self.event(event, into: &w) }
                }
            }
        case .endSearch:
            let ask = try SearchResultsRequest(request)
            try searches.end(token: ask.searchToken, owner: owner, now: now)
            // Endpoint: how far the search had come; a recording search looks at the whole archive at once.
            w.element("tse:EndSearchResponse") { $0.element("tse:Endpoint", value: XSDateTime.format(now, milliseconds: .down)) }
        default: try respond(operation, request: request, device: device, into: &w)
        }
    }

    /// `tse:Capabilities`: no metadata search, no start-state events.
    static func serviceCapabilities(_ device: ONVIFDevice, into w: inout XMLWriter) {
        w.empty("tse:Capabilities", [("MetadataSearch", "false"), ("GeneralStartEvents", "false")])
    }

    /// `GetRecordingSummary` (`tt:RecordingSummary`): the span from the earliest footage of any
    /// recording to the latest, and how many recordings there are. With none, both ends are `now`.
    static func summary(_ recordings: [ONVIFRecording], now: Int64, into w: inout XMLWriter) {
        let spans = recordings.compactMap { $0.dataSpan(now: now) }
        let from = spans.map(\.lowerBound).min() ?? now
        let until = spans.map(\.upperBound).max() ?? now
        w.element("tse:GetRecordingSummaryResponse") { w in
            w.element("tse:Summary") { w in
                w.element("tt:DataFrom", value: XSDateTime.format(from, milliseconds: .up))
                w.element("tt:DataUntil", value: XSDateTime.format(until, milliseconds: .down))
                w.element("tt:NumberRecordings", value: "\(recordings.count)")
            }
        }
    }

    /// A `tt:RecordingInformation` named `element`: the first and last instants with footage
    /// (gaps inside are seen on replay, not here), the same for each track, and the status.
    static func information(_ recording: ONVIFRecording, element: String, now: Int64, into w: inout XMLWriter) {
        let span = recording.dataSpan(now: now)
        w.element(element) { w in
            w.element("tt:RecordingToken", value: recording.token)
            RecordingServiceResponses.source(recording.source, into: &w)
            if let span {
                w.element("tt:EarliestRecording", value: XSDateTime.format(span.lowerBound, milliseconds: .up))
                w.element("tt:LatestRecording", value: XSDateTime.format(span.upperBound, milliseconds: .down))
            }
            w.element("tt:Content", value: recording.content)
            for track in recording.tracks {
                w.element("tt:Track") { w in
                    w.element("tt:TrackToken", value: track.token)
                    w.element("tt:TrackType", value: track.type.rawValue)
                    w.element("tt:Description", value: track.description)
                    let from = span?.lowerBound ?? recording.startNanoseconds
                    let to = span?.upperBound ?? recording.startNanoseconds
                    w.element("tt:DataFrom", value: XSDateTime.format(from, milliseconds: .up))
                    w.element("tt:DataTo", value: XSDateTime.format(to, milliseconds: .down))
                }
            }
            w.element("tt:RecordingStatus", value: recording.status(now: now))
        }
    }
}
