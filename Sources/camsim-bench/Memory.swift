import Foundation

/// Resident memory of this process, in bytes, from /proc/self/status: now, and the
/// peak since the start or the last `resetPeak`.
struct ProcessMemory {
    var resident: Int
    var peak: Int

    static func read() -> ProcessMemory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name) {
                let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
                return digits * 1024
            }
            return 0
        }
        return ProcessMemory(resident: field("VmRSS:"), peak: field("VmHWM:"))
    }

    /// Starts a new peak from the current resident size (writing 5 to
    /// /proc/self/clear_refs resets `VmHWM`).
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
