import Foundation

/// What this process holds that a leak would grow: open file descriptors and threads.
/// The server under test runs in-process.
struct ProcessResources: Equatable, CustomStringConvertible {
    var fileDescriptors: Int
    var threads: Int

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
}
