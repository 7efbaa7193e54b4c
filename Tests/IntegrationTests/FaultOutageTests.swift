import Foundation
import Testing

extension Integration {
    /// A scheduled outage as ffmpeg sees it over UDP: the picture stalls for the
    /// outage, then frames resume, with the gap visible in their timestamps.
    @Suite
    struct FaultOutageTests {
        static let yaml = FaultRig.serverBlock() + "cameras:\n"
            + FaultRig.camera("cam")
            + FaultRig.camera("dark", faults: "{outage: {at: 2s, duration: 3s}}")

        /// Frame timestamps (seconds) from `ffmpeg -f framecrc` output.
        static func frameTimes(_ framecrc: String) -> [Double] {
            var timeBase = 1.0
            var times: [Double] = []
            for line in framecrc.split(separator: "\n") {
                if line.hasPrefix("#tb 0:") {
                    let parts = line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: "/")
                    if parts.count == 2, let n = Double(parts[0]), let d = Double(parts[1]), d > 0 { timeBase = n / d }
                    continue
                }
                guard !line.hasPrefix("#") else { continue }
                let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.count >= 3, fields[0] == "0", let pts = Double(fields[2]) { times.append(pts * timeBase) }
            }
            return times
        }

        @Test(arguments: [("dark", ""), ("cam", "?outage_at=2s&outage_for=3s")])
        func ffmpegStallsThroughTheOutageAndResumes(path: String, query: String) async throws {
            try await FaultRig.with(Self.yaml) { server in
                let url = server.url(forPath: path) + query
                let result = try await Clients.ffmpegPull(
                    url, transport: "udp",
                    output: ["-an", "-t", "8", "-fps_mode", "passthrough", "-f", "framecrc", "-"],
                    timeoutSeconds: 40)
                let times = Self.frameTimes(result.stdout)
                let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
                let widest = gaps.enumerated().max { $0.element < $1.element }
                let before = widest.map { $0.offset + 1 } ?? times.count
                let after = times.count - before
                print(String(format: "outage via %@: %d frames, widest pts gap %.2f s after %.2f s, %d frames after it, ffmpeg ran %.1f s",
                             query.isEmpty ? "YAML" : "URL", times.count, widest?.element ?? 0,
                             before > 0 && before <= times.count ? times[before - 1] - (times.first ?? 0) : 0, after, result.elapsedSeconds))
                #expect(!result.timedOut, "\(result)")
                #expect(before >= 10, "too few frames before the outage: \(before)\n\(result)")
                #expect((widest?.element ?? 0) >= 2.5, "no gap of 2.5 s in the frame timestamps: widest \(widest?.element ?? 0) s\n\(result)")
                #expect((widest?.element ?? 0) <= 4.5, "the gap is longer than the outage: \(widest?.element ?? 0) s")
                #expect(after >= 15, "only \(after) frames after the outage\n\(result)")
            }
        }
    }
}
