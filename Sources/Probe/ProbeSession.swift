import Foundation
import ProbeAnalysis
import QRReading
import RTP
import RTSPClient
import RTSPClientTransport

/// One probe session: connects with the RTSP client, plays for `seconds`, feeds every
/// event to a `ProbeAnalyzer` with its arrival time, then tears down and returns the
/// report with the thresholds applied. The library call behind `camsim probe`.
public enum ProbeSession {
    /// How often `progress` is called at most.
    public static let progressInterval: Duration = .milliseconds(250)

    public static func run(
        _ options: ProbeOptions, progress: (@Sendable (ProbeReport) -> Void)? = nil
    ) async -> ProbeReport {
        let clock = ContinuousClock()
        let start = clock.now
        let wallStart = Int64(Date().timeIntervalSince1970 * 1e9)
        func nanoseconds(_ instant: ContinuousClock.Instant) -> Int64 { (instant - start).nanoseconds }

        var analyzer = ProbeAnalyzer(connectStarted: 0)
        let meter = options.latency ? try? QRLatencyMeter() : nil
        let connection = RTSPClientConnection.connect(configuration(options), options: clientOptions)
        let deadline = Task {
            try? await Task.sleep(for: .seconds(options.seconds))
            connection.close()
        }
        var lastProgress = start
        var packets = 0
        for await event in connection.events {
            switch event {
            case let .described(description, _):
                analyzer.describe(description.tracks.map(ProbeTrack.init))
            case .playing:
                break
            case let .rtp(packet):
                analyzer.rtpPacket(
                    track: packet.track, header: packet.header, payloadOctets: packet.payload.count,
                    arrival: nanoseconds(packet.arrival))
                analyzer.rtpPayload(
                    track: packet.track, header: packet.header, payload: packet.payload, arrival: nanoseconds(packet.arrival))
                packets += 1
                if packets == options.packetLimit { connection.close() }
            case let .rtcp(packet):
                for case let .senderReport(report) in packet.packets {
                    analyzer.senderReport(track: packet.track, report, arrival: nanoseconds(packet.arrival))
                }
            case let .accessUnit(unit):
                let arrival = nanoseconds(unit.arrival)
                analyzer.accessUnit(
                    track: unit.track, nalUnits: unit.unit.nalUnits, rtpTimestamp: unit.unit.timestamp,
                    complete: unit.unit.isComplete, arrival: arrival)
                if let meter, unit.track == analyzer.videoTrack {
                    for latency in meter.accessUnit(nalUnits: unit.unit.nalUnits, arrivalUnixNanoseconds: wallStart + arrival) {
                        analyzer.latency(milliseconds: latency)
                    }
                }
            case let .closed(error):
                if let error { analyzer.fail(error.description) }
            }
            if let progress, clock.now - lastProgress >= progressInterval {
                lastProgress = clock.now
                progress(analyzer.report(at: nanoseconds(lastProgress)))
            }
        }
        deadline.cancel()
        var report = analyzer.report(at: nanoseconds(clock.now))
        if report.error == nil, report.packets == 0 {
            report.error = "no RTP packet arrived in \(ProbeFormat.number(options.seconds)) s"
        }
        report.url = ProbeURL.redacted(options.url)
        options.thresholds.evaluate(&report)
        return report
    }

    static func configuration(_ options: ProbeOptions) -> RTSPClientConfiguration {
        RTSPClientConfiguration(
            url: options.url, username: options.user, password: options.password,
            transport: transport(options.transport), tracks: nil, userAgent: "camsim-probe",
            responseTimeout: .seconds(10), defaultSessionTimeout: .seconds(60), maximumRedirects: 5)
    }

    static let clientOptions = RTSPClientOptions(
        reportsPackets: true, assemblesAccessUnits: true, sendsReceiverReports: true,
        receiverReportInterval: .seconds(5), eventBufferLimit: 100_000, connectTimeout: .seconds(5),
        ssrc: nil, udpBindHost: "0.0.0.0")

    static func transport(_ transport: ProbeTransport) -> RTSPClientConfiguration.Transport {
        switch transport {
        case .udp: .udp
        case .tcp: .tcp
        case .http: .http
        }
    }
}

extension ProbeTrack {
    /// The probe's view of a track the client read from the SDP.
    init(_ track: RTSPClientTrack) {
        let fallbackRate = track.mediaType == "audio" ? 8_000 : 90_000
        self.init(
            mediaType: track.mediaType, payloadType: track.payloadType ?? 0, encodingName: track.encodingName,
            clockRate: UInt32(clamping: track.clockRate ?? fallbackRate), formatParameters: track.formatParameters,
            control: track.control, advertisedFrameRate: track.frameRate)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
