import Cameras
import Config
import H264
import Server

/// A camera as `GET /api/v1/cameras` shows it: state, viewers, URLs (main first),
/// streams with their counters, and its faults as the configuration has them.
struct CameraJSON: Encodable {
    var path: String
    var state: String
    var viewers: Int
    var urls: [String]
    var streams: [StreamJSON]
    /// The camera's `faults:` as JSON (see ``FaultsJSON``), or null when it has none
    /// or only names one profile.
    var faults: JSONValue?
    /// The profile's name when the faults are one named profile.
    var faultProfile: String?
    /// A proxy camera's upstream; nil (absent) for a simulated camera.
    var upstream: UpstreamJSON?

    /// A proxy camera's upstream source: its state, reconnects and its own loss.
    struct UpstreamJSON: Encodable {
        var url: String
        var state: String
        var reconnects: Int
        var failures: Int
        var lossPercent: Double

        enum CodingKeys: String, CodingKey {
            case url, state, reconnects, failures
            case lossPercent = "loss_pct"
        }
    }

    /// One encoded stream; the counters count what the stream made, once, however many watch.
    struct StreamJSON: Encodable {
        var name: String
        var width: Int
        var height: Int
        var fps: Double
        var bitrateKbps: Int?
        var codec = "h264"
        var url: String
        var viewers: Int
        var framesEncoded: Int
        var framesSkipped: Int
        var packetsSent: Int
        var bytesSent: Int

        enum CodingKeys: String, CodingKey {
            case name, width, height, fps, codec, url, viewers
            case bitrateKbps = "bitrate_kbps", framesEncoded = "frames_encoded", framesSkipped = "frames_skipped"
            case packetsSent = "packets_sent", bytesSent = "bytes_sent"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(fps, forKey: .fps)
            try container.encode(bitrateKbps, forKey: .bitrateKbps)
            try container.encode(codec, forKey: .codec)
            try container.encode(url, forKey: .url)
            try container.encode(viewers, forKey: .viewers)
            try container.encode(framesEncoded, forKey: .framesEncoded)
            try container.encode(framesSkipped, forKey: .framesSkipped)
            try container.encode(packetsSent, forKey: .packetsSent)
            try container.encode(bytesSent, forKey: .bytesSent)
        }
    }

    enum CodingKeys: String, CodingKey {
        case path, state, viewers, urls, streams, faults, upstream
        case faultProfile = "fault_profile"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(state, forKey: .state)
        try container.encode(viewers, forKey: .viewers)
        try container.encode(urls, forKey: .urls)
        try container.encode(streams, forKey: .streams)
        try container.encode(faults, forKey: .faults)
        try container.encode(faultProfile, forKey: .faultProfile)
        try container.encodeIfPresent(upstream, forKey: .upstream)
    }
}

extension CameraJSON {
    /// The camera `status` shows, with `config` (its entry in the configuration in force) for
    /// its faults; URLs name `server`'s host and port.
    init(_ status: CameraStatus, config: CameraConfig?, server: CamsimServer) {
        let mainURL = server.url(forPath: status.path)
        streams = status.streams.enumerated().map { index, stream in
            let counters = stream.counters.snapshot
            let encoder = stream.definition.encoder
            var bitrate: Int?
            if case .averageBitrate(let kbps) = encoder.rateControl { bitrate = kbps }
            return StreamJSON(
                name: stream.definition.streamName, width: encoder.width, height: encoder.height,
                fps: encoder.frameRate.framesPerSecond, bitrateKbps: bitrate,
                url: index == 0 ? mainURL : server.url(forPath: "\(status.path)/\(stream.definition.streamName)"),
                viewers: counters.activeViewers, framesEncoded: counters.framesEncoded,
                framesSkipped: counters.framesSkipped, packetsSent: counters.packetsProduced,
                bytesSent: counters.bytesProduced)
        }
        path = status.path
        state = status.state.rawValue
        viewers = streams.reduce(0) { $0 + $1.viewers }
        urls = streams.map(\.url)
        let faults = FaultsJSON(config?.faults ?? [])
        self.faults = faults.profileName == nil && !faults.isEmpty ? faults.json : nil
        faultProfile = faults.profileName
        upstream = status.streams.first?.upstreamStatus.map { upstream in
            UpstreamJSON(
                url: upstream.url, state: upstream.state, reconnects: upstream.reconnects,
                failures: upstream.failures, lossPercent: upstream.lossPercent)
        }
    }
}
