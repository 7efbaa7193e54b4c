import Foundation
import RTSP
import Server
import Testing

extension Integration {
    /// The ONVIF audio backchannel (ONVIF Streaming Specification §5.3): a camera with
    /// `backchannel:` offers a sendonly G.711 track to a DESCRIBE that requires it, counts
    /// what the client sends on it and writes it to a WAV file.
    @Suite
    struct BackchannelTests {
        static let tag = "www.onvif.org/ver20/backchannel"

        /// `door` has a μ-law backchannel recorded to `directory`; `plain` has none.
        static func config(directory: String) -> String {
            FaultRig.serverBlock() + "cameras:\n" + FaultRig.camera("door")
                + "    backchannel: {codec: pcmu, record: \(directory)}\n" + FaultRig.camera("plain")
        }

        static func temporaryDirectory() throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-backchannel-\(UUID())")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }

        /// Collects the server's `session_ended` events.
        final class EndedSessions: @unchecked Sendable {
            private let lock = NSLock()
            private var events: [ServerEvent] = []
            private var task: Task<Void, Never>?

            init(_ server: CamsimServer) {
                let stream = server.events.subscribe()
                task = Task { [weak self] in
                    for await event in stream where event.kind == .sessionEnded { self?.add(event) }
                }
            }

            deinit { task?.cancel() }

            private func add(_ event: ServerEvent) { lock.withLock { events.append(event) } }

            func ended(_ session: String) -> ServerEvent? { lock.withLock { events.first { $0.session == session } } }

            /// Every session_ended event so far.
            var all: [ServerEvent] { lock.withLock { events } }

        }

        static func integer(_ detail: ServerEvent.Detail?) -> Int? {
            if case .int(let value) = detail { return value }
            return nil
        }

        @Test func onlyADescribeRequiringItGetsTheSendonlyTrack() async throws {
            let directory = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try await ConfigServer.with(try ConfigServer.parse(Self.config(directory: directory.path))) { server in
                let url = server.url(forPath: "door")
                let client = try RawRTSPClient(port: try #require(URLComponents(string: url)?.port))
                let plain = try client.request("DESCRIBE", url)
                try #require(plain.status == 200, "\(plain)")
                #expect(!plain.bodyText.contains("sendonly"), "\(plain.bodyText)")
                #expect(try SessionDescription.parse(plain.bodyText).media.map(\.type) == ["video"])

                let asked = try client.request("DESCRIBE", url, headers: [("Require", Self.tag)])
                try #require(asked.status == 200, "\(asked)")
                let sdp = try SessionDescription.parse(asked.bodyText)
                let back = try #require(sdp.media.last)
                #expect(sdp.media.count == 2)
                #expect(back.type == "audio" && back.direction == .sendonly && back.control == "trackID=1")
                #expect(back.rtpMaps[0] == SDPRTPMap(encodingName: "PCMU", clockRate: 8000))

                // A camera without one does not support the tag (RFC 2326 §12.32).
                let other = try client.request("DESCRIBE", server.url(forPath: "plain"), headers: [("Require", Self.tag)])
                #expect(other.status == 551)
                #expect(other.header("Unsupported") == Self.tag)
                #expect(try client.request("DESCRIBE", server.url(forPath: "plain")).status == 200)
            }
        }

        /// A raw client SETUPs only the backchannel over TCP and sends 5 s of PCMU (250
        /// packets of 20 ms) on channel 2: camsim counts every packet and byte, and the WAV
        /// file holds exactly the bytes sent, which ffprobe reads as 5 s of μ-law.
        @Test func aRawInterleavedSenderIsCountedAndRecorded() async throws {
            let directory = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try await ConfigServer.with(try ConfigServer.parse(Self.config(directory: directory.path))) { server in
                let ended = EndedSessions(server)
                let url = server.url(forPath: "door")
                let client = try RawRTSPClient(port: try #require(URLComponents(string: url)?.port))
                try #require(try client.request("DESCRIBE", url, headers: [("Require", Self.tag)]).status == 200)
                let setup = try client.request("SETUP", url + "/trackID=1", headers: [
                    ("Transport", "RTP/AVP/TCP;unicast;interleaved=2-3"), ("Require", Self.tag),
                ])
                try #require(setup.status == 200, "\(setup)")
                let session = try #require(setup.header("Session")?.split(separator: ";").first.map(String.init))
                let play = try client.request("PLAY", url + "/", headers: [("Session", session), ("Require", Self.tag)])
                try #require(play.status == 200, "\(play)")

                var sent: [UInt8] = []
                for index in 0..<250 {
                    let payload = (0..<160).map { UInt8(truncatingIfNeeded: index &* 7 &+ $0) }
                    sent += payload
                    let rtp = [0x80, 0x00] + Self.be16(UInt16(1000 + index)) + Self.be32(UInt32(index * 160)) + Self.be32(0x5EED)
                    let packet = rtp + payload
                    try client.send(bytes: [0x24, 2] + Self.be16(UInt16(packet.count)) + packet)
                }
                let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session)])
                #expect(teardown.status == 200)

                let arrived = await Poll.until(timeoutSeconds: 10) { ended.ended(session) != nil }
                try #require(arrived, "no session_ended event")
                let details = try #require(ended.ended(session)?.details)
                #expect(Self.integer(details["backchannel_packets_received"]) == 250)
                #expect(Self.integer(details["backchannel_bytes_received"]) == 40_000)
                #expect(Self.integer(details["backchannel_packets_lost"]) == 0)

                let file = directory.appendingPathComponent("door-\(session).wav")
                let bytes = try [UInt8](Data(contentsOf: file))
                #expect(bytes.count == 58 + 40_000)
                #expect(Array(bytes.dropFirst(58)) == sent)
                let probe = await ClientProcess.run(try Clients.ffprobe(), [
                    "-v", "error", "-show_entries", "stream=codec_name,sample_rate,duration", "-of", "default=nw=1", file.path,
                ], timeoutSeconds: 30)
                #expect(probe.stdout.contains("codec_name=pcm_mulaw") && probe.stdout.contains("sample_rate=8000")
                    && probe.stdout.contains("duration=5.000000"), "\(probe)")
            }
        }

        static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        static func be32(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    }
}
