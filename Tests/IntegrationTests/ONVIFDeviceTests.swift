import Config
import Crypto
import Foundation
import Server
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// The device service beyond reading: onvif-zeep's GetUsers, SetScopes and GetScopes,
    /// GetNetworkInterfaces, GetCapabilities and SystemReboot (which RTSP then sees);
    /// HTTP Digest on the SOAP endpoints with requests and curl; the snapshot URI under the
    /// camera's users; each camera on a port of its own; and the ONVIF faults.
    @Suite(.serialized)
    struct ONVIFDeviceTests {
        static let deviceNS = "http://www.onvif.org/ver10/device/wsdl"

        static func envelope(_ body: String, header: String = "") -> String {
            let head = header.isEmpty ? "" : "<s:Header>\(header)</s:Header>"
            return #"<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">\#(head)<s:Body>\#(body)</s:Body></s:Envelope>"#
        }

        static func post(_ client: ControlClient, _ path: String, _ body: String, headers: [String: String] = [:]) async throws -> ControlClient.Reply {
            try await client.send(
                "POST", path, data: Data(body.utf8),
                headers: ["Content-Type": "application/soap+xml; charset=utf-8"].merging(headers) { $1 })
        }

        /// A WS-Security header with a PasswordDigest UsernameToken created at `created`.
        static func usernameToken(user: String, password: String, created: Date) -> String {
            let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            let createdText = formatter.string(from: created)
            var hash = Insecure.SHA1()
            hash.update(data: nonce)
            hash.update(data: Data(createdText.utf8))
            hash.update(data: Data(password.utf8))
            let digest = Data(hash.finalize()).base64EncodedString()
            let type = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
            return #"<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken><wsse:Username>\#(user)</wsse:Username><wsse:Password Type="\#(type)">\#(digest)</wsse:Password><wsse:Nonce>\#(nonce.base64EncodedString())</wsse:Nonce><wsu:Created>\#(createdText)</wsu:Created></wsse:UsernameToken></wsse:Security>"#
        }

        /// The UTC time a `GetSystemDateAndTime` response tells.
        static func reportedTime(_ text: String) -> Date? {
            func value(_ name: String) -> Int? {
                guard let start = text.range(of: "<tt:\(name)>"), let end = text.range(of: "</tt:\(name)>", range: start.upperBound..<text.endIndex)
                else { return nil }
                return Int(text[start.upperBound..<end.lowerBound])
            }
            var parts = DateComponents()
            parts.timeZone = TimeZone(identifier: "UTC")
            (parts.year, parts.month, parts.day) = (value("Year"), value("Month"), value("Day"))
            (parts.hour, parts.minute, parts.second) = (value("Hour"), value("Minute"), value("Second"))
            return Calendar(identifier: .gregorian).date(from: parts)
        }

        /// `count` consecutive TCP ports free on 127.0.0.1 now.
        static func consecutiveFreePorts(_ count: Int) throws -> ClosedRange<Int> {
            func free(_ port: Int) -> Bool {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { return false }
                defer { close(fd) }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = UInt16(port).bigEndian
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                return withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                } == 0
            }
            for _ in 0..<100 {
                let base = Int.random(in: 20_000...59_000)
                if (base..<base + count).allSatisfy(free) { return base...base + count - 1 }
            }
            throw CancellationError()
        }

        /// The cameras `camera_rebooted` events named, as they come.
        final class RebootWatch: Sendable {
            final class Seen: Sendable {
                let list = Mutex<[String]>([])
            }

            private let seen: Seen
            private let task: Task<Void, Never>

            init(_ events: AsyncStream<ServerEvent>) {
                let seen = Seen()
                self.seen = seen
                task = Task {
                    for await event in events where event.kind == .cameraRebooted {
                        seen.list.withLock { $0.append(event.camera ?? "") }
                    }
                }
            }

            var cameras: [String] { seen.list.withLock { $0 } }
            func stop() { task.cancel() }
        }

        struct Report: Decodable {
            struct Interface: Decodable {
                var token, name, mac, address: String
                var enabled: Bool
                var prefix: Int
            }
            struct Digest: Decodable {
                var bare_status, good_status, bad_status: Int
                var bare_challenge: String
                var bare_fault, good_has_manufacturer, bad_fault: Bool
            }
            struct Snapshot: Decodable {
                var uri, content_type: String
                var anonymous_status, status: Int
                var jpeg: Bool
            }
            struct OwnPort: Decodable {
                var port: Int
                var model, media_xaddr, stream_uri: String
            }
            var users: [[String?]]
            var scopes: [[String]]
            var set_fixed_scope: String
            var interfaces: [Interface]
            struct Capabilities: Decodable {
                var events, ptz, recording, search, replay: String?
            }
            var capabilities: Capabilities
            var http_digest_capability: Bool
            var digest: Digest
            var snapshot: Snapshot
            var own_ports: [OwnPort]
            var reboot_message: String
        }

        @Test func zeepDeviceServiceOwnPortsAndReboot() async throws {
            var config = TestControlServer.config(cameras: ["lobby", "door", "yard"])
            for (index, name) in ["Lobby One", "Door Two", "Yard Three"].enumerated() {
                config.cameras[index].onvif = ONVIFConfig(model: name)
            }
            config.users = [
                UserConfig(name: "admin", password: Secret("s3cret")),
                UserConfig(name: "guard", password: Secret("watch"), cameras: ["door"]),
            ]
            // The first camera records (Profile G): its capabilities name Recording, Search and Replay.
            let hourAgo = Int64((Date().timeIntervalSince1970 - 3600) * 1_000_000_000)
            config.cameras[0].recording = RecordingConfig(startNanoseconds: hourAgo)
            let ports = try Self.consecutiveFreePorts(3)
            config.server.onvif.ports = ports
            try await TestControlServer.with(config: config) { running in
                let url = try #require(URL(string: running.baseURL))
                let client = running.client()
                for port in ports {
                    let own = ControlClient(baseURL: "http://127.0.0.1:\(port)", token: nil)
                    let up = await Poll.until(timeoutSeconds: 10) {
                        (try? await Self.post(own, "/onvif/device_service", Self.envelope(#"<GetSystemDateAndTime xmlns="\#(Self.deviceNS)"/>"#)))?.status == 200
                    }
                    try #require(up, "port \(port) does not answer")
                }
                let rebooted = RebootWatch(running.server.events.subscribe())
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_device.py",
                    [url.host!, "\(url.port!)", "admin", "s3cret", ports.map(String.init).joined(separator: ",")],
                    timeoutSeconds: 120)
                try #require(result.succeeded, "onvif_device.py failed\n\(result)")
                // SystemReboot came last: RTSP sees the camera down (the connection dropped
                // unanswered, credentials or not) for the reboot window, then back.
                let lobby = "rtsp://admin:s3cret@127.0.0.1:\(running.server.port)/lobby"
                let down = try await Clients.ffprobeRTSP(lobby, ["-show_entries", "stream=codec_name", "-of", "csv=p=0"], timeoutSeconds: 20)
                #expect(!down.succeeded, "ffprobe played the camera during its reboot\n\(down)")
                let back = await Poll.until(timeoutSeconds: 20, intervalSeconds: 0.5) {
                    (try? await Clients.ffprobeRTSP(lobby, ["-show_entries", "stream=codec_name", "-of", "csv=p=0"], timeoutSeconds: 20))?
                        .stdout.contains("h264") == true
                }
                #expect(back, "the camera did not come back after its reboot")
                #expect(await Poll.until(timeoutSeconds: 5) { rebooted.cameras == ["lobby"] }, "\(rebooted.cameras)")
                rebooted.stop()
                let door = try? RawRTSPClient(port: running.server.port)
                    .request("DESCRIBE", running.server.url(forPath: "door"), headers: [("Accept", "application/sdp")])
                #expect(door?.status == 401, "another camera was rebooted too")

                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                #expect(report.users == [["admin", "Administrator", nil], ["guard", "User", nil]])
                #expect(report.scopes.filter { $0[0] == "Configurable" }.map { $0[1] } == [
                    "onvif://www.onvif.org/location/lab", "onvif://www.onvif.org/name/Bench",
                ])
                #expect(report.scopes.contains(["Fixed", "onvif://www.onvif.org/name/lobby"]))
                #expect(report.scopes.contains(["Fixed", "onvif://www.onvif.org/Profile/G"]))
                #expect(report.set_fixed_scope.contains("fixed scope"), "\(report.set_fixed_scope)")
                let interface = try #require(report.interfaces.first)
                #expect(report.interfaces.count == 1)
                #expect(interface.token == "eth0" && interface.name == "eth0" && interface.enabled)
                #expect(interface.address == "127.0.0.1" && interface.prefix == 24)
                #expect(interface.mac.hasPrefix("02:") && interface.mac.count == 17, "\(interface.mac)")
                #expect(report.capabilities.events == "\(running.baseURL)/onvif/lobby/events_service")
                #expect(report.capabilities.replay == "\(running.baseURL)/onvif/lobby/replay_service")
                #expect(report.capabilities.recording == "\(running.baseURL)/onvif/lobby/recording_service")
                #expect(report.capabilities.search == "\(running.baseURL)/onvif/lobby/search_service")
                #expect(report.http_digest_capability)

                #expect(report.digest.bare_status == 401)
                #expect(report.digest.bare_challenge.contains("Digest realm=\"camsim\""), "\(report.digest.bare_challenge)")
                #expect(report.digest.bare_fault)
                #expect(report.digest.good_status == 200 && report.digest.good_has_manufacturer)
                #expect(report.digest.bad_status == 401 && report.digest.bad_fault)

                #expect(report.snapshot.uri.hasPrefix("\(running.baseURL)/onvif/lobby/snapshot.jpg?stream="), "\(report.snapshot.uri)")
                #expect(report.snapshot.anonymous_status == 401)
                #expect(report.snapshot.status == 200 && report.snapshot.content_type == "image/jpeg" && report.snapshot.jpeg)

                let rtspPort = running.server.port
                #expect(report.own_ports.map(\.port) == Array(ports))
                #expect(report.own_ports.map(\.model) == ["Lobby One", "Door Two", "Yard Three"])
                #expect(report.own_ports.map(\.media_xaddr) == ports.map { "http://127.0.0.1:\($0)/onvif/media_service" })
                #expect(report.own_ports.map(\.stream_uri) == ["lobby", "door", "yard"].map { "rtsp://127.0.0.1:\(rtspPort)/\($0)" })
                #expect(report.reboot_message.hasPrefix("Rebooting in"), "\(report.reboot_message)")

                // The JSON API is not reachable on a camera's own port.
                let own = ControlClient(baseURL: "http://127.0.0.1:\(ports.lowerBound)", token: nil)
                #expect(try await own.get("/api/v1/cameras").status == 404)
                _ = client
            }
        }

        /// The model a camera's own port tells, nil when nothing answers there.
        static func modelAt(port: Int) async -> String? {
            let client = ControlClient(baseURL: "http://127.0.0.1:\(port)", token: nil)
            guard let reply = try? await post(client, "/onvif/device_service", envelope(#"<GetDeviceInformation xmlns="\#(deviceNS)"/>"#)),
                  let start = reply.text.range(of: "<tds:Model>"), let end = reply.text.range(of: "</tds:Model>")
            else { return nil }
            return String(reply.text[start.upperBound..<end.lowerBound])
        }

        @Test func ownPortsFollowTheConfiguration() async throws {
            var config = TestControlServer.config(cameras: ["lobby", "door", "yard"])
            for (index, name) in ["Lobby One", "Door Two", "Yard Three"].enumerated() {
                config.cameras[index].onvif = ONVIFConfig(model: name)
            }
            let ports = try Self.consecutiveFreePorts(3)
            // Two ports for three cameras: the third gets none.
            config.server.onvif.ports = ports.lowerBound...ports.lowerBound + 1
            try await TestControlServer.with(config: config) { running in
                #expect(await Poll.until(timeoutSeconds: 10) { await Self.modelAt(port: ports.lowerBound + 1) == "Door Two" })
                #expect(await Self.modelAt(port: ports.lowerBound) == "Lobby One")
                #expect(await Self.modelAt(port: ports.upperBound) == nil)
                // A reload that removes the first camera: each port answers for the camera now in its place.
                var next = config
                next.cameras.removeFirst()
                _ = try await running.running.apply(next, reason: "test")
                #expect(await Poll.until(timeoutSeconds: 10) { await Self.modelAt(port: ports.lowerBound + 1) == "Yard Three" })
                #expect(await Self.modelAt(port: ports.lowerBound) == "Door Two")
                // One camera left: the second port closes.
                next.cameras.removeLast()
                _ = try await running.running.apply(next, reason: "test")
                #expect(await Poll.until(timeoutSeconds: 10) { await Self.modelAt(port: ports.lowerBound + 1) == nil })
                #expect(await Self.modelAt(port: ports.lowerBound) == "Door Two")
            }
        }

        @Test func curlDigestAndONVIFFaults() async throws {
            var config = TestControlServer.config(cameras: ["cam", "other"])
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            try await TestControlServer.with(config: config) { running in
                let client = running.client(token: .some(nil))
                let curl = try #require(ClientProcess.resolve("curl"), "curl must be installed")
                let information = Self.envelope(#"<GetDeviceInformation xmlns="\#(Self.deviceNS)"/>"#)
                func curlPost(_ password: String) async -> ProcessResult {
                    await ClientProcess.run(curl, [
                        "-sS", "--digest", "-u", "admin:\(password)", "-H", "Content-Type: application/soap+xml",
                        "--data-binary", information, "-w", "\n%{http_code}", "\(running.baseURL)/onvif/cam/device_service",
                    ], timeoutSeconds: 20)
                }
                let good = await curlPost("s3cret")
                #expect(good.succeeded && good.stdout.hasSuffix("\n200") && good.stdout.contains("<tds:Manufacturer>"), "\(good)")
                let bad = await curlPost("wrong")
                #expect(bad.stdout.hasSuffix("\n401") && bad.stdout.contains("ter:NotAuthorized"), "\(bad)")
                let bare = try await Self.post(client, "/onvif/cam/device_service", information)
                #expect(bare.status == 401 && bare.headers["www-authenticate"]?.contains("Digest") == true, "\(bare)")
                // A WS-Security token still works, a wrong one is ter:NotAuthorized.
                let token = Self.usernameToken(user: "admin", password: "s3cret", created: Date())
                #expect(try await Self.post(client, "/onvif/cam/device_service", Self.envelope(
                    #"<GetDeviceInformation xmlns="\#(Self.deviceNS)"/>"#, header: token)).status == 200)
                let wrong = Self.usernameToken(user: "admin", password: "nope", created: Date())
                let refused = try await Self.post(client, "/onvif/cam/device_service", Self.envelope(
                    #"<GetDeviceInformation xmlns="\#(Self.deviceNS)"/>"#, header: wrong))
                #expect(refused.status == 400 && refused.text.contains("ter:NotAuthorized"), "\(refused)")

                // onvif_fault and onvif_slow on `other`; `cam` is unaffected.
                let faults = try await running.client().put(
                    "/api/v1/cameras/other/faults", json: #"{"onvif_fault": "GetScopes", "onvif_slow": "400ms"}"#)
                #expect(faults.status == 200, "\(faults)")
                let scopes = Self.envelope(#"<GetScopes xmlns="\#(Self.deviceNS)"/>"#,
                                           header: Self.usernameToken(user: "admin", password: "s3cret", created: Date()))
                let start = ContinuousClock.now
                let faulted = try await Self.post(client, "/onvif/other/device_service", scopes)
                #expect(ContinuousClock.now - start >= .milliseconds(400))
                #expect(faulted.status == 500 && faulted.text.contains("<env:Value>env:Receiver</env:Value>")
                        && faulted.text.contains("<env:Value>ter:Action</env:Value>"), "\(faulted)")
                let plain = Self.envelope(#"<GetScopes xmlns="\#(Self.deviceNS)"/>"#,
                                          header: Self.usernameToken(user: "admin", password: "s3cret", created: Date()))
                #expect(try await Self.post(client, "/onvif/cam/device_service", plain).status == 200)

                // onvif_clock_skew: the camera runs an hour ahead. A client that sends its own
                // time fails; one that reads GetSystemDateAndTime and adapts passes.
                #expect(try await running.client().put("/api/v1/cameras/cam/faults", json: #"{"onvif_clock_skew": "3600s"}"#).status == 200)
                let time = try await Self.post(client, "/onvif/cam/device_service", Self.envelope(#"<GetSystemDateAndTime xmlns="\#(Self.deviceNS)"/>"#))
                let reported = try #require(Self.reportedTime(time.text), "\(time)")
                let offset = reported.timeIntervalSinceNow
                #expect(abs(offset - 3600) < 30, "the camera tells \(reported), \(offset) s off")
                let naive = try await Self.post(client, "/onvif/cam/device_service", Self.envelope(
                    #"<GetDeviceInformation xmlns="\#(Self.deviceNS)"/>"#,
                    header: Self.usernameToken(user: "admin", password: "s3cret", created: Date())))
                #expect(naive.status == 400 && naive.text.contains("clock skew"), "\(naive)")
                let adapted = try await Self.post(client, "/onvif/cam/device_service", Self.envelope(
                    #"<GetDeviceInformation xmlns="\#(Self.deviceNS)"/>"#,
                    header: Self.usernameToken(user: "admin", password: "s3cret", created: Date().addingTimeInterval(offset))))
                #expect(adapted.status == 200, "\(adapted)")
            }
        }
    }
}
