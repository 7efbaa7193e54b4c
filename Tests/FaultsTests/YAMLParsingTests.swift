import Testing
@testable import Faults

@Suite("Fault profiles from YAML")
struct YAMLParsingTests {
    func parse(_ yaml: String, line: Int = 1) throws -> FaultProfile {
        try FaultProfile.parse(yaml: yaml, file: "lab.yaml", line: line)
    }

    func problems(_ yaml: String, line: Int = 1, known: Set<String>? = nil) -> [FaultProblem] {
        do {
            _ = try FaultProfile.parse(yaml: yaml, file: "lab.yaml", line: line, knownProfiles: known)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func networkKeys() throws {
        let profile = try parse("""
            loss: 5%
            burst_loss: {rate: 2%, mean_burst: 4}
            delay: 200ms
            jitter: 20
            jitter_distribution: uniform
            allow_reorder: true
            reorder: {probability: 1%, hold: 30ms, gap: 5}
            duplicate: 0.01
            corrupt: {probability: 0.5%, bits: 3, protect_header: false}
            bandwidth: 2mbit
            queue: 64KB
            bucket: 3000
            outage: {at: 10s, duration: 5s, every: 1m}
            apply_to_rtcp: false
            """)
        let n = profile.network
        #expect(n.loss == 0.05)
        #expect(n.burstLoss == GilbertElliottParameters(lossRate: 0.02, meanBurst: 4))
        #expect(n.delay == 200 * ms && n.jitter == 20 * ms && n.jitterDistribution == .uniform)
        #expect(n.allowReorder == true)
        #expect(n.reorder == ReorderSpec(probability: 0.01, hold: 30 * ms, gap: 5))
        #expect(n.duplicate == 0.01)
        #expect(n.corrupt == CorruptionSpec(probability: 0.005, bits: 3, protectedBytes: 0))
        #expect(n.bandwidth == BandwidthSpec(rate: 2_000_000, burst: 3000, queue: .bytes(64_000)))
        #expect(n.outage == FaultWindow(start: 10 * sec, duration: 5 * sec, every: 60 * sec))
        #expect(n.applyToRTCP == false)
        #expect(profile.media.isEmpty && profile.control.isEmpty && profile.schedule == nil)
    }

    @Test func fourParameterBurstAndScalarForms() throws {
        let profile = try parse("""
            burst_loss: {p: 0.01, r: 0.3, k: 0.999, h: 50%}
            reorder: 2%
            corrupt: 0.1%
            bandwidth: {rate: 500kbit, queue: 100ms}
            """)
        #expect(profile.network.burstLoss == GilbertElliottParameters(p: 0.01, r: 0.3, k: 0.999, h: 0.5))
        #expect(profile.network.reorder == ReorderSpec(probability: 0.02))
        #expect(profile.network.corrupt == CorruptionSpec(probability: 0.001))
        #expect(profile.network.bandwidth == BandwidthSpec(rate: 500_000, queue: .time(100 * ms)))
    }

    @Test func mediaControlAndScheduleKeys() throws {
        let profile = try parse("""
            drop_frames: 1%
            drop_every: 30
            drop_idr: 10%
            freeze: {at: 20s, for: 3s}
            frozen_picture: {at: 40s, duration: 2s}
            suppress_idr_on_join: true
            gop: 600
            strip_parameter_sets: yes
            resolution_change: {at: 30s, size: 640x360}
            timestamp_jump: {at: 15s, by: -1.5s}
            rtcp_drift_ppm: 250
            declared_fps: 25
            ssrc_change: 45s
            payload_type_change: {at: 50s, payload_type: 97}
            offline: false
            reboot: {at: 2m, down: 15s, every: 10m}
            reset_connection_after: 90s
            respond: {SETUP: 503, get_parameter: 454}
            response_delay: 300ms
            response_jitter: 50ms
            deny_transport: [udp]
            close_session_after: 60
            no_rtcp: true
            max_viewers: 4
            max_viewers_status: 503
            schedule:
              start: 5s
              duration: 1m
              every: 5m
              timeline:
                - {at: 10s, apply: lte, for: 20s}
                - {at: 45s, reboot: 10s}
            """)
        let m = profile.media
        #expect(m.dropFrames == 0.01 && m.dropEvery == 30 && m.dropIDR == 0.1)
        #expect(m.freeze == FaultWindow(start: 20 * sec, duration: 3 * sec))
        #expect(m.frozenPicture == FaultWindow(start: 40 * sec, duration: 2 * sec))
        #expect(m.suppressIDROnJoin == true && m.gopOverride == 600 && m.stripParameterSets == true)
        #expect(m.resolutionChange == ResolutionChange(at: 30 * sec, width: 640, height: 360))
        #expect(m.timestampJump == TimestampJump(at: 15 * sec, offset: -1500 * ms))
        #expect(m.rtcpDriftPPM == 250 && m.declaredFrameRate == 25 && m.ssrcChangeAt == 45 * sec)
        #expect(m.payloadTypeChange == PayloadTypeChange(at: 50 * sec, payloadType: 97))
        let c = profile.control
        #expect(c.offline == false)
        #expect(c.reboot == FaultWindow(start: 120 * sec, duration: 15 * sec, every: 600 * sec))
        #expect(c.resetConnectionAfter == 90 * sec)
        #expect(c.statusOverrides == ["SETUP": 503, "GET_PARAMETER": 454])
        #expect(c.responseDelay == 300 * ms && c.responseJitter == 50 * ms)
        #expect(c.deniedTransports == [.udp])
        #expect(c.closeSessionAfter == 60 * sec && c.noRTCP == true)
        #expect(c.maxViewers == 4 && c.maxViewersStatus == 503)
        #expect(profile.schedule == FaultSchedule(
            start: 5 * sec, duration: 60 * sec, every: 300 * sec,
            timeline: [TimelineEntry(at: 10 * sec, duration: 20 * sec, action: .apply("lte")),
                       TimelineEntry(at: 45 * sec, duration: 10 * sec, action: .reboot)]
        ))
    }

    @Test func presetBaseThenOverrides() throws {
        let profile = try parse("preset: 3g\nloss: 10%\n")
        #expect(profile.network.loss == 0.1)
        #expect(profile.network.delay == 250 * ms)
    }

    @Test func emptyTextIsNoFaults() throws {
        #expect(try parse("").isEmpty)
        #expect(try parse("loss: ~\n").isEmpty)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var yaml: String
        var line: Int
        var key: String
        var message: String
        var suggestion: String? = nil
        var testDescription: String { key }
    }

    static let badCases: [BadCase] = [
        BadCase(yaml: "loss: 5%\njiter: 20ms\n", line: 11, key: "jiter", message: "unknown key 'jiter'",
                suggestion: "did you mean 'jitter'?"),
        BadCase(yaml: "loss: 150%\n", line: 10, key: "loss",
                message: "expected a percentage like 5% or a fraction like 0.05, got '150%'"),
        BadCase(yaml: "loss: 5\n", line: 10, key: "loss",
                message: "expected a percentage like 5% or a fraction like 0.05, got '5'"),
        BadCase(yaml: "delay: fast\n", line: 10, key: "delay",
                message: "expected a duration like 200ms or 1.5s (a bare number is milliseconds), got 'fast'"),
        BadCase(yaml: "bandwidth: 2MB\n", line: 10, key: "bandwidth",
                message: "expected a bit rate like 2mbit, 500kbit or 2M, got '2MB'"),
        BadCase(yaml: "\nburst_loss: {rate: 2%}\n", line: 11, key: "burst_loss",
                message: "both 'rate' and 'mean_burst' are needed"),
        BadCase(yaml: "burst_loss: {rate: 2%, mean_brust: 4}\n", line: 10, key: "burst_loss.mean_brust",
                message: "unknown key 'mean_brust'", suggestion: "did you mean 'mean_burst'?"),
        BadCase(yaml: "queue: 100ms\n", line: 10, key: "queue", message: "'queue' needs 'bandwidth'"),
        BadCase(yaml: "outage: {at: 10s}\n", line: 10, key: "outage", message: "'duration' is required"),
        BadCase(yaml: "respond: {STEUP: 503}\n", line: 10, key: "respond.STEUP",
                message: "unknown RTSP method 'STEUP'", suggestion: "did you mean 'SETUP'?"),
        BadCase(yaml: "jitter_distribution: pareto\n", line: 10, key: "jitter_distribution",
                message: "expected normal or uniform, got 'pareto'"),
        BadCase(yaml: "preset: lt\n", line: 10, key: "preset", message: "unknown preset 'lt'",
                suggestion: "did you mean 'lte'?"),
        BadCase(yaml: "schedule:\n  timeline:\n    - {at: 5s}\n", line: 12, key: "schedule.timeline[0]",
                message: "'apply' or 'reboot' is required"),
        BadCase(yaml: "loss: [1, 2]\n", line: 10, key: "loss",
                message: "expected a percentage like 5% or a fraction like 0.05"),
    ]

    @Test(arguments: badCases)
    func errorsNameFileLineAndKey(_ bad: BadCase) throws {
        let found = problems(bad.yaml, line: 10)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.file == "lab.yaml")
        #expect(problem.line == bad.line)
        #expect(problem.key == bad.key)
        #expect(problem.message == bad.message)
        #expect(problem.suggestion == bad.suggestion)
    }

    @Test func everyProblemIsReported() {
        let found = problems("loss: lots\ndelay: soon\nwhat: 1\n", line: 3)
        #expect(found.map(\.key) == ["what", "loss", "delay"] || found.map(\.key) == ["loss", "delay", "what"])
        #expect(found.count == 3)
        let description = FaultProfileError(problems: found).description
        #expect(description.contains("lab.yaml:5: what: unknown key 'what'"))
    }

    @Test func unknownTimelineProfileIsReportedWhenNamesAreKnown() {
        let yaml = "schedule:\n  timeline:\n    - {at: 5s, apply: flakey}\n"
        #expect(problems(yaml, known: nil).isEmpty)
        let found = problems(yaml, known: ["flaky"])
        #expect(found.first?.suggestion == "did you mean 'flaky'?")
        #expect(problems("schedule:\n  timeline:\n    - {at: 5s, apply: satellite}\n", known: []).isEmpty)
    }

    @Test func syntaxErrorsHaveALine() {
        let found = problems("loss: 5%\ndelay: [\n", line: 20)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("not valid YAML") == true)
        #expect((found.first?.line ?? 0) >= 20)
    }
}
