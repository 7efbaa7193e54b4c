import NIOCore
import NIOPosix

/// Where a camera stream's source is opened and its frames are encoded: `EncodeWorkers`
/// in the server (each stream keeps to one thread), or any `NIOThreadPool` (tests, tools),
/// whose threads take jobs as they come.
public protocol EncodeExecutor: Sendable {
    /// Runs `body` on one of the executor's threads, unless it has stopped, and reports
    /// on `eventLoop`. For work that belongs to no stream in particular.
    func runIfActive<T: Sendable>(eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T) -> EventLoopFuture<T>

    /// A lane for one stream, from its source's opening to its closing: the jobs given to
    /// it run one after another, on one thread while the load allows.
    func makeLane() -> any EncodeLane
}

/// One stream's place on an encode executor. Jobs run in the order given; the stream
/// gives one at a time.
public protocol EncodeLane: Sendable {
    /// Runs `body` on the lane's thread, unless the executor has stopped, and reports on
    /// `eventLoop`.
    func run<T: Sendable>(eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T) -> EventLoopFuture<T>

    /// The stream closed its source: the lane's thread has that much less to do. Jobs
    /// still given afterwards run anyway.
    func release()
}

extension NIOThreadPool: EncodeExecutor {
    public func makeLane() -> any EncodeLane { PoolLane(pool: self) }

    /// A lane on a thread pool: every job goes to whichever thread is free.
    struct PoolLane: EncodeLane {
        let pool: NIOThreadPool

        func run<T: Sendable>(eventLoop: any EventLoop, _ body: @escaping @Sendable () throws -> T) -> EventLoopFuture<T> {
            pool.runIfActive(eventLoop: eventLoop, body)
        }

        func release() {}
    }
}
