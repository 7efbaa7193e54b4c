import Cameras
import Foundation
import Frames
import H264
import Server

/// Issue figure for UDP fan-out: many RTP/AVP (UDP) viewers of one camera. It shows
/// which server threads carry the media (CPU per event-loop thread, and the distinct
/// source ports the RTP arrives from) and the server's CPU per second of media.
struct UDPViewersBenchmark {
    let scene: Scene
    let viewers: Int
    let windowSeconds: Double

    struct Result {
        var viewers: Int
        var playing: Int
        var networkThreads: Int
        /// Access units the slowest viewer received per second of the window.
        var worstFramesPerSecond: Double
        var packetsPerSecond: Double
        /// The server's RTP source ports, with how many packets came from each.
        var sourcePorts: [(port: Int, packets: Int)]
        /// CPU ms per second of media for each server thread that used any.
        var threads: [(name: String, millisecondsPerSecond: Double)]
        var serverMillisecondsPerSecond: Double { threads.reduce(0) { $0 + $1.millisecondsPerSecond } }
    }

    func run() async throws -> Result {
        let camera = CameraDefinition(path: "cam", streams: [
            StreamDefinition(
                cameraName: "cam",
                encoder: EncoderSettings(width: 640, height: 360, frameRate: FrameRate(numerator: 15),
                                         rateControl: .averageBitrate(kbps: 600)),
                idleStopDelayNanoseconds: 0, seed: 1,
                makeSource: { [scene] width, height in try scene.makeRenderer(width: width, height: height) })
        ])
        let configuration = ServerConfiguration(bindHost: "127.0.0.1", port: 0)
        let server = CamsimServer(configuration: configuration, cameras: [camera])
        try await server.start()
        let receiver = try UDPViewerReceiver(count: viewers)
        receiver.start()
        var connections: [LoopbackSocket] = []
        defer { connections.forEach { $0.close() } }
        let url = server.url(forPath: "cam")
        for port in receiver.rtpPorts {
            connections.append(try Self.play(url: url, serverPort: server.port, clientRTPPort: port))
        }
        try await Task.sleep(for: .seconds(2))  // warm-up: every viewer past its first IDR
        let startCounts = receiver.snapshot()
        let startThreads = ThreadCPU.read()
        let startWall = Date()
        try await Task.sleep(for: .seconds(windowSeconds))
        let threadsNow = ThreadCPU.read()
        let counts = receiver.snapshot()
        let elapsed = Date().timeIntervalSince(startWall)
        receiver.stop()
        await server.shutdown()

        var threads: [(String, Double)] = []
        for (id, now) in threadsNow where now.isServerThread {
            let used = now.nanoseconds - (startThreads[id]?.nanoseconds ?? 0)
            if used > 0 { threads.append((now.name, Double(used) / 1e6 / elapsed)) }
        }
        threads.sort { $0.0 < $1.0 }
        let frames = zip(counts.framesPerViewer, startCounts.framesPerViewer).map { $0 - $1 }
        var ports: [(Int, Int)] = []
        for (port, packets) in counts.packetsBySourcePort {
            let delta = packets - (startCounts.packetsBySourcePort[port] ?? 0)
            if delta > 0 { ports.append((port, delta)) }
        }
        ports.sort { $0.0 < $1.0 }
        return Result(
            viewers: viewers,
            playing: frames.filter { $0 > 0 }.count,
            networkThreads: configuration.networkThreads ?? ProcessInfo.processInfo.activeProcessorCount,
            worstFramesPerSecond: Double(frames.min() ?? 0) / elapsed,
            packetsPerSecond: Double(counts.packets - startCounts.packets) / elapsed,
            sourcePorts: ports,
            threads: threads)
    }

    /// DESCRIBE, SETUP (UDP to `clientRTPPort` and the next port) and PLAY on one connection,
    /// which stays open for the session's life.
    static func play(url: String, serverPort: Int, clientRTPPort: Int) throws -> LoopbackSocket {
        let socket = try LoopbackSocket(port: serverPort)
        _ = try socket.request("DESCRIBE \(url) RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n")
        let setup = try socket.request(
            "SETUP \(url)/trackID=0 RTSP/1.0\r\nCSeq: 2\r\n"
                + "Transport: RTP/AVP;unicast;client_port=\(clientRTPPort)-\(clientRTPPort + 1)\r\n\r\n")
        guard let session = setup.header("Session")?.split(separator: ";").first else {
            throw BenchError.protocolError("no session in SETUP reply")
        }
        _ = try socket.request("PLAY \(url) RTSP/1.0\r\nCSeq: 3\r\nSession: \(session)\r\n\r\n")
        return socket
    }
}

/// The benchmark's receiving side: an even/odd UDP port pair per viewer on 127.0.0.1,
/// read by one thread with poll(2), counting packets, access units (RTP marker bit,
/// RFC 3550 §5.1) per viewer, and packets per server source port.
final class UDPViewerReceiver: @unchecked Sendable {
    struct Counts {
        var packets = 0
        var framesPerViewer: [Int]
        var packetsBySourcePort: [Int: Int] = [:]
    }

    private var rtpSockets: [Int32] = []
    private var rtcpSockets: [Int32] = []
    private(set) var rtpPorts: [Int] = []
    private let lock = NSLock()
    private var counts: Counts
    private var stopped = false

    init(count: Int) throws {
        counts = Counts(framesPerViewer: Array(repeating: 0, count: count))
        while rtpSockets.count < count {
            let (rtp, port) = try Self.bind(port: 0)
            guard port % 2 == 0, let (rtcp, _) = try? Self.bind(port: port + 1) else {
                _ = Glibc.close(rtp)
                continue
            }
            rtpSockets.append(rtp)
            rtcpSockets.append(rtcp)
            rtpPorts.append(port)
        }
    }

    deinit { (rtpSockets + rtcpSockets).forEach { _ = Glibc.close($0) } }

    func snapshot() -> Counts { lock.withLock { counts } }

    func stop() { lock.withLock { stopped = true } }

    func start() {
        let thread = Thread { [self] in receive() }
        thread.name = "bench-udp-rx"
        thread.start()
    }

    private func receive() {
        var descriptors = rtpSockets.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var datagram = [UInt8](repeating: 0, count: 65536)
        var source = sockaddr_in()
        while !lock.withLock({ stopped }) {
            guard poll(&descriptors, nfds_t(descriptors.count), 200) > 0 else { continue }
            for index in descriptors.indices where descriptors[index].revents & Int16(POLLIN) != 0 {
                while true {
                    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
                    let count = datagram.withUnsafeMutableBytes { bytes in
                        withUnsafeMutablePointer(to: &source) {
                            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                                recvfrom(descriptors[index].fd, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0, &length)
                            }
                        }
                    }
                    guard count >= 12 else { break }
                    let marker = datagram[1] & 0x80 != 0
                    let port = Int(UInt16(bigEndian: source.sin_port))
                    lock.withLock {
                        counts.packets += 1
                        counts.packetsBySourcePort[port, default: 0] += 1
                        if marker { counts.framesPerViewer[index] += 1 }
                    }
                }
            }
        }
    }

    private static func bind(port: Int) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError.socket("socket") }
        var size: Int32 = 1 << 20
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            _ = Glibc.close(fd)
            throw BenchError.socket("bind \(port)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// CPU time of each thread of this process, from /proc/self/task (Linux).
struct ThreadCPU {
    let name: String
    let nanoseconds: Int64

    /// Event-loop threads (`NIO-ELT-…`) and encode-pool threads (`TP-#…`): the server's.
    var isServerThread: Bool { name.hasPrefix("NIO-ELT") || name.hasPrefix("TP-") }

    static func read() -> [Int: ThreadCPU] {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var result: [Int: ThreadCPU] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        for task in tasks {
            guard let id = Int(task),
                  let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"), let open = stat.firstIndex(of: "(")
            else { continue }
            let name = String(stat[stat.index(after: open)..<close])
            // Fields after the name: state is field 3; utime and stime are fields 14 and 15 (proc(5)).
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            result[id] = ThreadCPU(name: name, nanoseconds: Int64((user + system) / ticks * 1e9))
        }
        return result
    }
}
