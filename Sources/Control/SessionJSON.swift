import Foundation
import Server

/// A session as `GET /api/v1/sessions` lists it (snake_case, times ISO 8601 UTC with
/// milliseconds), written from a `SessionSummary`.
struct SessionJSON: Encodable {
    var id: String
    var camera: String
    var stream: String
    /// True for a session playing the camera's recording.
    var playback: Bool
    var transport: String?
    var client: String
    var started: Date
    var packetsSent: Int
    var bytesSent: Int
    var faults: [String: Int]
    var rtcp: ReceiverReportJSON?
    var backchannel: BackchannelJSON?

    /// What the client sent on its ONVIF backchannel track.
    struct BackchannelJSON: Encodable {
        var packets: Int
        var bytes: Int
        var lost: Int
    }

    /// The viewer's last RTCP receiver report (RFC 3550 §6.4.1).
    struct ReceiverReportJSON: Encodable {
        var fractionLost: Double
        var cumulativeLost: Int
        var jitterMs: Double
        var rttMs: Double?
        var received: Date
        var reports: Int

        enum CodingKeys: String, CodingKey {
            case fractionLost = "fraction_lost", cumulativeLost = "cumulative_lost", jitterMs = "jitter_ms"
            case rttMs = "rtt_ms", received, reports
        }

        /// `rtt_ms` is written as `null` before the viewer has echoed a sender report.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fractionLost, forKey: .fractionLost)
            try container.encode(cumulativeLost, forKey: .cumulativeLost)
            try container.encode(jitterMs, forKey: .jitterMs)
            try container.encode(rttMs, forKey: .rttMs)
            try container.encode(received, forKey: .received)
            try container.encode(reports, forKey: .reports)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, camera, stream, playback, transport, client, started
        case packetsSent = "packets_sent", bytesSent = "bytes_sent", faults, rtcp, backchannel
    }

    init(_ summary: SessionSummary) {
        id = summary.id
        camera = summary.camera
        stream = summary.stream
        playback = summary.playback
        transport = summary.transport?.rawValue
        client = summary.client
        started = Self.date(wallClockNanos: summary.startedWallClockNanos)
        packetsSent = summary.packetsSent
        bytesSent = summary.bytesSent
        faults = summary.faults
        rtcp = summary.reception.map { report in
            ReceiverReportJSON(
                fractionLost: report.fractionLost, cumulativeLost: report.cumulativeLost,
                jitterMs: report.jitterSeconds * 1_000, rttMs: report.roundTripSeconds.map { $0 * 1_000 },
                received: Self.date(wallClockNanos: report.receivedWallClockNanos), reports: report.count)
        }
        backchannel = summary.backchannel.map { BackchannelJSON(packets: $0.packets, bytes: $0.bytes, lost: $0.lost) }
    }

    /// `rtcp` is written as `null` until a report arrived, `backchannel` when the session
    /// SETUP none.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(camera, forKey: .camera)
        try container.encode(stream, forKey: .stream)
        try container.encode(playback, forKey: .playback)
        try container.encode(transport, forKey: .transport)
        try container.encode(client, forKey: .client)
        try container.encode(started, forKey: .started)
        try container.encode(packetsSent, forKey: .packetsSent)
        try container.encode(bytesSent, forKey: .bytesSent)
        try container.encode(faults, forKey: .faults)
        try container.encode(rtcp, forKey: .rtcp)
        try container.encode(backchannel, forKey: .backchannel)
    }

    static func date(wallClockNanos: Int64) -> Date {
        Date(timeIntervalSince1970: Double(wallClockNanos) / 1e9)
    }
}

/// `{"sessions": [Session]}`.
struct SessionListJSON: Encodable {
    var sessions: [SessionJSON]
}
