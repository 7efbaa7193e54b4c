import Foundation

/// What this process holds that a leak would grow: open file descriptors and threads.
/// The server under test runs in-process.
struct ProcessResources: Equatable, CustomStringConvertible {
    var fileDescriptors: Int
    var threads: Int

    /// The concurrency runtime opens its timer descriptors (an epoll set, an eventfd and
    /// a timerfd) the first time a task sleeps; one short sleep before a baseline is
    /// read keeps them out of the difference.
    static func openRuntimeTimers() async {
        try? await Task.sleep(for: .milliseconds(1))
    }

    static func read() -> ProcessResources {
        let manager = FileManager.default
        // Listing /proc/self/fd opens one descriptor for the listing itself.
        let fds = ((try? manager.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? 1) - 1
        let tasks = (try? manager.contentsOfDirectory(atPath: "/proc/self/task"))?.count ?? 0
        return ProcessResources(fileDescriptors: fds, threads: tasks)
    }

    /// No more descriptors and threads than `baseline`.
    func isWithin(_ baseline: ProcessResources) -> Bool {
        fileDescriptors <= baseline.fileDescriptors && threads <= baseline.threads
    }

    var description: String { "\(fileDescriptors) fds, \(threads) threads" }

    /// What each open descriptor is (`socket:[1234]`, a path, `anon_inode:[eventfd]`), for
    /// naming what a leak left open.
    static func descriptorTargets() -> [String: String] {
        let manager = FileManager.default
        var targets: [String: String] = [:]
        for name in (try? manager.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            targets[name] = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")
        }
        return targets
    }
}
