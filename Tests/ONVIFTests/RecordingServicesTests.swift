import FuzzSeedSupport
@testable import ONVIF
import Testing

@Suite struct RecordingServicesTests {
    static let second: Int64 = 1_000_000_000
    static let hour = 3600 * second
    /// 2026-11-26T10:00:00Z.
    static let now: Int64 = 1_795_687_200 * second
    static let trc = "http://www.onvif.org/ver10/recording/wsdl"
    static let tse = "http://www.onvif.org/ver10/search/wsdl"
    static let trp = "http://www.onvif.org/ver10/replay/wsdl"
    static let tt = "http://www.onvif.org/ver10/schema"

    /// From 24 h ago (and half a millisecond) to an hour ago, with a gap in the middle and one
    /// covering the last hour of it.
    static let ended = ONVIFRecording(
        token: "Recording_lobby",
        source: .init(sourceId: "urn:uuid:1", name: "lobby", location: "hall", description: "camera lobby", address: "rtsp://127.0.0.1:8554/lobby"),
        content: "synthetic recording of lobby", tracks: [.init(token: "VIDEO001", type: .video, description: "H.264 1280x720")],
        startNanoseconds: now - 24 * hour + 500_000, endNanoseconds: now - hour,
        gaps: [(now - 3 * hour)..<(now - 3 * hour + 600 * second), (now - 2 * hour)..<(now - hour)],
        replayURI: "rtsp://127.0.0.1:8554/lobby/playback")

    static func answer(
        _ body: String, recordings: [ONVIFRecording] = [ended], searches: inout RecordingSearchStore, owner: String = "lobby", at time: Int64 = now
    ) throws(SOAPFault) -> XMLNode {
        let request = try ONVIFDispatcher.accept(SOAPSamples.bytes(SOAPSamples.envelope(body))) { _, _ in nil }
        let context = RecordingServices.Context(recordings: recordings, owner: owner, sessionTimeoutSeconds: 60)
        let text = try RecordingServices.answer(request, device: DispatcherTests.device, context: context, searches: &searches, now: time)
        guard let root = try? XMLNode.parse(Array(text.utf8)), let response = root.child("Body", in: SOAPNamespace.envelope)?.children.first else {
            throw SOAPFault.wellFormed("the response did not parse")
        }
        return response
    }

    static func answer(_ body: String, recordings: [ONVIFRecording] = [ended], at time: Int64 = now) throws(SOAPFault) -> XMLNode {
        var searches = RecordingSearchStore()
        return try answer(body, recordings: recordings, searches: &searches, at: time)
    }

    static func fault(_ body: String, recordings: [ONVIFRecording] = [ended]) -> SOAPFault? {
        do {
            _ = try answer(body, recordings: recordings)
            return nil
        } catch {
            return error
        }
    }

    @Test func getRecordingsWritesTheSchemasOrder() throws {
        let response = try Self.answer(#"<GetRecordings xmlns="\#(Self.trc)"/>"#)
        #expect(response.name == XMLName(Self.trc, "GetRecordingsResponse"))
        let items = response.children("RecordingItem", in: Self.trc)
        #expect(items.count == 1)
        #expect(items[0].children.map(\.name.local) == ["RecordingToken", "Configuration", "Tracks"])
        #expect(items[0].child("RecordingToken", in: Self.tt)?.text == "Recording_lobby")
        let configuration = try #require(items[0].child("Configuration", in: Self.tt))
        #expect(configuration.children.map(\.name.local) == ["Source", "Content", "MaximumRetentionTime"])
        #expect(configuration.child("Source")?.children.map(\.name.local) == ["SourceId", "Name", "Location", "Description", "Address"])
        #expect(configuration.child("Source")?.child("Address")?.text == "rtsp://127.0.0.1:8554/lobby")
        let track = try #require(items[0].child("Tracks")?.child("Track"))
        #expect(track.child("TrackToken")?.text == "VIDEO001")
        #expect(track.child("Configuration")?.child("TrackType")?.text == "Video")
        let none = try Self.answer(#"<GetRecordings xmlns="\#(Self.trc)"/>"#, recordings: [])
        #expect(none.children.isEmpty)
    }

    @Test func recordingInformationIsTheFootageNotTheGaps() throws {
        let response = try Self.answer(#"<GetRecordingInformation xmlns="\#(Self.tse)"><RecordingToken>Recording_lobby</RecordingToken></GetRecordingInformation>"#)
        let info = try #require(response.child("RecordingInformation", in: Self.tse))
        #expect(info.children.map(\.name.local) == [
            "RecordingToken", "Source", "EarliestRecording", "LatestRecording", "Content", "Track", "RecordingStatus",
        ])
        // The start rounded up to the millisecond; the end is where the last gap begins.
        #expect(info.child("EarliestRecording")?.text == "2026-11-25T10:00:00.001Z")
        #expect(info.child("LatestRecording")?.text == "2026-11-26T08:00:00.000Z")
        #expect(info.child("RecordingStatus")?.text == "Stopped")
        let track = try #require(info.child("Track"))
        #expect(track.children.map(\.name.local) == ["TrackToken", "TrackType", "Description", "DataFrom", "DataTo"])
        #expect(track.child("DataFrom")?.text == "2026-11-25T10:00:00.001Z")
        #expect(track.child("DataTo")?.text == "2026-11-26T08:00:00.000Z")
        #expect(XSDateTime.parse(track.child("DataTo")?.text ?? "") == Self.now - 2 * Self.hour)
    }

    @Test func aGrowingRecordingIsRecordingUntilNow() throws {
        var growing = Self.ended
        growing.endNanoseconds = nil
        growing.gaps = []
        let body = #"<GetRecordingInformation xmlns="\#(Self.tse)"><RecordingToken>Recording_lobby</RecordingToken></GetRecordingInformation>"#
        let info = try #require(try Self.answer(body, recordings: [growing]).child("RecordingInformation"))
        #expect(info.child("LatestRecording")?.text == "2026-11-26T10:00:00.000Z")
        #expect(info.child("RecordingStatus")?.text == "Recording")
        let later = try #require(try Self.answer(body, recordings: [growing], at: Self.now + 90 * Self.second).child("RecordingInformation"))
        #expect(later.child("LatestRecording")?.text == "2026-11-26T10:01:30.000Z")
    }

    @Test func unknownRecordingTokensGetTheSpecsFaults() {
        let information = Self.fault(#"<GetRecordingInformation xmlns="\#(Self.tse)"><RecordingToken>Recording_x</RecordingToken></GetRecordingInformation>"#)
        #expect(information?.subcodes == ["InvalidArgVal", "InvalidToken"])
        #expect(information?.httpStatus == 400)
        let replay = Self.fault(#"<GetReplayUri xmlns="\#(Self.trp)"><RecordingToken>Recording_x</RecordingToken></GetReplayUri>"#)
        #expect(replay?.subcodes == ["InvalidArgVal", "NoRecording"])
        let results = Self.fault(#"<GetRecordingSearchResults xmlns="\#(Self.tse)"><SearchToken>Search_1</SearchToken></GetRecordingSearchResults>"#)
        #expect(results?.subcodes == ["InvalidArgVal", "InvalidToken"])
        let end = Self.fault(#"<EndSearch xmlns="\#(Self.tse)"><SearchToken></SearchToken></EndSearch>"#)
        #expect(end?.subcodes == ["InvalidArgVal", "InvalidToken"])
    }

    @Test func summarySpansEveryRecordingsFootage() throws {
        var other = Self.ended
        other.token = "Recording_door"
        other.startNanoseconds = Self.now - 48 * Self.hour
        other.gaps = []
        let summary = try #require(try Self.answer(#"<GetRecordingSummary xmlns="\#(Self.tse)"/>"#, recordings: [Self.ended, other]).child("Summary"))
        #expect(summary.children.map(\.name.local) == ["DataFrom", "DataUntil", "NumberRecordings"])
        #expect(summary.child("DataFrom")?.text == "2026-11-24T10:00:00.000Z")
        #expect(summary.child("DataUntil")?.text == "2026-11-26T09:00:00.000Z")
        #expect(summary.child("NumberRecordings")?.text == "2")
        let empty = try #require(try Self.answer(#"<GetRecordingSummary xmlns="\#(Self.tse)"/>"#, recordings: []).child("Summary"))
        #expect(empty.child("NumberRecordings")?.text == "0")
    }

    @Test func findRecordingsThenResultsThenEndSearch() throws {
        var searches = RecordingSearchStore()
        let find = #"<FindRecordings xmlns="\#(Self.tse)" xmlns:tt="\#(Self.tt)"><Scope/><MaxMatches>10</MaxMatches><KeepAliveTime>PT10S</KeepAliveTime></FindRecordings>"#
        let token = try #require(try Self.answer(find, searches: &searches).child("SearchToken")?.trimmedText)
        let ask = #"<GetRecordingSearchResults xmlns="\#(Self.tse)"><SearchToken>\#(token)</SearchToken><MinResults>1</MinResults><MaxResults>5</MaxResults><WaitTime>PT5S</WaitTime></GetRecordingSearchResults>"#
        let list = try #require(try Self.answer(ask, searches: &searches).child("ResultList", in: Self.tse))
        #expect(list.children.map(\.name.local) == ["SearchState", "RecordingInformation"])
        #expect(list.child("SearchState")?.text == "Completed")
        #expect(list.child("RecordingInformation")?.child("RecordingToken")?.text == "Recording_lobby")
        // Through another camera the token is unknown.
        #expect(throws: SOAPFault.self) { try Self.answer(ask, searches: &searches, owner: "door") }
        let end = try Self.answer(#"<EndSearch xmlns="\#(Self.tse)"><SearchToken>\#(token)</SearchToken></EndSearch>"#, searches: &searches)
        #expect(XSDateTime.parse(end.child("Endpoint")?.text ?? "") == Self.now)
        #expect(throws: SOAPFault.self) { try Self.answer(ask, searches: &searches) }
    }

    @Test func findRecordingsHonoursIncludedRecordingsAndExpires() throws {
        var searches = RecordingSearchStore()
        let find = #"<FindRecordings xmlns="\#(Self.tse)" xmlns:tt="\#(Self.tt)"><Scope><tt:IncludedRecordings>Recording_door</tt:IncludedRecordings></Scope><KeepAliveTime>PT10S</KeepAliveTime></FindRecordings>"#
        let token = try #require(try Self.answer(find, searches: &searches).child("SearchToken")?.trimmedText)
        let ask = #"<GetRecordingSearchResults xmlns="\#(Self.tse)"><SearchToken>\#(token)</SearchToken></GetRecordingSearchResults>"#
        let list = try #require(try Self.answer(ask, searches: &searches, at: Self.now + 9 * Self.second).child("ResultList"))
        #expect(list.children("RecordingInformation", in: Self.tt).isEmpty)
        #expect(list.child("SearchState")?.text == "Completed")
        // Ten seconds after the last request the search is gone.
        #expect(throws: SOAPFault.self) { try Self.answer(ask, searches: &searches, at: Self.now + 19 * Self.second) }
    }

    @Test func badSearchArgumentsAreInvalidArgVal() {
        let noKeepAlive = Self.fault(#"<FindRecordings xmlns="\#(Self.tse)"><Scope/></FindRecordings>"#)
        #expect(noKeepAlive?.subcodes == ["InvalidArgVal"])
        let badKeepAlive = Self.fault(#"<FindRecordings xmlns="\#(Self.tse)"><Scope/><KeepAliveTime>10 seconds</KeepAliveTime></FindRecordings>"#)
        #expect(badKeepAlive?.subcodes == ["InvalidArgVal"])
        let negative = Self.fault(#"<FindRecordings xmlns="\#(Self.tse)"><Scope/><MaxMatches>-1</MaxMatches><KeepAliveTime>PT1S</KeepAliveTime></FindRecordings>"#)
        #expect(negative?.subcodes == ["InvalidArgVal"])
        let huge = Self.fault(#"<GetRecordingSearchResults xmlns="\#(Self.tse)"><SearchToken>Search_1</SearchToken><MaxResults>99999999999</MaxResults></GetRecordingSearchResults>"#)
        #expect(huge?.reason.contains("MaxResults") == true)
    }

    @Test func replayURIAndConfiguration() throws {
        let body = #"<GetReplayUri xmlns="\#(Self.trp)" xmlns:tt="\#(Self.tt)"><StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><RecordingToken>Recording_lobby</RecordingToken></GetReplayUri>"#
        #expect(try Self.answer(body).child("Uri", in: Self.trp)?.text == "rtsp://127.0.0.1:8554/lobby/playback")
        let configuration = try Self.answer(#"<GetReplayConfiguration xmlns="\#(Self.trp)"/>"#)
        #expect(configuration.child("Configuration")?.child("SessionTimeout", in: Self.tt)?.text == "PT60S")
    }

    @Test func serviceCapabilities() throws {
        let recording = try Self.answer(#"<GetServiceCapabilities xmlns="\#(Self.trc)"/>"#)
        #expect(recording.child("Capabilities", in: Self.trc)?.attributes[XMLName("", "DynamicRecordings")] == "false")
        let search = try Self.answer(#"<GetServiceCapabilities xmlns="\#(Self.tse)"/>"#)
        #expect(search.child("Capabilities", in: Self.tse)?.attributes[XMLName("", "MetadataSearch")] == "false")
        let replay = try Self.answer(#"<GetServiceCapabilities xmlns="\#(Self.trp)"/>"#)
        #expect(replay.child("Capabilities", in: Self.trp)?.attributes[XMLName("", "ReversePlayback")] == "true")
        // The device alone answers capabilities, and nothing that needs the recordings.
        let alone = ONVIFDispatcher.reply(
            to: SOAPSamples.bytes(SOAPSamples.envelope(#"<GetRecordings xmlns="\#(Self.trc)"/>"#)),
            device: DispatcherTests.device, now: Self.now) { _ in nil }
        #expect(alone.fault == .actionNotSupported("GetRecordings"))
    }

    @Test func footageLeavesOutGapsAtTheEdges() {
        var recording = Self.ended
        recording.gaps = [(recording.startNanoseconds - Self.hour)..<(recording.startNanoseconds + Self.hour), (Self.now - 2 * Self.hour)..<Self.now]
        #expect(recording.footage(now: Self.now) == [(recording.startNanoseconds + Self.hour)..<(Self.now - 2 * Self.hour)])
        recording.gaps = [(recording.startNanoseconds - Self.hour)..<Self.now]
        #expect(recording.footage(now: Self.now).isEmpty)
        #expect(recording.dataSpan(now: Self.now) == nil)
    }

    @Test func findEventsReportsWhereFootageStartsAndStops() throws {
        var searches = RecordingSearchStore()
        let find = #"<FindEvents xmlns="\#(Self.tse)"><StartPoint>2026-11-25T00:00:00Z</StartPoint><Scope/><SearchFilter/><IncludeStartState>true</IncludeStartState><KeepAliveTime>PT10S</KeepAliveTime></FindEvents>"#
        let token = try #require(try Self.answer(find, searches: &searches).child("SearchToken")?.trimmedText)
        let ask = #"<GetEventSearchResults xmlns="\#(Self.tse)"><SearchToken>\#(token)</SearchToken></GetEventSearchResults>"#
        let list = try #require(try Self.answer(ask, searches: &searches).child("ResultList"))
        #expect(list.child("SearchState")?.text == "Completed")
        let results = list.children("Result", in: Self.tt)
        #expect(results.first?.children.map(\.name.local) == ["RecordingToken", "TrackToken", "Time", "Event", "StartStateEvent"])
        func present(_ result: XMLNode) -> String? {
            result.child("Event")?.child("Message")?.child("Message")?.child("Data")?.child("SimpleItem")?.attributes[XMLName("", "Value")]
        }
        // The state at the start point (before the recording: no data), then each edge.
        #expect(results.map { $0.child("Time")?.text ?? "" } == [
            "2026-11-25T00:00:00.000Z", "2026-11-25T10:00:00.001Z", "2026-11-26T07:00:00.000Z",
            "2026-11-26T07:10:00.000Z", "2026-11-26T08:00:00.000Z",
        ])
        #expect(results.map(present) == ["false", "true", "false", "true", "false"])
        #expect(results.map { $0.child("StartStateEvent")?.text } == ["true", "false", "false", "false", "false"])
        #expect(results[1].child("Event")?.child("Topic")?.text == "tns1:RecordingHistory/Track/State")
        // An event search is not read as a recording search.
        #expect(throws: SOAPFault.self) {
            try Self.answer(#"<GetRecordingSearchResults xmlns="\#(Self.tse)"><SearchToken>\#(token)</SearchToken></GetRecordingSearchResults>"#, searches: &searches)
        }
    }

    @Test func findEventsBackwardsIsNewestFirst() {
        let events = Self.ended.events(from: Self.now, to: Self.now - 4 * Self.hour, includeStartState: false, now: Self.now)
        #expect(events.map(\.time) == [Self.now - 2 * Self.hour, Self.now - 3 * Self.hour + 600 * Self.second, Self.now - 3 * Self.hour])
        #expect(events.map(\.isDataPresent) == [false, true, false])
        var growing = Self.ended
        growing.endNanoseconds = nil
        growing.gaps = []
        // The present moment of a growing recording is no event.
        #expect(growing.events(from: 0, to: nil, includeStartState: false, now: Self.now).map(\.isDataPresent) == [true])
    }

    @Test func millisecondTimesRoundTowardTheFootage() {
        let t = Self.now + 1_500_001
        #expect(XSDateTime.format(t, milliseconds: .up) == "2026-11-26T10:00:00.002Z")
        #expect(XSDateTime.format(t, milliseconds: .down) == "2026-11-26T10:00:00.001Z")
        #expect(XSDateTime.format(Self.now, milliseconds: .up) == "2026-11-26T10:00:00.000Z")
        #expect(XSDateTime.format(Self.now - 1, milliseconds: .down) == "2026-11-26T09:59:59.999Z")
        #expect(XSDateTime.parse(XSDateTime.format(t, milliseconds: .down)) == Self.now + 1_000_000)
    }

    /// One request of each operation, as the fuzz target's seeds.
    static let seedBodies = [
        #"<GetRecordings xmlns="\#(trc)"/>"#,
        #"<GetServiceCapabilities xmlns="\#(tse)"/>"#,
        #"<GetRecordingSummary xmlns="\#(tse)"/>"#,
        #"<GetRecordingInformation xmlns="\#(tse)"><RecordingToken>Recording_lobby</RecordingToken></GetRecordingInformation>"#,
        #"<FindRecordings xmlns="\#(tse)" xmlns:tt="\#(tt)"><Scope><tt:IncludedRecordings>Recording_lobby</tt:IncludedRecordings></Scope><MaxMatches>10</MaxMatches><KeepAliveTime>PT10S</KeepAliveTime></FindRecordings>"#,
        #"<GetRecordingSearchResults xmlns="\#(tse)"><SearchToken>Search_1</SearchToken><MinResults>1</MinResults><MaxResults>5</MaxResults><WaitTime>PT5S</WaitTime></GetRecordingSearchResults>"#,
        #"<EndSearch xmlns="\#(tse)"><SearchToken>Search_1</SearchToken></EndSearch>"#,
        #"<GetReplayUri xmlns="\#(trp)" xmlns:tt="\#(tt)"><StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup><RecordingToken>Recording_lobby</RecordingToken></GetReplayUri>"#,
        #"<GetReplayConfiguration xmlns="\#(trp)"/>"#,
        #"<FindEvents xmlns="\#(tse)"><StartPoint>2026-11-25T00:00:00Z</StartPoint><EndPoint>2026-11-26T00:00:00Z</EndPoint><Scope/><SearchFilter/><IncludeStartState>true</IncludeStartState><MaxMatches>100</MaxMatches><KeepAliveTime>PT10S</KeepAliveTime></FindEvents>"#,
        #"<GetEventSearchResults xmlns="\#(tse)"><SearchToken>Search_2</SearchToken><MaxResults>10</MaxResults></GetEventSearchResults>"#,
    ].map { SOAPSamples.envelope($0) }

    @Test func seedsAreAnswered() throws {
        var searches = RecordingSearchStore()
        for body in Self.seedBodies {
            let request = try ONVIFDispatcher.accept(SOAPSamples.bytes(body)) { _, _ in nil }
            let context = RecordingServices.Context(recordings: [Self.ended], owner: "lobby", sessionTimeoutSeconds: 60)
            #expect(throws: Never.self) {
                try RecordingServices.answer(request, device: DispatcherTests.device, context: context, searches: &searches, now: Self.now)
            }
        }
        try FuzzSeeds.check("recording-search", texts: Self.seedBodies)
    }
}
