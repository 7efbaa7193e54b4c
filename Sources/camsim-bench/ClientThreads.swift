import Foundation

/// Blocking clients on threads of their own (not the concurrency pool, which has one
/// thread per core): `count` threads share `jobs` numbered jobs, each taking the next
/// free number, until all are done.
enum ClientThreads {
    struct Outcome {
        var completed = 0
        var failures: [String] = []
        var seconds = 0.0
    }

    /// Runs `job(thread, number)` for every number in `0..<jobs`; `prepare` makes each
    /// thread's state once, `finish` releases it.
    static func run<State>(
        count: Int, jobs: Int,
        prepare: @escaping @Sendable () throws -> State,
        finish: @escaping @Sendable (State) -> Void = { _ in },
        job: @escaping @Sendable (State, Int) throws -> Void
    ) async -> Outcome {
        let shared = Shared()
        let start = Date()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            shared.whenDone(threads: count) { continuation.resume() }
            for _ in 0..<count {
                let thread = Thread {
                    do {
                        let state = try prepare()
                        while let number = shared.take(below: jobs) {
                            do {
                                try job(state, number)
                                shared.record(nil)
                            } catch {
                                shared.record("\(error)")
                            }
                        }
                        finish(state)
                    } catch {
                        shared.record("\(error)")
                    }
                    shared.threadEnded()
                }
                thread.stackSize = 512 << 10
                thread.start()
            }
        }
        var outcome = shared.outcome
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var running = 0
        private var done: (() -> Void)?
        private(set) var outcome = Outcome()

        func whenDone(threads: Int, _ body: @escaping () -> Void) {
            lock.withLock {
                running = threads
                done = body
            }
        }

        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard next < limit else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func record(_ failure: String?) {
            lock.withLock {
                if let failure { outcome.failures.append(failure) } else { outcome.completed += 1 }
            }
        }

        func threadEnded() {
            let body: (() -> Void)? = lock.withLock {
                running -= 1
                return running == 0 ? done : nil
            }
            body?()
        }
    }
}
