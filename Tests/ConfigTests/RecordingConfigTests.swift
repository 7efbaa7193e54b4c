import Testing
@testable import Config

@Suite("Recording configuration")
struct RecordingConfigTests {
    /// 2026-11-25T12:00:00Z.
    static let now: Int64 = 1_795_608_000 * 1_000_000_000
    static let hour: Int64 = 3_600_000_000_000
    static let minute: Int64 = 60_000_000_000

    /// Recordings that load, for the fuzz target's seeds too.
    static let validExamples = [
        "start: -24h\ngaps:\n  - { at: -3h, duration: 10m }\n",
        "start: 2026-11-25T10:15:00Z\nend: 20261125T102000Z\nloop: true\n",
        "start: -1h\ngaps:\n  - { at: -10m, duration: 1m }\n  - { at: -50m, duration: 90s }\n",
    ]

    func parse(_ yaml: String) throws -> RecordingConfig {
        try RecordingConfig.parse(yaml: yaml, file: "test.yaml", now: Self.now)
    }

    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try RecordingConfig.parse(yaml: yaml, file: "test.yaml", now: Self.now)
            Issue.record("expected problems")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func offsetsResolveAgainstNow() throws {
        let config = try parse(Self.validExamples[0])
        #expect(config == RecordingConfig(
            startNanoseconds: Self.now - 24 * Self.hour, end: .growing,
            gaps: [.init(startNanoseconds: Self.now - 3 * Self.hour, endNanoseconds: Self.now - 3 * Self.hour + 10 * Self.minute)]))
    }

    @Test func instantsAndAFixedEnd() throws {
        let config = try parse(Self.validExamples[1])
        #expect(config.startNanoseconds == Self.now - 105 * Self.minute)
        #expect(config.end == .at(unixNanoseconds: Self.now - 100 * Self.minute))
        #expect(config.loop)
        #expect(try parse("start: -1h\nend: now\n").end == .growing)
    }

    @Test func gapsAreSortedByStart() throws {
        let config = try parse(Self.validExamples[2])
        #expect(config.gaps.map(\.startNanoseconds) == [Self.now - 50 * Self.minute, Self.now - 10 * Self.minute])
        #expect(config.gaps[0].endNanoseconds - config.gaps[0].startNanoseconds == 90_000_000_000)
    }

    @Test(arguments: [
        ("2026-11-25T10:15:00Z", Int64(1_795_601_700) * 1_000_000_000),
        ("2026-11-25T10:15:00.25Z", Int64(1_795_601_700) * 1_000_000_000 + 250_000_000),
        ("2026-11-25T11:15:00+01:00", Int64(1_795_601_700) * 1_000_000_000),
        ("2026-11-25T05:15:00-0500", Int64(1_795_601_700) * 1_000_000_000),
        ("20261125T101500Z", Int64(1_795_601_700) * 1_000_000_000),
        ("2024-02-29T00:00:00Z", Int64(1_709_164_800) * 1_000_000_000),
        ("1970-01-01T00:00:00.000000001Z", 1),
        ("1969-12-31T23:59:59Z", -1_000_000_000),
    ])
    func iso8601Instants(text: String, nanoseconds: Int64) {
        #expect(ISO8601Instant(parsing: text)?.unixNanoseconds == nanoseconds)
    }

    @Test(arguments: [
        "2026-11-25T10:15:00", "2026-11-25 10:15:00Z", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-11-25T24:00:00Z", "2026-11-25T10:15:60Z", "2026-11-25T10:15:00.Z", "2026-11-25T10:15:00.1234567890Z",
        "2026-11-25T10:15Z", "9999-01-01T00:00:00Z", "2026-11-25T10:15:00Zjunk", "",
    ])
    func malformedInstants(text: String) {
        #expect(ISO8601Instant(parsing: text) == nil)
    }

    @Test(arguments: [
        ("10m", 600.0), ("1h30m", 5400), ("90s", 90), ("2d", 172_800), ("1.5h", 5400), ("250ms", 0.25), ("600", 600),
        ("1d2h3m4s5ms", 93_784.005),
    ])
    func durations(text: String, seconds: Double) {
        #expect(RecordingDuration(parsing: text)?.nanoseconds == Int64((seconds * 1e9).rounded()))
    }

    @Test(arguments: ["", "m", "10x", "30m1h", "1h1h", "-5m", "1e3", "10 m", "1000000d", ".", "1.2.3s"])
    func malformedDurations(text: String) {
        #expect(RecordingDuration(parsing: text) == nil)
    }

    struct Case: Sendable, CustomStringConvertible {
        var yaml: String
        var keyPath: String
        var line: Int
        var messageContains: String
        var description: String { "\(keyPath): \(messageContains)" }
    }

    static let cases: [Case] = [
        Case(yaml: "end: now\n", keyPath: "recording", line: 1, messageContains: "needs a 'start'"),
        Case(yaml: "start: yesterday\n", keyPath: "recording.start", line: 1, messageContains: "is not an instant"),
        Case(yaml: "start: +1h\n", keyPath: "recording.start", line: 1, messageContains: "in the future"),
        Case(yaml: "start: now\n", keyPath: "recording.start", line: 1, messageContains: "must be in the past"),
        Case(yaml: "start: -1h\nend: -2h\n", keyPath: "recording.end", line: 2, messageContains: "must come after the start"),
        Case(yaml: "start: -1h\nend: 2030-01-01T00:00:00Z\n", keyPath: "recording.end", line: 2, messageContains: "in the future"),
        Case(yaml: "start: -1h\nloop: sometimes\n", keyPath: "recording.loop", line: 2, messageContains: "true or false"),
        Case(yaml: "start: -1h\nstrat: -2h\n", keyPath: "recording.strat", line: 2, messageContains: "unknown key"),
        Case(yaml: "start: -1h\ngaps: { at: -10m }\n", keyPath: "recording.gaps", line: 2, messageContains: "expected a list"),
        Case(yaml: "start: -1h\ngaps:\n  - { at: -2h, duration: 1m }\n", keyPath: "recording.gaps[0].at", line: 3,
             messageContains: "inside the recording"),
        Case(yaml: "start: -1h\ngaps:\n  - { at: -10m, duration: 0s }\n", keyPath: "recording.gaps[0].duration", line: 3,
             messageContains: "greater than zero"),
        Case(yaml: "start: -1h\ngaps:\n  - { at: -10m, duration: 20m }\n", keyPath: "recording.gaps[0].duration", line: 3,
             messageContains: "runs past the end"),
        Case(yaml: "start: -1h\ngaps:\n  - { duration: 1m }\n", keyPath: "recording.gaps[0]", line: 3, messageContains: "needs 'at'"),
        Case(yaml: "start: -1h\ngaps:\n  - { at: -10m }\n", keyPath: "recording.gaps[0]", line: 3, messageContains: "needs a 'duration'"),
        Case(yaml: "start: -1h\ngaps:\n  - { at: -30m, duration: 10m }\n  - { at: -25m, duration: 1m }\n",
             keyPath: "recording.gaps[1]", line: 4, messageContains: "overlaps the gap at 2026-11-25T11:30:00Z"),
    ]

    @Test(arguments: cases)
    func problemsNameTheField(c: Case) {
        let found = problems(c.yaml)
        #expect(found.count == 1, "\(found)")
        guard let problem = found.first else { return }
        #expect(problem.keyPath == c.keyPath, "\(problem)")
        #expect(problem.line == c.line, "\(problem)")
        #expect(problem.message.contains(c.messageContains), "\(problem)")
        #expect(problem.file == "test.yaml")
    }

    @Test func everyProblemIsReported() {
        let found = problems("start: -1h\nend: soon\nloop: 3\ngaps:\n  - { at: never, duration: 1m }\n")
        #expect(found.map(\.keyPath) == ["recording.end", "recording.loop", "recording.gaps[0].at"])
    }
}
