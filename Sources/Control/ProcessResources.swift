import Foundation

/// The process's CPU time and resident memory, read when /metrics is scraped: CPU from
/// `getrusage`, resident set size from `/proc/self/statm` (Linux) times the page size.
struct ProcessResources: Sendable {
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double
    /// Resident set size in bytes; nil where `/proc` is not there.
    var residentBytes: Int?

    static func now() -> ProcessResources {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ProcessResources(
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
            residentBytes: residentPages().map { $0 * Int(sysconf(Int32(_SC_PAGESIZE))) })
    }

    /// The second field of /proc/self/statm: resident pages. The file is one short line.
    private static func residentPages() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1 else { return nil }
        return Int(fields[1])
    }
}
