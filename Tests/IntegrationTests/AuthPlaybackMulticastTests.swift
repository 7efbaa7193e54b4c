import Cameras
import Foundation
import RTSP
import RTSPAuth
import Server
import Testing

extension Integration {
    /// Playback URLs and multicast SETUP ask for credentials as live unicast does, and
    /// their sessions belong to the user and connection that set them up.
    @Suite
    struct AuthPlaybackMulticastTests {
        static let users = [
            AuthUser(name: "second", password: "second-pass"),
            AuthUser(name: "elsewhere", password: "elsewhere-pass", cameras: ["other/*"]),
        ]
        static let start: Int64 = 1_795_564_800 * 1_000_000_000
        static let group = MulticastTransport(group: IPv4Address(parsing: "239.255.42.93")!, rtpPort: 40186, ttl: 1)

        /// `lobby` has an hour of recording and a multicast group; it asks for Digest.
        static func withServer(_ body: (CamsimServer) async throws -> Void) async throws {
            var camera = try AuthRig.camera("lobby")
            camera.recording = RecordingArchive(startNanoseconds: start, endNanoseconds: start + 3600 * 1_000_000_000)
            camera.multicast = ["main": group]
            try await AuthRig.with(
                cameras: [camera], extraUsers: users, configure: { $0.multicast = MulticastDelivery(ttl: 1) }, body)
        }

        /// SETUP `track` with `transport` and Digest credentials; returns the reply.
        static func setUp(
            _ client: RawRTSPClient, _ url: String, transport: String, user: String = AuthRig.user,
            password: String = AuthRig.password
        ) throws -> RTSPReply {
            let nonce = try AuthRig.nonce(client, url: url)
            let track = url + "/trackID=0"
            return try client.request("SETUP", track, headers: [
                ("Transport", transport),
                ("Authorization", AuthRig.digest(method: "SETUP", uri: track, nonce: nonce, user: user, password: password)),
            ])
        }

        /// The session of `owner` used from another connection (with its own good
        /// credentials, or none) and by another user on the owner's connection.
        static func expectBoundToOwner(_ server: CamsimServer, _ owner: RawRTSPClient, url: String, session: String) throws {
            let other = try RawRTSPClient(port: server.port)
            #expect(try other.request("PLAY", url, headers: [("Session", session)]).status == 401)
            let otherNonce = try AuthRig.nonce(other, url: url)
            let stolen = try other.request("PLAY", url, headers: [
                ("Session", session), ("Authorization", AuthRig.digest(method: "PLAY", uri: url, nonce: otherNonce)),
            ])
            #expect(stolen.status == 454, "\(url) from another connection: \(stolen)")
            let nonce = try AuthRig.nonce(owner, url: url)
            let borrowed = try owner.request("PLAY", url, headers: [
                ("Session", session),
                ("Authorization", AuthRig.digest(method: "PLAY", uri: url, nonce: nonce, user: "second", password: "second-pass")),
            ])
            #expect(borrowed.status == 454, "\(url) by another user: \(borrowed)")
        }

        @Test
        func playbackURLsAskForCredentialsAndTheirSessionsStayTheirUsers() async throws {
            try await Self.withServer { server in
                let url = server.url(forPath: "lobby/playback")
                let client = try RawRTSPClient(port: server.port)
                for (method, target, headers) in [
                    ("DESCRIBE", url, [(String, String)]()), ("SETUP", url + "/trackID=0", [AuthRig.transportTCP]),
                    ("PLAY", url, [("Range", "clock=20261125T000000Z-")]),
                ] {
                    let reply = try client.request(method, target, headers: headers)
                    #expect(reply.status == 401 && !AuthRig.challenges(reply).isEmpty, "\(method) \(target): \(reply)")
                }
                // A user limited to other cameras may not watch this one's recording.
                let limited = try Self.setUp(
                    client, url, transport: AuthRig.transportTCP.1, user: "elsewhere", password: "elsewhere-pass")
                #expect(limited.status == 403, "\(limited)")

                let setup = try Self.setUp(client, url, transport: AuthRig.transportTCP.1)
                try #require(setup.status == 200, "\(setup)")
                let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                try Self.expectBoundToOwner(server, client, url: url, session: session)
                let play = try client.request("PLAY", url, headers: [("Session", session), ("Range", "npt=0-")])
                #expect(play.status == 200, "\(play)")
                let frame = try client.readFrame()
                #expect(frame.channel == 0 && frame.payload.count > 12)
            }
        }

        /// A playback URL asks in its camera's own mode and realm, as its live URL does.
        @Test
        func playbackURLsTakeTheirCamerasModeAndRealm() async throws {
            let archive = RecordingArchive(startNanoseconds: Self.start, endNanoseconds: Self.start + 3600 * 1_000_000_000)
            var open = try AuthRig.camera("open", mode: AuthMode.none)
            open.recording = archive
            var door = try AuthRig.camera("door", mode: .basic)
            door.authentication.realm = "Door Cam"
            door.recording = archive
            try await AuthRig.with(cameras: [open, door]) { server in
                let client = try RawRTSPClient(port: server.port)
                for path in ["open", "open/playback"] {
                    let reply = try client.request("DESCRIBE", server.url(forPath: path))
                    #expect(reply.status == 200, "\(path): \(reply)")
                }
                for path in ["door", "door/playback", "door/main/playback"] {
                    let url = server.url(forPath: path)
                    let reply = try client.request("DESCRIBE", url)
                    #expect(reply.status == 401 && AuthRig.challenges(reply) == ["Basic realm=\"Door Cam\""], "\(path): \(reply)")
                    let authorised = try client.request("DESCRIBE", url, headers: [("Authorization", AuthRig.basic())])
                    #expect(authorised.status == 200, "\(path): \(authorised)")
                }
                // The playback session keeps the camera's mode: its requests take Basic.
                let url = server.url(forPath: "door/playback")
                let setup = try client.request("SETUP", url + "/trackID=0", headers: [
                    AuthRig.transportTCP, ("Authorization", AuthRig.basic()),
                ])
                try #require(setup.status == 200, "\(setup)")
                let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                let play = try client.request("PLAY", url, headers: [
                    ("Session", session), ("Range", "npt=0-"), ("Authorization", AuthRig.basic()),
                ])
                #expect(play.status == 200, "\(play)")
            }
        }

        /// No PLAY by the owner here: nothing is sent to the group.
        @Test
        func multicastSetupAsksForCredentialsAndItsSessionStaysItsUsers() async throws {
            try await Self.withServer { server in
                let url = server.url(forPath: "lobby")
                let client = try RawRTSPClient(port: server.port)
                let bare = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", "RTP/AVP;multicast")])
                #expect(bare.status == 401 && !AuthRig.challenges(bare).isEmpty, "\(bare)")
                #expect(server.sessionCount == 0)
                let limited = try Self.setUp(
                    client, url, transport: "RTP/AVP;multicast", user: "elsewhere", password: "elsewhere-pass")
                #expect(limited.status == 403, "\(limited)")

                let setup = try Self.setUp(client, url, transport: "RTP/AVP;multicast")
                try #require(setup.status == 200, "\(setup)")
                #expect(setup.header("Transport") == "RTP/AVP;multicast;destination=239.255.42.93;port=40186-40187;ttl=1")
                let session = RTSPHeaderValues.sessionID(try #require(setup.header("Session")))
                try Self.expectBoundToOwner(server, client, url: url, session: session)
                #expect(server.multicastGroup(atPath: "lobby")?.counters.snapshot.members == 0)
                // The owner's keepalive needs no new challenge.
                #expect(try client.request("GET_PARAMETER", url, headers: [("Session", session)]).status == 200)
            }
        }
    }
}
