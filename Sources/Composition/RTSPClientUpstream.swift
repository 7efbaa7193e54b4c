import Cameras
import Config
import H264
import RTP
import RTSP
import RTSPClient
import RTSPClientTransport

/// A proxy camera's upstream through camsim's RTSP client: one client connection per
/// session, its video track's access units, sender reports and loss turned into
/// `UpstreamEvent`s.
struct RTSPClientUpstream: ProxyUpstream {
    let source: ProxySource

    var displayURL: String { source.url }

    func open(events: @escaping @Sendable (UpstreamEvent) -> Void) -> any UpstreamSession {
        let transport: RTSPClientConfiguration.Transport = switch source.transport {
        case .udp: .udp
        case .tcp: .tcp
        case .http: .http
        }
        let configuration = RTSPClientConfiguration(
            url: source.url, username: source.user, password: source.password?.revealed, transport: transport)
        let connection = RTSPClientConnection.connect(configuration, options: RTSPClientOptions())
        let task = Task {
            var translator = UpstreamTranslator()
            for await event in connection.events {
                for translated in translator.translate(event) { events(translated) }
            }
        }
        return Session(connection: connection, task: task)
    }

    struct Session: UpstreamSession {
        let connection: RTSPClientConnection
        let task: Task<Void, Never>

        func close() {
            connection.close()
        }
    }
}

/// Turns the client's events into a proxy's: the first H.264 video track is the one relayed.
struct UpstreamTranslator {
    private var videoTrack: Int?
    private var loss = UpstreamLossCounter()

    mutating func translate(_ event: RTSPClientEvent) -> [UpstreamEvent] {
        switch event {
        case .described(let description, let selected):
            let tracks = selected.map { description.tracks[$0] }
            guard let index = selected.first(where: { description.tracks[$0].mediaType == "video" }) else {
                let codecs = tracks.map { $0.encodingName ?? $0.mediaType }.joined(separator: ", ")
                return [.described(UpstreamDescription(encodingName: codecs.isEmpty ? "no video" : codecs))]
            }
            videoTrack = index
            let track = description.tracks[index]
            var parameterSets: ParameterSets?
            if let fmtp = track.formatParameters, let parsed = try? H264FormatParameters.parse(fmtp),
               !parsed.sps.isEmpty, !parsed.pps.isEmpty {
                parameterSets = ParameterSets(sequenceParameterSet: parsed.sps, pictureParameterSet: parsed.pps)
            }
            return [.described(UpstreamDescription(
                encodingName: track.encodingName ?? "unknown", clockRate: track.clockRate ?? 0,
                parameterSets: parameterSets, frameRate: track.frameRate))]
        case .accessUnit(let unit) where unit.track == videoTrack:
            return [.accessUnit(UpstreamAccessUnit(
                nalUnits: unit.unit.nalUnits, rtpTimestamp: unit.unit.timestamp, isIDR: unit.unit.isIDR,
                isComplete: unit.unit.isComplete))]
        case .rtp(let packet) where packet.track == videoTrack:
            guard let percent = loss.receive(sequenceNumber: packet.header.sequenceNumber, timestamp: packet.header.timestamp) else {
                return []
            }
            return [.loss(percent: percent)]
        case .rtcp(let packet) where packet.track == videoTrack:
            return packet.packets.compactMap { packet in
                guard case .senderReport(let report) = packet else { return nil }
                return .senderReport(ntpTimestamp: report.ntpTimestamp, rtpTimestamp: report.rtpTimestamp)
            }
        case .closed(let error):
            return [.closed(reason: error.map { "\($0)" } ?? "closed")]
        default:
            return []
        }
    }
}

/// The upstream's loss (RFC 3550 §A.3, `RTPReceptionStatistics`), reported every
/// `interval` packets.
struct UpstreamLossCounter {
    private var statistics = RTPReceptionStatistics(minSequential: 1)
    private var packets = 0
    static let interval = 256

    /// The loss so far in percent, every `interval` packets; nil in between.
    mutating func receive(sequenceNumber: UInt16, timestamp: UInt32) -> Double? {
        // Jitter is not reported here, so the arrival time does not matter.
        _ = statistics.record(sequenceNumber: sequenceNumber, timestamp: timestamp, arrival: timestamp)
        packets += 1
        guard packets % Self.interval == 0 else { return nil }
        return statistics.lossRatio * 100
    }
}
