/// The recording and event searches open at one time (ONVIF Recording Search Specification,
/// "Search sessions"): `FindRecordings` or `FindEvents` opens one and returns its token,
/// `GetRecordingSearchResults` or `GetEventSearchResults` hands out what it found, each
/// result once, and `EndSearch` ends it. A search the client forgets ends by itself
/// `KeepAliveTime` after the last request about it. A state machine with the clock passed
/// in; bounded in count.
public struct RecordingSearchStore: Sendable {
    /// The most searches open at once; one more is `env:Receiver/ter:Action/ter:ResourceProblem`.
    public static let maxSearches = 16
    /// The longest a search stays open without a request, whatever `KeepAliveTime` asks.
    public static let maxKeepAliveNanoseconds: Int64 = 600 * 1_000_000_000
    /// The shortest: a `KeepAliveTime` of `PT0S` would end the search before its first read.
    public static let minKeepAliveNanoseconds: Int64 = 1_000_000_000
    /// The most results one search holds.
    public static let maxMatchesLimit = 1_000

    /// What a search looks for: its results are read only with the operation of its kind.
    public enum Kind: Sendable, Equatable {
        case recordings, events
    }

    /// One thing a search found.
    public enum Found: Sendable, Equatable {
        /// A recording, by token.
        case recording(String)
        case event(RecordingEvent)
    }

    /// One open search.
    struct Search: Sendable, Equatable {
        /// Who may read it: the camera whose search service opened it.
        var owner: String
        var kind: Kind
        /// What was found and not handed out yet.
        var pending: [Found]
        var keepAliveNanoseconds: Int64
        var expiresAt: Int64
    }

    /// What a results request gets: the results handed out now, and whether the search is
    /// over (`Completed`; the token then stays valid until it expires or ends).
    public struct Results: Sendable, Equatable {
        public var found: [Found]
        public var completed: Bool

        public init(found: [Found], completed: Bool) {
            self.found = found
            self.completed = completed
        }
    }

    private var searches: [String: Search] = [:]
    private var opened: UInt64 = 0

    public init() {}

    /// The searches open at `now`.
    public func count(now: Int64) -> Int { searches.values.filter { $0.expiresAt > now }.count }

    /// Opens a search of `kind` for `owner` that found `found` (at most `maxMatches` of
    /// it), kept `keepAlive` nanoseconds after each request; returns its token.
    public mutating func begin(
        owner: String, kind: Kind, found: [Found], maxMatches: Int?, keepAlive: Int64, now: Int64
    ) throws(SOAPFault) -> String {
        expire(now: now)
        guard searches.count < Self.maxSearches else {
            throw SOAPFault(.receiver, ["Action", "ResourceProblem"], reason: "\(Self.maxSearches) searches are open already; end one with EndSearch")
        }
        let limit = min(max(0, maxMatches ?? Self.maxMatchesLimit), Self.maxMatchesLimit)
        let keep = min(max(Self.minKeepAliveNanoseconds, keepAlive), Self.maxKeepAliveNanoseconds)
        opened += 1
        let token = "Search_\(opened)"
        searches[token] = Search(
            owner: owner, kind: kind, pending: Array(found.prefix(limit)), keepAliveNanoseconds: keep, expiresAt: now + keep)
        return token
    }

    /// Hands out up to `maxResults` of the search's results not handed out before, and
    /// keeps the search alive.
    public mutating func results(token: String, owner: String, kind: Kind, maxResults: Int?, now: Int64) throws(SOAPFault) -> Results {
        var search = try find(token, owner: owner, now: now)
        guard search.kind == kind else { throw Self.invalidToken(token) }
        let count = min(max(0, maxResults ?? search.pending.count), search.pending.count)
        let handed = Array(search.pending.prefix(count))
        search.pending.removeFirst(count)
        search.expiresAt = now + search.keepAliveNanoseconds
        searches[token] = search
        return Results(found: handed, completed: search.pending.isEmpty)
    }

    /// Ends the search, of either kind.
    public mutating func end(token: String, owner: String, now: Int64) throws(SOAPFault) {
        _ = try find(token, owner: owner, now: now)
        searches[token] = nil
    }

    /// Forgets the searches whose keep-alive has run out by `now`.
    public mutating func expire(now: Int64) {
        searches = searches.filter { $0.value.expiresAt > now }
    }

    /// The open search `token` names for `owner`.
    private mutating func find(_ token: String, owner: String, now: Int64) throws(SOAPFault) -> Search {
        expire(now: now)
        guard let search = searches[token], search.owner == owner else { throw Self.invalidToken(token) }
        return search
    }

    /// `env:Sender/ter:InvalidArgVal/ter:InvalidToken`: a token unknown, ended, expired,
    /// opened through another camera or of the other kind of search.
    static func invalidToken(_ token: String) -> SOAPFault {
        SOAPFault.invalidArgVal("InvalidToken", "no search has the token '\(token.prefix(64))' (it may have ended or expired)")
    }
}
