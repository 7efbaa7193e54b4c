import Foundation

/// What this process holds that a leak would grow: open file descriptors
/// (/proc/self/fd), threads (/proc/self/task) and resident memory.
struct ProcessResources: Equatable {
    var fileDescriptors: Int
    var threads: Int

    /// The concurrency runtime opens its timer descriptors (an epoll set, an eventfd and
    /// a timerfd) the first time a task sleeps; one short sleep before a baseline is
    /// read keeps them out of the difference.
    static func openRuntimeTimers() async {
        try? await Task.sleep(for: .milliseconds(1))
    }

    /// No more descriptors and threads than `baseline` (a thread an earlier figure left
    /// may have ended meanwhile).
    func isWithin(_ baseline: ProcessResources) -> Bool {
        fileDescriptors <= baseline.fileDescriptors && threads <= baseline.threads
    }

    static func read() -> ProcessResources {
        let manager = FileManager.default
        // Listing /proc/self/fd opens one descriptor for the listing itself.
        let fds = ((try? manager.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? 1) - 1
        let tasks = (try? manager.contentsOfDirectory(atPath: "/proc/self/task"))?.count ?? 0
        return ProcessResources(fileDescriptors: fds, threads: tasks)
    }

    /// Raises the open-file limit to its hard maximum; returns the new soft limit.
    @discardableResult
    static func raiseFileLimit() -> Int {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = limit.rlim_max
        setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        return Int(limit.rlim_cur)
    }
}
