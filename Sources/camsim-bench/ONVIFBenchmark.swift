import Composition
import Config
import Control
import Discovery
import Foundation
import Frames
import Logging
import ONVIF
import Server
import ServiceLifecycle

/// What ONVIF costs the server:
/// - CPU per SOAP request in-process (``ONVIFDispatcher`` accept, UsernameToken digest check, answer)
///   for GetDeviceInformation and GetProfiles, beside GetSystemDateAndTime (no credentials) and a
///   bare XML parse of the same body;
/// - CPU per request over HTTP: the server's process CPU while curl, another process, posts
///   them over one kept-alive connection;
/// - WS-Discovery at a scale: the datagrams one Probe makes, their sizes and send times.
struct ONVIFBenchmark {
    let library: SceneLibrary
    let requests: Int

    struct Cost {
        var name: String
        /// CPU nanoseconds per request.
        var perRequest: Double
        var failures: Int
    }

    static let device = ONVIFDevice(
        information: .init(manufacturer: "camsim", model: "camsim virtual camera", firmwareVersion: "0.1", serialNumber: "CS-1", hardwareId: "camsim-1"),
        endpointReference: "urn:uuid:" + EndpointReference.uuid(path: "cam-1", seed: 1), hostname: "cam-1",
        scopes: ["onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/name/cam-1"],
        serviceRoot: "http://127.0.0.1:8080/onvif/cam-1",
        profiles: [
            MediaProfile(streamName: "main", width: 1920, height: 1080, frameRate: 25, bitrate: 4000, govLength: 50, encoding: .h264(profile: "High"),
                         streamURI: "rtsp://127.0.0.1:8554/cam-1", snapshotURI: "http://127.0.0.1:8080/onvif/cam-1/snapshot.jpg?stream=main"),
            MediaProfile(streamName: "sub", width: 640, height: 360, frameRate: 10, bitrate: 500, govLength: 20, encoding: .h264(profile: "Main"),
                         streamURI: "rtsp://127.0.0.1:8554/cam-1/sub", snapshotURI: "http://127.0.0.1:8080/onvif/cam-1/snapshot.jpg?stream=sub"),
        ])

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000_000) }

    /// Accept and answer each body on this thread; thread CPU per request.
    func inProcess(_ name: String, _ bodies: [[UInt8]]) -> Cost {
        var verifier = UsernameTokenVerifier()
        let passwords = [ONVIFRequests.user: ONVIFRequests.password]
        var failures = 0
        let now = Self.now()
        let start = threadCPUNanoseconds()
        for body in bodies {
            do throws(SOAPFault) {
                let request = try ONVIFDispatcher.accept(body) { token, _ in
                    guard let token else { return .notAuthorized() }
                    switch verifier.verify(token, passwords: passwords, now: now) {
                    case .success: return nil
                    case .failure(let rejection): return .notAuthorized(rejection.description)
                    }
                }
                _ = try ONVIFDispatcher.answer(request, device: Self.device, now: now)
            } catch {
                failures += 1
            }
        }
        return Cost(name: name, perRequest: Double(threadCPUNanoseconds() - start) / Double(bodies.count), failures: failures)
    }

    /// XMLNode.parse alone over each body: the floor under any answer.
    func parseOnly(_ name: String, _ bodies: [[UInt8]]) -> Cost {
        var failures = 0
        let start = threadCPUNanoseconds()
        for body in bodies where (try? XMLNode.parse(body)) == nil { failures += 1 }
        return Cost(name: name, perRequest: Double(threadCPUNanoseconds() - start) / Double(bodies.count), failures: failures)
    }

    /// The server's process CPU per request while curl posts `bodies` to `url`.
    func overHTTP(_ name: String, url: String, bodies: [[UInt8]], directory: URL) async throws -> Cost {
        var arguments: [String] = []
        for (index, body) in bodies.enumerated() {
            let file = directory.appendingPathComponent("\(name)-\(index).xml")
            try Data(body).write(to: file)
            if index > 0 { arguments.append("--next") }
            arguments += ["-s", "-o", "/dev/null", "-w", "%{http_code}\\n", "-H", "Content-Type: application/soap+xml; charset=utf-8",
                          "--data-binary", "@" + file.path, url]
        }
        let start = processCPUNanoseconds()
        let output = try await Self.run("/usr/bin/curl", arguments)
        let used = processCPUNanoseconds() - start
        let codes = output.split(separator: "\n")
        let failures = codes.filter { $0 != "200" }.count + max(bodies.count - codes.count, 0)
        return Cost(name: name, perRequest: Double(used) / Double(bodies.count), failures: failures)
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// A server with one camera and one user, its control API on 127.0.0.1, for `body`.
    func withServer<T>(_ body: (String) async throws -> T) async throws -> T {
        var config = ControlBenchmark.config(cameras: 1, streams: [
            StreamConfig(width: 640, height: 360, fps: 10, rateControl: .bitrate(kbps: 500), gop: 20),
        ])
        config.users = [UserConfig(name: ONVIFRequests.user, password: Secret(ONVIFRequests.password))]
        let silent = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = try CamsimServer(config: config, scenes: library, logger: silent)
        try await server.start()
        let running = RunningConfiguration(server: server, config: config, scenes: library)
        let control = ControlServer(
            settings: ControlSettings(host: "127.0.0.1", port: 0),
            api: ControlAPI(server: server, running: running, scenes: library), logger: silent)
        let group = ServiceGroup(services: [control], logger: silent)
        let serving = Task { try await group.run() }
        let address = try await control.boundAddress()
        let result: Result<T, any Error>
        do {
            result = .success(try await body("http://\(address.description)/onvif/cam-1"))
        } catch {
            result = .failure(error)
        }
        await group.triggerGracefulShutdown()
        _ = await serving.result
        await server.shutdown()
        return try result.get()
    }

    struct DiscoveryFigures {
        var cameras: Int
        var datagrams: Int
        var largest: Int
        var totalBytes: Int
        /// Send times of the first copies, ns after the Probe, sorted.
        var firstSends: [Int64]
        var repeats: Int
        /// Thread CPU to answer the Probe, and to parse it alone.
        var answerCPU: Int64
        var parseCPU: Int64
    }

    /// One multicast Probe for every camera answered by `cameras` cameras, as camsim describes them.
    func discovery(cameras: Int) -> DiscoveryFigures {
        let targets = (1...cameras).map { index in
            let path = "site/cam-" + String(format: "%03d", index)
            let name = path.replacingOccurrences(of: "/", with: "%2F")
            return DiscoveryTarget(
                endpointReference: "urn:uuid:" + EndpointReference.uuid(path: path, seed: UInt64(index)),
                scopes: [
                    "onvif://www.onvif.org/type/video_encoder", "onvif://www.onvif.org/Profile/Streaming",
                    "onvif://www.onvif.org/name/" + name, "onvif://www.onvif.org/hardware/camsim%20virtual%20camera",
                ],
                xaddrs: ["http://192.168.100.200:8080/onvif/\(name)/device_service"])
        }
        let probe = Array("""
            <?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"><s:Header><a:Action s:mustUnderstand="1">\
            http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action><a:MessageID>uuid:1f4a6c2e-0d33-4d4c-9a4e-6b3f0c2a9d11\
            </a:MessageID><a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header><s:Body>\
            <Probe xmlns="http://schemas.xmlsoap.org/ws/2005/04/discovery"><d:Types \
            xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dp0="http://www.onvif.org/ver10/network/wsdl">\
            dp0:NetworkVideoTransmitter</d:Types></Probe></s:Body></s:Envelope>
            """.utf8)
        let parseStart = threadCPUNanoseconds()
        for _ in 0..<10 { _ = Probe.parse(probe) }
        let parseCPU = (threadCPUNanoseconds() - parseStart) / 10
        var responder = DiscoveryResponder(instanceID: 1, seed: 7)
        let sends = responder.receive(probe, multicast: true, targets: targets, now: 0)
        // CPU: the mean of ten more Probes (each a MessageID of its own, a second apart).
        let rounds = 10
        let text = String(decoding: probe, as: UTF8.self)
        let others = (0..<rounds).map { Array(text.replacingOccurrences(of: "0d33", with: String(format: "%04d", $0)).utf8) }
        let start = threadCPUNanoseconds()
        for (index, other) in others.enumerated() {
            _ = responder.receive(other, multicast: true, targets: targets, now: Int64(index + 1) * 1_000_000_000)
        }
        let answerCPU = (threadCPUNanoseconds() - start) / Int64(rounds)
        var firsts: [String: Int64] = [:]
        for send in sends { firsts[send.messageID] = min(firsts[send.messageID] ?? .max, send.at) }
        let distinct = Dictionary(grouping: sends, by: \.messageID).values.map { $0[0] }
        return DiscoveryFigures(
            cameras: cameras, datagrams: distinct.count, largest: sends.map(\.bytes.count).max() ?? 0,
            totalBytes: distinct.reduce(0) { $0 + $1.bytes.count }, firstSends: firsts.values.sorted(),
            repeats: sends.count - distinct.count, answerCPU: answerCPU, parseCPU: parseCPU)
    }
}
