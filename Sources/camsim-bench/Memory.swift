import Foundation

/// Resident memory of this process, in bytes, from /proc/self/status.
struct ProcessMemory {
    var resident: Int

    static func read() -> ProcessMemory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name) {
                let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
                return digits * 1024
            }
            return 0
        }
        return ProcessMemory(resident: field("VmRSS:"))
    }
}
