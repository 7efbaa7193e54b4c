import Foundation

/// The plain-text forms of probe results: a summary of one session, a table with a row
/// per session and a totals line (`--sessions N`), and the live progress line.
public enum ProbeTable {
    static let columns = ["#", "url", "codec", "size", "fps", "kbit/s", "gop", "ttff ms", "loss %", "reord", "dup", "jitter ms", "status"]

    /// One row per session and a totals row, columns aligned.
    public static func sessions(_ reports: [ProbeReport]) -> String {
        var rows = [columns]
        for (index, report) in reports.enumerated() {
            rows.append([
                String(index + 1), report.url ?? "-", report.codec ?? "-", size(report), ProbeFormat.number(report.fps),
                ProbeFormat.number(report.bitrateKbps), report.gop.map(String.init) ?? "-", ProbeFormat.number(report.ttffMs),
                ProbeFormat.number(report.lossPct), String(report.reordered), String(report.duplicates),
                ProbeFormat.number(report.jitterMs), status(report),
            ])
        }
        let totals = ProbeTotals(reports)
        rows.append([
            "all", "\(totals.sessions) sessions", "", "", ProbeFormat.number(totals.meanFPS), ProbeFormat.number(totals.bitrateKbps),
            "", ProbeFormat.number(totals.maxTTFFMs), ProbeFormat.number(totals.lossPct), "", "", ProbeFormat.number(totals.maxJitterMs),
            "\(totals.passed) ok, \(totals.sessions - totals.passed) failed",
        ])
        let widths = columns.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// A session's figures, one per line, for a person reading the terminal.
    public static func summary(_ report: ProbeReport) -> String {
        var lines: [String] = []
        if let url = report.url { lines.append("url          \(url)") }
        for (index, track) in report.tracks.enumerated() {
            lines.append("track \(index)      \(track.mediaType) \(track.codec)/\(track.clockRate) pt \(track.payloadType), \(track.packets) packets")
        }
        var video = report.codec ?? "-"
        if report.width != nil { video += " \(size(report))" }
        if let profile = report.profile { video += ", \(profile)" }
        if let level = report.level { video += " level \(level)" }
        if let spsFPS = report.spsFPS { video += ", SPS \(ProbeFormat.number(spsFPS)) fps" }
        lines.append("video        \(video)")
        lines.append("fps          \(ProbeFormat.number(report.fps)) (\(report.frames) frames, \(report.incompleteFrames) incomplete)")
        lines.append("bitrate      \(ProbeFormat.number(report.bitrateKbps)) kbit/s")
        lines.append("gop          \(report.gop.map { "\($0) frames" } ?? "-") (\(report.idrFrames) IDR)")
        lines.append("ttff         \(ProbeFormat.number(report.ttffMs)) ms")
        lines.append(
            "loss         \(ProbeFormat.number(report.lossPct)) % (\(report.lost) of \(report.expected)), "
                + "\(report.reordered) reordered, \(report.duplicates) duplicates")
        lines.append("jitter       \(ProbeFormat.number(report.jitterMs)) ms")
        lines.append(
            "rtcp sr      \(report.rtcpSR ? "\(report.rtcpSRCount) received" : "none"), drift \(ProbeFormat.number(report.srDriftPPM)) ppm")
        lines.append(
            "timestamps   \(report.timestampRegressions) went backwards; parameter sets changed \(report.parameterSetChanges) times; "
                + "\(report.ssrcChanges) SSRC changes")
        if report.latencySamples > 0 {
            lines.append(
                "latency      \(ProbeFormat.number(report.latencyMs)) ms (\(ProbeFormat.number(report.latencyMinMs))–"
                    + "\(ProbeFormat.number(report.latencyMaxMs)), \(report.latencySamples) QR codes)")
        }
        if let error = report.error { lines.append("error        \(error)") }
        for failure in report.failures { lines.append("FAIL         \(failure)") }
        if report.passed { lines.append("ok") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The live line: elapsed time and the figures so far.
    public static func progress(_ report: ProbeReport) -> String {
        "\(ProbeFormat.number(report.durationSeconds)) s  \(report.frames) frames  \(ProbeFormat.number(report.fps)) fps  "
            + "\(ProbeFormat.number(report.bitrateKbps)) kbit/s  loss \(ProbeFormat.number(report.lossPct)) %  "
            + "jitter \(ProbeFormat.number(report.jitterMs)) ms"
    }

    static func size(_ report: ProbeReport) -> String {
        guard let width = report.width, let height = report.height else { return "-" }
        return "\(width)x\(height)"
    }

    static func status(_ report: ProbeReport) -> String {
        if let error = report.error { return "error: \(error)" }
        return report.failures.isEmpty ? "ok" : "FAIL: " + report.failures.joined(separator: "; ")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
