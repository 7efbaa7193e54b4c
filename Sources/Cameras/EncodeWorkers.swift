import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The server's encode threads: one per core, each with its own job queue. Each stream
/// gets a lane on the least-loaded worker when its source opens and keeps it, so one
/// camera's x264 state stays on one thread (and in one core's caches) frame after frame.
/// Once a window `EncodeBalancer` may move one lane from an overloaded worker to one with
/// room.
///
/// A worker runs its queue in order: a stream whose encode overran queues its latest due
/// slot when that encode ends, so the streams on one worker take turns as they did on the
/// shared pool.
public final class EncodeWorkers: EncodeExecutor, @unchecked Sendable {
    /// What the workers did, for tests and the bench.
    public struct Report: Sendable, Equatable {
        /// Open lanes on each worker.
        public var lanes: [Int]
        /// Lanes moved by the balancer so far.
        public var moves: Int
        /// Jobs run on each worker so far.
        public var jobs: [Int]
    }

    private struct State {
        var balancer: EncodeBalancer
        /// Busy nanoseconds of each lane in the current window.
        var busy: [Int: Int64] = [:]
        var windowStart: Int64
        var moves = 0
        var jobs: [Int]
        var nextLoose = 0
    }

    private let pools: [NIOThreadPool]
    private let clock: any MonotonicClock
    private let windowNanoseconds: Int64
    private let state: NIOLockedValueBox<State>

    /// `pinned` ties worker i to CPU i modulo the CPU count (`sched_setaffinity`);
    /// otherwise the kernel places the threads.
    public init(
        numberOfThreads: Int, pinned: Bool = false, rule: EncodeBalancer.Rule = .init(),
        windowNanoseconds: Int64 = 1_000_000_000, clock: any MonotonicClock = SystemMonotonicClock()
    ) {
        let count = max(1, numberOfThreads)
        let cpus = System.coreCount
        pools = (0..<count).map { index in
            pinned ? NIOThreadPool(pinnedCPUIDs: [index % cpus]) : NIOThreadPool(numberOfThreads: 1)
        }
        self.clock = clock
        self.windowNanoseconds = windowNanoseconds
        state = NIOLockedValueBox(State(
            balancer: EncodeBalancer(workers: count, rule: rule), windowStart: clock.nanoseconds(),
            jobs: Array(repeating: 0, count: count)))
    }

    public var numberOfThreads: Int { pools.count }

    public func start() {
        for pool in pools { pool.start() }
    }

    public func shutdownGracefully() async throws {
        for pool in pools { try await pool.shutdownGracefully() }
    }

    public var report: Report {
        state.withLockedValue { Report(lanes: $0.balancer.laneCounts, moves: $0.moves, jobs: $0.jobs) }
    }

    /// A job of no stream's: the workers take such jobs in turn.
    public func runIfActive<T: Sendable>(eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T) -> EventLoopFuture<T> {
        let worker = state.withLockedValue { state in
            defer { state.nextLoose = (state.nextLoose + 1) % pools.count }
            state.jobs[state.nextLoose] += 1
            return state.nextLoose
        }
        return pools[worker].runIfActive(eventLoop: eventLoop, body)
    }

    public func makeLane() -> any EncodeLane {
        let lane = state.withLockedValue { $0.balancer.open().lane }
        return Lane(workers: self, id: lane)
    }

    /// Runs one job of `lane` on its worker, timing it for the balancer.
    fileprivate func run<T: Sendable>(
        lane: Int, eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T
    ) -> EventLoopFuture<T> {
        let worker = state.withLockedValue { state in
            let worker = state.balancer.worker(of: lane) ?? 0
            state.jobs[worker] += 1
            return worker
        }
        let clock = self.clock
        return pools[worker].runIfActive(eventLoop: eventLoop) {
            let started = clock.nanoseconds()
            defer { self.finished(lane: lane, started: started, ended: clock.nanoseconds()) }
            return try body()
        }
    }

    /// Books a job's time to its lane; at the end of a window, asks the balancer.
    private func finished(lane: Int, started: Int64, ended: Int64) {
        state.withLockedValue { state in
            if state.balancer.worker(of: lane) != nil { state.busy[lane, default: 0] += ended - started }
            let length = ended - state.windowStart
            guard length >= windowNanoseconds else { return }
            let shares = state.busy.mapValues { Double($0) / Double(length) }
            state.busy.removeAll(keepingCapacity: true)
            state.windowStart = ended
            if state.balancer.windowEnded(busy: shares) != nil { state.moves += 1 }
        }
    }

    fileprivate func release(lane: Int) {
        state.withLockedValue { state in
            state.balancer.release(lane)
            state.busy.removeValue(forKey: lane)
        }
    }

    /// A stream's lane on the workers.
    struct Lane: EncodeLane {
        let workers: EncodeWorkers
        let id: Int

        func run<T: Sendable>(eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T) -> EventLoopFuture<T> {
            workers.run(lane: id, eventLoop: eventLoop, body)
        }

        func release() { workers.release(lane: id) }
    }
}
