import Foundation
import Server
import Testing
@testable import Control

/// A session as the API writes it: snake_case, ISO 8601 times, `null` where nothing is known yet.
@Suite struct SessionJSONTests {
    static func summary(reception: ReceptionReport?) -> SessionSummary {
        SessionSummary(
            id: "ABC", camera: "site/door", stream: "sub", transport: .http, client: "[::1]:5000",
            startedWallClockNanos: 1_764_126_726_123_000_000, packetsSent: 10, bytesSent: 12_000,
            faults: ["random_loss": 2], reception: reception)
    }

    static func object(_ summary: SessionSummary) throws -> [String: Any] {
        let data = try ControlJSON.encoder().encode(SessionJSON(summary))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func beforeAnyReportRTCPIsNull() throws {
        let json = try Self.object(Self.summary(reception: nil))
        #expect(json["rtcp"] is NSNull)
        #expect(json["transport"] as? String == "http")
        #expect(json["client"] as? String == "[::1]:5000")
        #expect(json["started"] as? String == "2025-11-26T03:12:06.123Z")
        #expect(json["packets_sent"] as? Int == 10)
        #expect(json["bytes_sent"] as? Int == 12_000)
        #expect((json["faults"] as? [String: Int]) == ["random_loss": 2])
        #expect(json["playback"] as? Bool == false)
        #expect(json["backchannel"] is NSNull)
    }

    @Test func aBackchannelsCountersAreWritten() throws {
        var summary = Self.summary(reception: nil)
        summary.backchannel = SessionSummary.Backchannel(packets: 248, bytes: 39_680, lost: 2)
        let backchannel = try #require(try Self.object(summary)["backchannel"] as? [String: Any])
        #expect(backchannel["packets"] as? Int == 248)
        #expect(backchannel["bytes"] as? Int == 39_680)
        #expect(backchannel["lost"] as? Int == 2)
        #expect(backchannel.count == 3)
    }

    @Test func aPlaybackSessionOverRTSPSSaysSo() throws {
        var summary = Self.summary(reception: nil)
        summary.playback = true
        summary.transport = .tls
        let json = try Self.object(summary)
        #expect(json["playback"] as? Bool == true)
        #expect(json["transport"] as? String == "tls")
    }

    @Test func aReportIsWrittenInMillisecondsWithANullRoundTripUntilKnown() throws {
        let report = ReceptionReport(
            fractionLost: 0.25, cumulativeLost: -1, jitterSeconds: 0.0125, roundTripSeconds: nil,
            receivedWallClockNanos: 1_764_126_730_000_000_000, count: 3)
        let rtcp = try #require(try Self.object(Self.summary(reception: report))["rtcp"] as? [String: Any])
        #expect(rtcp["fraction_lost"] as? Double == 0.25)
        #expect(rtcp["cumulative_lost"] as? Int == -1)
        #expect(abs((rtcp["jitter_ms"] as? Double ?? 0) - 12.5) < 1e-9)
        #expect(rtcp["rtt_ms"] is NSNull)
        #expect(rtcp["received"] as? String == "2025-11-26T03:12:10.000Z")
        #expect(rtcp["reports"] as? Int == 3)
    }
}
