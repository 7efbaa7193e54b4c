import Foundation
import Testing
@testable import Faults

@Suite("Value notations")
struct ValueTests {
    @Test func durations() {
        #expect(FaultValues.duration("200ms", bareUnit: sec) == 200 * ms)
        #expect(FaultValues.duration("1.5s", bareUnit: ms) == 1500 * ms)
        #expect(FaultValues.duration("2m", bareUnit: ms) == 120 * sec)
        #expect(FaultValues.duration("250us", bareUnit: ms) == 250_000)
        #expect(FaultValues.duration("1h", bareUnit: ms) == 3600 * sec)
        #expect(FaultValues.duration("30", bareUnit: ms) == 30 * ms)
        #expect(FaultValues.duration("30", bareUnit: sec) == 30 * sec)
        #expect(FaultValues.duration("-5ms", bareUnit: ms) == nil)
        #expect(FaultValues.duration("-5ms", bareUnit: ms, allowNegative: true) == -5 * ms)
        #expect(FaultValues.duration("5 parsecs", bareUnit: ms) == nil)
    }

    @Test func probabilities() {
        #expect(FaultValues.probability("5%", bareIsPercent: false) == 0.05)
        #expect(FaultValues.probability("0.05", bareIsPercent: false) == 0.05)
        #expect(FaultValues.probability("5", bareIsPercent: true) == 0.05)
        #expect(FaultValues.probability("0.5", bareIsPercent: true) == 0.005)
        #expect(FaultValues.probability("5", bareIsPercent: false) == nil)
        #expect(FaultValues.probability("-1%", bareIsPercent: false) == nil)
    }

    @Test func bitrates() {
        #expect(FaultValues.bitrate("2mbit") == 2_000_000)
        #expect(FaultValues.bitrate("500kbit") == 500_000)
        #expect(FaultValues.bitrate("2M") == 2_000_000)
        #expect(FaultValues.bitrate("2.5Mbps") == 2_500_000)
        #expect(FaultValues.bitrate("2000k") == 2_000_000)
        #expect(FaultValues.bitrate("64000") == 64_000)
        #expect(FaultValues.bitrate("1gbit") == 1_000_000_000)
        #expect(FaultValues.bitrate("2MB") == nil)
        #expect(FaultValues.bitrate("0") == nil)
    }

    @Test func sizesAndQueues() {
        #expect(FaultValues.bytes("64KB") == 64_000)
        #expect(FaultValues.bytes("64KiB") == 65_536)
        #expect(FaultValues.bytes("1500") == 1500)
        #expect(FaultValues.queue("100ms") == .time(100 * ms))
        #expect(FaultValues.queue("100KB") == .bytes(100_000))
        #expect(FaultValues.queue("1MB") == .bytes(1_000_000))
    }
}

@Suite("Fault profiles from URL queries")
struct QueryParsingTests {
    func parse(_ query: String, catalog: [String: FaultProfile] = [:]) throws(FaultProfileError) -> FaultQuery {
        let items = query.split(separator: "&").map { item -> (name: String, value: String) in
            let parts = item.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        return try FaultProfile.parse(query: items, catalog: catalog)
    }

    func reason(_ query: String, catalog: [String: FaultProfile] = [:]) -> String? {
        do {
            _ = try parse(query, catalog: catalog)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func basicParameters() throws {
        let result = try parse("loss=5&jitter=30ms&delay=100&profile=lte&seed=7")
        #expect(result.seed == 7)
        #expect(result.profile.network.loss == 0.05)
        #expect(result.profile.network.jitter == 30 * ms)
        #expect(result.profile.network.delay == 100 * ms)
        #expect(result.profile.network.bandwidth == BandwidthSpec(rate: 12_000_000))  // from lte
    }

    @Test func compoundParameters() throws {
        let result = try parse(
            "burst-loss=2&mean_burst=4&reorder=10&reorder_hold=30ms&reorder_gap=5&corrupt=1&corrupt_bits=3"
                + "&bandwidth=2mbit&queue=100ms&bucket=16KB&outage_at=10&outage_for=5&outage_every=60"
                + "&freeze_at=20s&freeze_for=2s&respond=SETUP:503,get_parameter:454"
                + "&timestamp_jump_at=30&timestamp_jump_by=-2s&payload_type_at=40s&payload_type=97"
                + "&deny_transport=udp&max_viewers=1&drop_idr=5&no_rtcp=true"
        )
        let n = result.profile.network
        #expect(n.burstLoss == GilbertElliottParameters(lossRate: 0.02, meanBurst: 4))
        #expect(n.reorder == ReorderSpec(probability: 0.1, hold: 30 * ms, gap: 5))
        #expect(n.corrupt == CorruptionSpec(probability: 0.01, bits: 3))
        #expect(n.bandwidth == BandwidthSpec(rate: 2_000_000, burst: 16_000, queue: .time(100 * ms)))
        #expect(n.outage == FaultWindow(start: 10 * sec, duration: 5 * sec, every: 60 * sec))
        #expect(result.profile.media.freeze == FaultWindow(start: 20 * sec, duration: 2 * sec))
        #expect(result.profile.media.timestampJump == TimestampJump(at: 30 * sec, offset: -2 * sec))
        #expect(result.profile.media.payloadTypeChange == PayloadTypeChange(at: 40 * sec, payloadType: 97))
        #expect(result.profile.media.dropIDR == 0.05)
        #expect(result.profile.control.statusOverrides == ["SETUP": 503, "GET_PARAMETER": 454])
        #expect(result.profile.control.deniedTransports == [.udp])
        #expect(result.profile.control.maxViewers == 1 && result.profile.control.noRTCP == true)
        #expect(result.seed == nil)
    }

    @Test func headerRewritesStartAtTheSessionStartUnlessTimed() throws {
        let result = try parse("timestamp_jump_by=500&payload_type=33")
        #expect(result.profile.media.timestampJump == TimestampJump(at: 0, offset: 500 * ms))
        #expect(result.profile.media.payloadTypeChange == PayloadTypeChange(at: 0, payloadType: 33))
    }

    /// A URL speaks for one viewer; a fault on the camera's shared encoder would silently
    /// do nothing there (or change every viewer), so it is refused with the reason.
    @Test func cameraWideFaultsAreRefused() {
        let encoderReason = "changes the camera's encoder, which every viewer shares; "
            + "set it in the camera's faults in the configuration, not in a URL"
        #expect(reason("gop=600") == "gop (a long GOP) " + encoderReason)
        #expect(reason("frozen_at=1&frozen_for=2")?.hasPrefix("a frozen picture " + encoderReason) == true)
        let catalog = ["stuck": FaultProfile(media: MediaFaultProfile(
            frozenPicture: FaultWindow(start: 0, duration: sec), gopOverride: 900))]
        #expect(reason("profile=stuck", catalog: catalog)
            == "profile 'stuck' has faults that change the camera's shared encoder (gop, frozen_picture); "
            + "give them to the camera in the configuration")
        #expect(!FaultProfile.queryKeys.contains("gop"))
    }

    @Test func catalogProfilesAreFound() throws {
        let catalog = ["flaky": FaultProfile(network: NetworkFaultProfile(loss: 0.2))]
        #expect(try parse("profile=flaky&delay=5ms", catalog: catalog).profile.network.loss == 0.2)
    }

    /// Queries that are refused, and the reason given.
    static let refusals = [
        ("jiter=30ms", "unknown fault parameter 'jiter' (did you mean 'jitter'?)"),
        ("colour=red", "unknown fault parameter 'colour'"),
        ("loss=150", "loss must be a percentage like 5 or 5%, got '150'"),
        ("delay=soon", "delay must be a duration like 200ms or 1.5s (a bare number is milliseconds), got 'soon'"),
        ("profile=ltee", "unknown fault profile 'ltee' (did you mean 'lte'?)"),
        ("seed=-1", "seed must be a whole number 0–18446744073709551615, got '-1'"),
        ("burst_loss=2", "burst_loss needs mean_burst (the mean burst length in packets)"),
        ("queue=100ms", "queue needs bandwidth"),
        ("reorder_hold=5ms", "reorder_hold needs reorder"),
        ("outage_at=10s", "outage needs outage_for (how long it lasts)"),
        ("loss=1&loss=2", "fault parameter 'loss' is given twice"),
        ("respond=SETUP", "respond must be METHOD:STATUS[,METHOD:STATUS…] like SETUP:503, got 'SETUP'"),
        ("timestamp_jump_at=5s", "timestamp_jump_at needs timestamp_jump_by (how far the timestamps jump)"),
        ("payload_type=128", "payload_type must be a whole number 0–127, got '128'"),
        ("payload_type_at=5s", "payload_type_at needs payload_type (the new payload type, 0–127)"),
    ]

    @Test(arguments: refusals)
    func errorsGiveTheReason(_ query: String, _ expected: String) {
        #expect(reason(query) == expected)
    }
}

@Suite("Presets and the demo configuration")
struct PresetAndDemoTests {
    @Test func presetsAreComplete() {
        #expect(Set(FaultPresets.names) == ["none", "wifi-good", "wifi-congested", "lte", "3g", "satellite", "lossy-bursty"])
        #expect(FaultPresets.named["none"]?.isEmpty == true)
        for (name, profile) in FaultPresets.named where name != "none" {
            #expect(!profile.network.isEmpty, "\(name)")
            if let ge = profile.network.burstLoss { #expect(ge.problem == nil, "\(name)") }
        }
    }

    @Test(arguments: FaultPresets.names)
    func presetParsesByName(_ name: String) throws {
        let viaYAML = try FaultProfile.parse(yaml: "preset: \(name)\n", file: "t", line: 1)
        #expect(viaYAML == FaultPresets.named[name])
        let viaURL = try FaultProfile.parse(query: [("profile", name)])
        #expect(viaURL.profile == FaultPresets.named[name])
        // Every preset runs through the model.
        var model = NetworkFaultModel(profile: viaYAML.network, seed: 1)
        let fates = run(&model, count: 2000)
        #expect(fates.allSatisfy { $0.copies.allSatisfy { $0.at >= 0 } })
    }

    @Test func readmeDocumentsEveryPreset() throws {
        let doc = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        for name in FaultPresets.names { #expect(text.contains("| `\(name)` |"), "\(name)") }
    }
}
