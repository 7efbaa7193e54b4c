import Faults
import Foundation
import NIOCore
import NIOPosix

/// Issue figure: the CPU that fault bookkeeping adds at 100 Mbit/s of RTP, against
/// sending that second of traffic over loopback UDP, both measured here.
struct FaultBenchmark {
    /// One second of 100 Mbit/s in 1400-byte packets.
    static let packetsPerSecond = 100_000_000 / (1400 * 8)
    static let framesPerSecond = 30

    /// Every network fault on, plus media frame decisions.
    static let profile: FaultProfile = {
        let yaml = """
            loss: 0.01
            burst_loss: {rate: 0.01, mean_burst: 3}
            delay: 50ms
            jitter: 10ms
            duplicate: 0.001
            corrupt: 0.001
            reorder: {probability: 0.01}
            bandwidth: 200mbit
            drop_frames: 0.01
            """
        do {
            let profile = try FaultProfile.parse(yaml: yaml, file: "bench", line: 1)
            precondition(!profile.network.isEmpty && !profile.media.isEmpty)
            return profile
        } catch {
            fatalError("benchmark fault profile: \(error)")
        }
    }()

    struct Result {
        var faultMillisecondsPerSecond: Double
        var sendMillisecondsPerSecond: Double
        var shareOfOneCore: Double { faultMillisecondsPerSecond / 1000 }
        var ratioToSending: Double { faultMillisecondsPerSecond / sendMillisecondsPerSecond }
    }

    func run(rounds: Int) async throws -> Result {
        var fault: [Double] = []
        var send: [Double] = []
        for _ in 0..<rounds {
            fault.append(faultBookkeeping())
            send.append(try await loopbackSend())
        }
        return Result(faultMillisecondsPerSecond: median(fault), sendMillisecondsPerSecond: median(send))
    }

    /// CPU ms for the fault decisions of one second of traffic.
    private func faultBookkeeping() -> Double {
        var network = NetworkFaultModel(profile: Self.profile.network, seed: 1, origin: 0)
        var media = MediaFaultModel(profile: Self.profile.media, seed: 2, origin: 0)
        let perFrame = Self.packetsPerSecond / Self.framesPerSecond
        var copies = 0
        let start = threadCPUNanoseconds()
        for index in 0..<Self.packetsPerSecond {
            let now = Int64(index) * 1_000_000_000 / Int64(Self.packetsPerSecond)
            if index % perFrame == 0 {
                _ = media.decide(frame: FrameInfo(index: index / perFrame, isIDR: index == 0, rtpTimestamp: UInt32(index)), at: now)
            }
            copies += network.decide(packet: PacketInfo(index: index, size: 1400, kind: .rtp), at: now).copies.count
        }
        let elapsed = threadCPUNanoseconds() - start
        precondition(copies > 0)
        return Double(elapsed) / 1e6
    }

    /// Process CPU ms to send one second of 100 Mbit/s as UDP datagrams over loopback
    /// through NIO, flushed 30 times (once per access unit) like the server does.
    private func loopbackSend() async throws -> Double {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sink = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let source = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let destination = sink.localAddress!
        let perFrame = Self.packetsPerSecond / Self.framesPerSecond
        let start = processCPUNanoseconds()
        try await source.eventLoop.submit {
            let payload = ByteBuffer(repeating: 0x5A, count: 1400)
            for frame in 0..<Self.framesPerSecond {
                for _ in 0..<perFrame {
                    source.write(AddressedEnvelope(remoteAddress: destination, data: payload), promise: nil)
                }
                _ = frame
                source.flush()
            }
        }.get()
        let elapsed = processCPUNanoseconds() - start
        try await source.close()
        try await sink.close()
        try await group.shutdownGracefully()
        return Double(elapsed) / 1e6
    }
}
