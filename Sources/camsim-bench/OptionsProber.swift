import Foundation

/// A normal client beside the load: OPTIONS round trips on one connection, one every
/// few milliseconds, on a thread of its own, each timed from send to reply.
final class OptionsProber: @unchecked Sendable {
    let port: Int
    let url: String
    let interval: Double
    private let lock = NSLock()
    private var samples: [Double] = []
    private var failures: [String] = []
    private var stopped = false
    private var running = false

    init(port: Int, url: String, interval: Double = 0.005) {
        self.port = port
        self.url = url
        self.interval = interval
    }

    /// Round trips from now until `stop`; returns their latencies in milliseconds.
    func start() {
        lock.withLock {
            samples = []
            stopped = false
            running = true
        }
        let thread = Thread { [self] in
            do {
                let socket = try LoopbackSocket(port: port, receiveTimeoutSeconds: 5)
                defer { socket.close() }
                var cSeq = 0
                while !lock.withLock({ stopped }) {
                    cSeq += 1
                    let start = DispatchTime.now().uptimeNanoseconds
                    let reply = try socket.request("OPTIONS \(url) RTSP/1.0\r\nCSeq: \(cSeq)\r\n\r\n")
                    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                    guard reply.status == 200 else { throw BenchError.protocolError("OPTIONS answered \(reply.status ?? 0)") }
                    lock.withLock { samples.append(elapsed) }
                    Thread.sleep(forTimeInterval: interval)
                }
            } catch {
                lock.withLock { failures.append("\(error)") }
            }
            lock.withLock { running = false }
        }
        thread.start()
    }

    /// Stops the round trips and returns their latencies (ms) and any failure.
    func stop() async -> (latencies: [Double], failure: String?) {
        lock.withLock { stopped = true }
        while lock.withLock({ running }) { try? await Task.sleep(for: .milliseconds(10)) }
        return lock.withLock { (samples, failures.first) }
    }
}

/// Percentiles of some latencies.
struct LatencySummary {
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        func at(_ fraction: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
        }
        p50 = at(0.5)
        p99 = at(0.99)
        max = sorted.last ?? .nan
    }
}
