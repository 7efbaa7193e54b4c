import ArgumentParser
import Foundation
import Probe
import ProbeAnalysis

/// `camsim probe URL`: play an RTSP source for a while and report what arrived.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Check an RTSP source: size, frame rate, bitrate, GOP, loss, jitter, time to first frame.",
        discussion: """
            Plays URL (a camera, another server, or camsim) for --seconds and reports what
            arrived. Credentials come from the URL (rtsp://user:pass@host/...) or
            --user/--password. --json prints one JSON object and nothing else (with
            --sessions: {"sessions": [...], "totals": {...}}); otherwise, on a terminal,
            a progress line runs meanwhile.

            Exit status: 0 when every session ran and met the thresholds; 1 when one
            missed a threshold (--max-loss, --min-fps, --max-ttff); 2 when one could not
            play (connection refused, RTSP error, no media before the time ran out);
            64 for a usage error.
            """
    )

    /// Exit status when a session missed a threshold.
    static let thresholdFailure: Int32 = 1
    /// Exit status when a session could not play at all.
    static let sessionFailure: Int32 = 2

    @Argument(help: "The RTSP URL (rtsp:// or rtsps://).")
    var url: String?

    @Option(name: .long, help: "Seconds to play each session (0.5-3600).")
    var seconds: Double = 10

    @Option(name: .long, help: "RTP transport: udp, tcp (interleaved) or http (tunnel).")
    var transport: ProbeTransport = .tcp

    @Option(name: .long, help: "User name, when not in the URL.")
    var user: String?

    @Option(name: .long, help: "Password, when not in the URL.")
    var password: String?

    @Flag(name: .long, help: "Print only the report as JSON.")
    var json = false

    @Option(name: .long, help: "Fail (exit 1) when loss_pct is above this.")
    var maxLoss: Double?

    @Option(name: .long, help: "Fail (exit 1) when the measured fps is below this.")
    var minFps: Double?

    @Option(name: .long, help: "Fail (exit 1) when ttff_ms is above this.")
    var maxTtff: Double?

    @Option(name: .long, help: "Open this many concurrent sessions (1-\(ProbeLoad.maxSessions)).")
    var sessions: Int = 1

    @Option(name: .long, help: "Read URLs from FILE, one a line; sessions go round them in turn.")
    var urlsFrom: String?

    @Flag(name: .long, help: "Decode frames and read a camsim timecode QR code for latency_ms (costs CPU).")
    var latency = false

    func validate() throws {
        if url == nil && urlsFrom == nil { throw ValidationError("give a URL or --urls-from FILE") }
        if url != nil && urlsFrom != nil { throw ValidationError("give a URL or --urls-from FILE, not both") }
        guard (ProbeOptions.secondsRange).contains(seconds) else {
            throw ValidationError("--seconds must be within \(ProbeOptions.secondsRange.lowerBound)...\(ProbeOptions.secondsRange.upperBound)")
        }
        guard (1...ProbeLoad.maxSessions).contains(sessions) else {
            throw ValidationError("--sessions must be within 1...\(ProbeLoad.maxSessions)")
        }
        for (name, value) in [("--max-loss", maxLoss), ("--min-fps", minFps), ("--max-ttff", maxTtff)] {
            if let value, !(value >= 0 && value.isFinite) { throw ValidationError("\(name) must be a number ≥ 0") }
        }
        if (user == nil) != (password == nil) { throw ValidationError("--user and --password go together") }
    }

    func run() async throws {
        let urls: [String]
        if let urlsFrom {
            guard let text = try? String(contentsOfFile: urlsFrom, encoding: .utf8) else {
                throw ValidationError("cannot read --urls-from \(urlsFrom)")
            }
            urls = ProbeURL.list(text, limit: ProbeLoad.maxSessions)
            if urls.isEmpty { throw ValidationError("--urls-from \(urlsFrom) holds no URL") }
        } else {
            urls = [url!]
        }
        var options = ProbeOptions(url: urls[0])
        options.seconds = seconds
        options.transport = transport
        options.user = user
        options.password = password
        options.latency = latency
        options.thresholds = ProbeThresholds(maxLossPct: maxLoss, minFPS: minFps, maxTTFFMs: maxTtff)

        let live = !json && isatty(STDERR_FILENO) == 1
        let progress = ProbeProgressLine(enabled: live)
        let reports: [ProbeReport]
        let many = sessions > 1 || urls.count > 1
        if many {
            reports = await ProbeLoad.run(urls: urls, sessions: max(sessions, urls.count), options: options) { done, total in
                progress.show("\(done)/\(total) sessions finished")
            }
        } else {
            reports = [await ProbeSession.run(options) { report in progress.show(ProbeTable.progress(report)) }]
        }
        progress.clear()

        if json {
            print(many ? ProbeLoad.jsonText(reports) : reports[0].jsonText())
        } else {
            print(many ? ProbeTable.sessions(reports) : ProbeTable.summary(reports[0]), terminator: "")
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode(Self.sessionFailure) }
        if reports.contains(where: { !$0.failures.isEmpty }) { throw ExitCode(Self.thresholdFailure) }
    }
}

extension ProbeTransport: ExpressibleByArgument {}
