import Foundation
import RTP
import Testing

/// A raw RTSP client of a recording over interleaved TCP: it sets up the playback URL,
/// sends PLAY and PAUSE with the headers a test gives, and collects whole access units,
/// which `PlaybackClient.readings` decodes with ffmpeg and reads the QR of with zbar.
final class PlaybackClient {
    /// One access unit as received: its RTP timestamp and its NAL units in Annex B form.
    struct AccessUnit {
        var timestamp: UInt32
        var annexB: [UInt8]
        /// The header extension of its first packet (RFC 3550 §5.3.1), if it had one.
        var headerExtension: RTPHeaderExtension? = nil
        /// When its last packet arrived.
        var received = Date()

        /// Whether it holds an IDR slice (NAL type 5).
        var containsIDR: Bool {
            var index = 0
            while index + 4 < annexB.count {
                if annexB[index] == 0, annexB[index + 1] == 0, annexB[index + 2] == 0, annexB[index + 3] == 1,
                   annexB[index + 4] & 0x1F == 5 { return true }
                index += 1
            }
            return false
        }
    }

    /// The extension after the fixed header of an RTP packet with no CSRCs.
    static func headerExtension(_ bytes: [UInt8]) -> RTPHeaderExtension? {
        guard bytes.count >= 16, bytes[0] & 0x10 != 0, bytes[0] & 0x0F == 0 else { return nil }
        let words = Int(bytes[14]) << 8 | Int(bytes[15])
        guard bytes.count >= 16 + 4 * words else { return nil }
        return RTPHeaderExtension(profile: UInt16(bytes[12]) << 8 | UInt16(bytes[13]), data: Array(bytes[16..<(16 + 4 * words)]))
    }

    let client: RawRTSPClient
    let url: String
    private(set) var session = ""
    private var depayloader = H264Depayloader()
    private var building: AccessUnit?
    /// RTCP BYE packets seen on the RTCP channel.
    private(set) var goodbyes = 0
    /// Sender reports seen on the RTCP channel: their NTP and RTP timestamps (RFC 3550 §6.4.1).
    private(set) var senderReports: [(ntp: NTPTimestamp, rtpTimestamp: UInt32)] = []

    init(port: Int, url: String) throws {
        client = try RawRTSPClient(port: port, timeoutSeconds: 15)
        self.url = url
    }

    /// DESCRIBE and SETUP (interleaved 0-1); returns the DESCRIBE reply.
    @discardableResult
    func setUp() throws -> RTSPReply {
        let describe = try client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
        try #require(describe.status == 200, "DESCRIBE: \(describe)")
        let setup = try client.request(
            "SETUP", Self.track(of: url), headers: [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")])
        try #require(setup.status == 200, "SETUP: \(setup)")
        session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
        return describe
    }

    /// Sends `method` on the session with `headers`; frames already received are dropped
    /// first, so what `accessUnits` returns next follows this request.
    func send(_ method: String, _ headers: [(String, String)] = []) throws -> RTSPReply {
        let reply = try client.request(method, url.contains("?") ? url : url + "/", headers: [("Session", session)] + headers)
        return reply
    }

    /// The track control URL: `/trackID=0` after the path, before any query.
    static func track(of url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url + "/trackID=0" }
        return url[..<question] + "/trackID=0" + url[question...]
    }

    /// The next `count` whole access units (or fewer, if `seconds` pass first).
    func accessUnits(_ count: Int, seconds: Double = 20) throws -> [AccessUnit] {
        var units: [AccessUnit] = []
        let deadline = Date().addingTimeInterval(seconds)
        while units.count < count, Date() < deadline {
            guard let frame = try? client.readFrame(timeoutSeconds: max(0.1, deadline.timeIntervalSinceNow)) else { break }
            if frame.channel == 1 {
                if RTCPPacketView.containsBye(frame.payload) {
                    goodbyes += 1
                    break
                }
                // An SR leads its compound: PT 200, NTP at octet 8, RTP timestamp at 16 (RFC 3550 §6.4.1).
                let bytes = frame.payload
                if bytes.count >= 20, bytes[1] == 200 {
                    let ntp = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                    let rtp = bytes[16..<20].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    senderReports.append((NTPTimestamp(rawValue: ntp), rtp))
                }
                continue
            }
            guard frame.channel == 0, let packet = RTPPacketView(frame.payload) else { continue }
            if building == nil {
                building = AccessUnit(timestamp: packet.timestamp, annexB: [], headerExtension: Self.headerExtension(frame.payload))
            }
            for nal in depayloader.depayload(packet.payload, marker: packet.marker, sequenceNumber: packet.sequenceNumber) {
                building?.annexB += [0, 0, 0, 1] + nal
            }
            if packet.marker, var unit = building {
                unit.received = Date()
                units.append(unit)
                building = nil
            }
        }
        return units
    }

    /// Waits for an RTCP BYE, up to `seconds`; media still arriving is read and dropped.
    func waitForGoodbye(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while goodbyes == 0, Date() < deadline {
            _ = try? accessUnits(1, seconds: max(0.1, deadline.timeIntervalSinceNow))
        }
        return goodbyes > 0
    }

    /// Decodes `units` (the first an IDR) with ffmpeg and reads each picture's QR.
    static func readings(_ units: [AccessUnit], width: Int, height: Int) async throws -> [Reading?] {
        let input = PictureDecoder.scratchFile("playback.h264")
        let output = PictureDecoder.scratchFile("playback.yuv")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(units.flatMap(\.annexB)).write(to: input)
        let result = await ClientProcess.run(
            try Clients.ffmpeg(),
            ["-nostdin", "-hide_banner", "-v", "error", "-f", "h264", "-i", input.path, "-fps_mode", "passthrough",
             "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", output.path],
            timeoutSeconds: 60)
        try #require(result.succeeded, "ffmpeg could not decode the access units\n\(result)")
        let frames = PictureFrame.split((try? Data(contentsOf: output)) ?? Data(), width: width, height: height)
        return try await QRCodeReader.read(frames).map { $0.flatMap(Reading.init) }
    }

    /// What the `timecode` scene's QR says: the capture instant and the frame number.
    struct Reading: Equatable, CustomStringConvertible {
        var unixMilliseconds: Int64
        var frame: Int64

        init?(_ text: String) {
            guard let reading = Integration.QRTimecodeTests.Reading(text) else { return nil }
            unixMilliseconds = reading.unixMilliseconds
            frame = reading.frame
        }

        var description: String { "\(unixMilliseconds) ms #\(frame)" }
    }
}
