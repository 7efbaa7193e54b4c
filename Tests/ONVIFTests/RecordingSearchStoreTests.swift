import ONVIF
import Testing

@Suite struct RecordingSearchStoreTests {
    static let second: Int64 = 1_000_000_000
    static let t0: Int64 = 1_795_687_200 * second

    static func found(_ tokens: String...) -> [RecordingSearchStore.Found] { tokens.map { .recording($0) } }

    @Test func handsOutEachResultOnceThenCompletes() throws {
        var store = RecordingSearchStore()
        let token = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A", "B", "C"), maxMatches: nil, keepAlive: 10 * Self.second, now: Self.t0)
        let first = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: 2, now: Self.t0)
        #expect(first == .init(found: Self.found("A", "B"), completed: false))
        let second = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0)
        #expect(second == .init(found: Self.found("C"), completed: true))
        let third = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0)
        #expect(third == .init(found: [], completed: true))
        try store.end(token: token, owner: "lobby", now: Self.t0)
        #expect(throws: SOAPFault.self) { try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0) }
    }

    @Test func maxMatchesBoundsWhatIsFound() throws {
        var store = RecordingSearchStore()
        let token = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A", "B", "C"), maxMatches: 1, keepAlive: Self.second, now: Self.t0)
        #expect(try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0).found == Self.found("A"))
    }

    @Test func expiresKeepAliveAfterTheLastRequest() throws {
        var store = RecordingSearchStore()
        let keep = 10 * Self.second
        let token = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A", "B"), maxMatches: nil, keepAlive: keep, now: Self.t0)
        // A read at 9 s keeps it until 19 s.
        _ = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: 1, now: Self.t0 + 9 * Self.second)
        #expect(store.count(now: Self.t0 + 18 * Self.second) == 1)
        _ = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: 0, now: Self.t0 + 18 * Self.second)
        #expect(store.count(now: Self.t0 + 27 * Self.second) == 1)
        do {
            _ = try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0 + 28 * Self.second)
            Issue.record("an expired search answered")
        } catch {
            #expect(error.subcodes == ["InvalidArgVal", "InvalidToken"])
            #expect(error.code == .sender)
        }
        #expect(store.count(now: Self.t0 + 28 * Self.second) == 0)
    }

    @Test func keepAliveIsHeldWithinBounds() throws {
        var store = RecordingSearchStore()
        let zero = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A"), maxMatches: nil, keepAlive: 0, now: Self.t0)
        #expect(throws: Never.self) { try store.results(token: zero, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0) }
        let long = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A"), maxMatches: nil, keepAlive: 86_400 * Self.second, now: Self.t0)
        #expect(throws: SOAPFault.self) {
            try store.results(token: long, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0 + RecordingSearchStore.maxKeepAliveNanoseconds)
        }
    }

    @Test func unknownTokenAndAnotherCamerasSearchAreInvalid() throws {
        var store = RecordingSearchStore()
        let token = try store.begin(owner: "lobby", kind: .recordings, found: Self.found("A"), maxMatches: nil, keepAlive: Self.second, now: Self.t0)
        for (asked, owner) in [("Search_999", "lobby"), (token, "door")] {
            #expect(throws: SOAPFault.invalidArgVal("InvalidToken", "no search has the token '\(asked)' (it may have ended or expired)")) {
                try store.results(token: asked, owner: owner, kind: .recordings, maxResults: nil, now: Self.t0)
            }
            #expect(throws: SOAPFault.self) { try store.end(token: asked, owner: owner, now: Self.t0) }
        }
    }

    @Test func anEventSearchIsNotReadAsARecordingSearch() throws {
        var store = RecordingSearchStore()
        let event = RecordingEvent(recordingToken: "A", trackToken: "VIDEO001", time: Self.t0, isDataPresent: true)
        let token = try store.begin(owner: "lobby", kind: .events, found: [.event(event)], maxMatches: nil, keepAlive: Self.second, now: Self.t0)
        #expect(throws: SOAPFault.self) { try store.results(token: token, owner: "lobby", kind: .recordings, maxResults: nil, now: Self.t0) }
        #expect(try store.results(token: token, owner: "lobby", kind: .events, maxResults: nil, now: Self.t0).found == [.event(event)])
    }

    @Test func openSearchesAreBounded() throws {
        var store = RecordingSearchStore()
        var tokens: Set<String> = []
        for _ in 0..<RecordingSearchStore.maxSearches {
            tokens.insert(try store.begin(owner: "lobby", kind: .recordings, found: [], maxMatches: nil, keepAlive: Self.second, now: Self.t0))
        }
        #expect(tokens.count == RecordingSearchStore.maxSearches)
        do {
            _ = try store.begin(owner: "lobby", kind: .recordings, found: [], maxMatches: nil, keepAlive: Self.second, now: Self.t0)
            Issue.record("one search more than the limit was opened")
        } catch {
            #expect(error.code == .receiver)
            #expect(error.subcodes == ["Action", "ResourceProblem"])
        }
        // Once they expire there is room again.
        #expect(throws: Never.self) {
            try store.begin(owner: "lobby", kind: .recordings, found: [], maxMatches: nil, keepAlive: Self.second, now: Self.t0 + Self.second)
        }
    }
}
