import Foundation

/// Churn clients: blocking RTSP cycles on threads of their own (the concurrency pool
/// has one thread per core), `count` at a time, sharing numbered cycles until all are
/// done.
enum ChurnClients {
    enum Ending { case teardown, vanish }

    struct CycleFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// One cycle: connect, DESCRIBE, SETUP (TCP interleaved for even numbers, UDP for
    /// odd), PLAY, the first RTP packet, then TEARDOWN and close, or a close without
    /// TEARDOWN (every other pair of numbers with a reset). `udp` is the thread's
    /// RTP/RTCP pair, reused from cycle to cycle.
    static func cycle(
        number: Int, port: Int, url: String, ending: Ending, udp: (rtp: UDPReceiver, rtcp: UDPReceiver)
    ) throws {
        let client = try RawRTSPClient(port: port)
        let overTCP = number % 2 == 0
        let describe = try client.request("DESCRIBE", url, headers: [("Accept", "application/sdp")])
        guard describe.status == 200 else { throw CycleFailed(description: "DESCRIBE: \(describe.head)") }
        let transport = overTCP
            ? "RTP/AVP/TCP;unicast;interleaved=0-1" : "RTP/AVP;unicast;client_port=\(udp.rtp.port)-\(udp.rtcp.port)"
        let setup = try client.request("SETUP", url + "/trackID=0", headers: [("Transport", transport)])
        guard setup.status == 200, let header = setup.header("Session") else {
            throw CycleFailed(description: "SETUP: \(setup.head)")
        }
        let session = RTSPHeaderValues.sessionID(header)
        while udp.rtp.receive(timeoutSeconds: 0) != nil {}  // an earlier session's packets
        let play = try client.request("PLAY", url + "/", headers: [("Session", session), ("Range", "npt=0.000-")])
        guard play.status == 200 else { throw CycleFailed(description: "PLAY: \(play.head)") }
        if overTCP {
            _ = try client.readFrame()
        } else if udp.rtp.receive(timeoutSeconds: 10) == nil {
            throw CycleFailed(description: "no UDP RTP within 10 s of PLAY")
        }
        switch ending {
        case .teardown:
            let teardown = try client.request("TEARDOWN", url + "/", headers: [("Session", session)])
            guard teardown.status == 200 else { throw CycleFailed(description: "TEARDOWN: \(teardown.head)") }
        case .vanish:
            if (number / 2) % 2 == 0 { client.resetOnClose() }
        }
    }

    /// Runs `cycles` cycles on `count` threads; returns the failures.
    static func run(count: Int, cycles: Int, port: Int, url: String, ending: Ending) async -> [String] {
        let shared = Shared(jobs: cycles, threads: count)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            shared.onDone = { continuation.resume() }
            for _ in 0..<count {
                Thread.detachNewThread {
                    do {
                        let udp = try UDPReceiver.bindPair()
                        while let number = shared.take() {
                            do {
                                try cycle(number: number, port: port, url: url, ending: ending, udp: udp)
                            } catch {
                                shared.fail("cycle \(number): \(error)")
                            }
                        }
                    } catch {
                        shared.fail("client thread: \(error)")
                    }
                    shared.threadEnded()
                }
            }
        }
        return shared.failures
    }

    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private let jobs: Int
        private var next = 0
        private var running: Int
        private(set) var failures: [String] = []
        var onDone: (() -> Void)?

        init(jobs: Int, threads: Int) {
            self.jobs = jobs
            running = threads
        }

        func take() -> Int? {
            lock.withLock {
                guard next < jobs else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func fail(_ message: String) { lock.withLock { failures.append(message) } }

        func threadEnded() {
            let done: (() -> Void)? = lock.withLock {
                running -= 1
                return running == 0 ? onDone : nil
            }
            done?()
        }
    }
}
