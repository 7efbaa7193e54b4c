import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
@testable import Cameras

/// The encode workers keep each lane's jobs on one thread, spread lanes over threads,
/// and move a lane when one thread is overloaded while another idles.
@Suite
struct EncodeWorkersTests {
    static var loop: any EventLoop { MultiThreadedEventLoopGroup.singleton.next() }

    /// The thread a job ran on.
    static func currentThread() -> UInt { UInt(pthread_self()) }

    @Test
    func eachLaneKeepsToOneThread() async throws {
        let workers = EncodeWorkers(numberOfThreads: 2)
        workers.start()
        let lanes = (0..<4).map { _ in workers.makeLane() }
        var threads: [Set<UInt>] = Array(repeating: [], count: lanes.count)
        for _ in 0..<20 {
            // All four lanes at once, as streams encode side by side.
            let futures = lanes.map { $0.run(eventLoop: Self.loop) { Self.currentThread() } }
            for (index, future) in futures.enumerated() { threads[index].insert(try await future.get()) }
        }
        #expect(threads.allSatisfy { $0.count == 1 }, "a lane's jobs ran on several threads: \(threads)")
        // Lanes 0 and 2 share worker 0, lanes 1 and 3 worker 1.
        #expect(threads[0] == threads[2] && threads[1] == threads[3] && threads[0] != threads[1])
        #expect(workers.report.lanes == [2, 2])
        #expect(workers.report.jobs == [40, 40])
        lanes.forEach { $0.release() }
        #expect(workers.report.lanes == [0, 0])
        try await workers.shutdownGracefully()
    }

    @Test
    func aLaneLeavesAnOverloadedWorkerForAnIdleOne() async throws {
        // The workers' time is the jobs' own: each job moves the clock 5 ms on, so worker 0 is
        // busy for the whole of every window and worker 1 for none of it, however the machine
        // schedules threads (real time would let the test's own pauses count as idle).
        let clock = JobClock()
        let workers = EncodeWorkers(numberOfThreads: 2, windowNanoseconds: 100_000_000, clock: clock)
        workers.start()
        let busyA = workers.makeLane()  // worker 0
        let idle = workers.makeLane()  // worker 1, never given a job
        let busyB = workers.makeLane()  // worker 0
        defer { [busyA, idle, busyB].forEach { $0.release() } }
        var threadsA: Set<UInt> = [], threadsB: Set<UInt> = []
        let job: @Sendable () -> UInt = {
            clock.advance(by: 5_000_000)
            return Self.currentThread()
        }
        // A 100 ms window ends after 20 jobs; the balancer moves a lane when it ends.
        var rounds = 0
        while workers.report.moves == 0, rounds < 40 {
            rounds += 1
            async let a = busyA.run(eventLoop: Self.loop, job).get()
            async let b = busyB.run(eventLoop: Self.loop, job).get()
            threadsA.insert(try await a)
            threadsB.insert(try await b)
        }
        #expect(rounds == 10, "the first window (20 jobs of 5 ms) should have ended in a move")
        #expect(workers.report.moves == 1)
        #expect(workers.report.lanes == [1, 2])
        // After the move the two busy lanes run side by side on different threads.
        let a = try await busyA.run(eventLoop: Self.loop) { Self.currentThread() }.get()
        let b = try await busyB.run(eventLoop: Self.loop) { Self.currentThread() }.get()
        #expect(a != b)
        #expect(threadsA.count == 1 && threadsA == threadsB, "before the move both ran on worker 0")
        try await workers.shutdownGracefully()
    }

    @Test
    func oneThreadServesItsLanesInTurn() async throws {
        // The overload rule relies on this: a worker runs jobs in the order given.
        let workers = EncodeWorkers(numberOfThreads: 1)
        workers.start()
        let lanes = (0..<3).map { _ in workers.makeLane() }
        let order = AppendLog<[Int]>([])
        var futures: [EventLoopFuture<Void>] = []
        for round in 0..<3 {
            for (index, lane) in lanes.enumerated() {
                futures.append(lane.run(eventLoop: Self.loop) { order.append(round * 10 + index) })
            }
        }
        for future in futures { try await future.get() }
        #expect(order.value == [0, 1, 2, 10, 11, 12, 20, 21, 22])
        try await workers.shutdownGracefully()
    }

    @Test
    func jobsFailOnceStopped() async throws {
        let workers = EncodeWorkers(numberOfThreads: 2)
        workers.start()
        let lane = workers.makeLane()
        try await workers.shutdownGracefully()
        await #expect(throws: (any Error).self) { try await lane.run(eventLoop: Self.loop) { 1 }.get() }
    }
}

/// A list several threads append to.
final class AppendLog<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func append<Element>(_ element: Element) where Value == [Element] { lock.withLock { stored.append(element) } }
}

/// A clock the workers' jobs move forward themselves, safe to move from any thread.
private final class JobClock: MonotonicClock, Sendable {
    private let now = NIOLockedValueBox<Int64>(1_000_000_000)

    func nanoseconds() -> Int64 { now.withLockedValue { $0 } }
    func wallClockNanoseconds() -> Int64 { nanoseconds() }
    func deadline(forNanoseconds nanos: Int64) -> NIODeadline { .uptimeNanoseconds(UInt64(max(0, nanos))) }

    func advance(by nanoseconds: Int64) { now.withLockedValue { $0 += nanoseconds } }
}
