import Foundation
import ProbeAnalysis

/// `camsim probe --sessions N`: N concurrent probe sessions over a list of URLs, each
/// bounded by its own `seconds`; starts are spread so a thousand sessions do not all
/// connect in the same instant.
public enum ProbeLoad {
    /// Most sessions at once.
    public static let maxSessions = 1_000
    /// Gap between one session's start and the next.
    public static let startSpacing: Duration = .milliseconds(5)

    /// Runs `sessions` sessions (capped at `maxSessions`), session i on `urls[i % urls.count]`.
    /// Only the first session decodes frames for latency when `options.latency` is set.
    /// `progress` hears how many sessions finished. Reports come back in session order.
    public static func run(
        urls: [String], sessions: Int, options: ProbeOptions,
        progress: (@Sendable (_ finished: Int, _ total: Int) -> Void)? = nil
    ) async -> [ProbeReport] {
        let count = min(max(sessions, 1), maxSessions)
        guard !urls.isEmpty else { return [] }
        return await withTaskGroup(of: (Int, ProbeReport).self) { group in
            for index in 0..<count {
                var sessionOptions = options
                sessionOptions.url = urls[index % urls.count]
                sessionOptions.latency = options.latency && index == 0
                let delay = startSpacing * index
                group.addTask {
                    try? await Task.sleep(for: delay)
                    return (index, await ProbeSession.run(sessionOptions))
                }
            }
            var reports = [ProbeReport?](repeating: nil, count: count)
            var finished = 0
            for await (index, report) in group {
                reports[index] = report
                finished += 1
                progress?(finished, count)
            }
            return reports.compactMap { $0 }
        }
    }

    /// The JSON of many sessions: `{"sessions": [report, ...], "totals": {...}}`.
    public static func jsonText(_ reports: [ProbeReport]) -> String {
        struct Document: Encodable {
            let sessions: [ProbeReport]
            let totals: ProbeTotals
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(sessions: reports, totals: ProbeTotals(reports))) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
