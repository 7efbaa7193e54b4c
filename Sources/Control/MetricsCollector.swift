import Cameras
import CoreMetrics
import NIOConcurrencyHelpers
import Prometheus
import Server

/// `/metrics`: reads the server's counters at scrape time and writes them in the
/// Prometheus text format. Nothing on the media path reports to it: every value comes
/// from counters the server keeps anyway (atomics, short locks), so a scrape costs the
/// viewers nothing.
///
/// The server-wide series (requests, sessions, process) are swift-metrics handles whose
/// backing collectors live in one swift-prometheus registry (made there with their HELP
/// text), set to the values read. The per-stream series, a dozen for each of
/// possibly thousands of streams, are written in one pass by `PrometheusText`: the
/// registry copies a metric family's table of label sets for every series added to it,
/// so adding the series of 1,000 cameras to it took seconds.
final class MetricsCollector: Sendable {
    private let server: CamsimServer
    private let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over `registry`, which the handles report to.
    private let factory: PrometheusMetricsFactory
    /// The server-wide collectors made so far, by name and labels. One scrape at a time.
    private let state = NIOLockedValueBox(State())

    private struct State {
        var counters: [SeriesKey: CoreMetrics.Counter] = [:]
        var secondCounters: [SeriesKey: CoreMetrics.FloatingPointCounter] = [:]
        var gauges: [SeriesKey: CoreMetrics.Meter] = [:]
    }

    private struct SeriesKey: Hashable {
        var name: String
        var labels: [String]
    }

    init(server: CamsimServer) {
        self.server = server
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// One scrape: the text exposition of every series now.
    func scrape() -> String {
        var streams = PrometheusText()
        for statistics in server.streamStatistics() {
            Self.collectStream(statistics, into: &streams)
        }
        let serverText = state.withLockedValue { state in
            collectServer(into: &state)
            return registry.emitToString()
        }
        return serverText + streams.text
    }

    private static func collectStream(_ statistics: StreamStatistics, into text: inout PrometheusText) {
        let stream = statistics.stream
        let labels = PrometheusText.labels([("camera", statistics.camera), ("stream", stream.definition.streamName)])
        let counters = stream.counters.snapshot
        let encode = stream.encodeStatistics
        let viewers = stream.viewerStatistics
        text.counter(MetricNames.framesRendered, labels: labels, encode.framesRendered.load(ordering: .relaxed))
        text.counter(MetricNames.framesEncoded, labels: labels, counters.framesEncoded)
        text.counter(MetricNames.framesSkipped, labels: labels, counters.framesSkipped)
        text.counter(MetricNames.idrsForced, labels: labels, encode.idrsForced.load(ordering: .relaxed))
        text.counter(MetricNames.packetsProduced, labels: labels, counters.packetsProduced)
        text.counter(MetricNames.bytesProduced, labels: labels, counters.bytesProduced)
        text.counter(MetricNames.packetsSent, labels: labels, viewers.packetsSent.load(ordering: .relaxed))
        text.counter(MetricNames.bytesSent, labels: labels, viewers.bytesSent.load(ordering: .relaxed))
        for transport in SessionSummary.Transport.allCases {
            text.gauge(
                MetricNames.viewers, labels: labels + ",transport=\"\(transport.rawValue)\"",
                statistics.viewersByTransport[transport] ?? 0)
        }
        // Fault series appear once a cause has counted something, so a thousand cameras
        // without faults add no lines.
        for (cause, count) in statistics.faults.packetsDroppedByCause.sorted(by: { $0.key < $1.key }) where count > 0 {
            text.counter(MetricNames.faultPacketsDropped, labels: labels + ",cause=\"\(cause)\"", count)
        }
        for (cause, count) in statistics.faults.framesDroppedByCause.sorted(by: { $0.key < $1.key }) where count > 0 {
            text.counter(MetricNames.faultFramesDropped, labels: labels + ",cause=\"\(cause)\"", count)
        }
        let encodeTimes = encode.encodeSeconds.snapshot
        if encodeTimes.count > 0 {
            text.histogram(MetricNames.encodeSeconds, labels: labels, bounds: encode.encodeSeconds.upperBounds, snapshot: encodeTimes)
        }
        let loss = viewers.reportedLoss.snapshot
        if loss.count > 0 {
            text.histogram(MetricNames.reportedLoss, labels: labels, bounds: viewers.reportedLoss.upperBounds, snapshot: loss)
            text.histogram(
                MetricNames.reportedJitter, labels: labels, bounds: viewers.reportedJitterSeconds.upperBounds,
                snapshot: viewers.reportedJitterSeconds.snapshot)
        }
    }

    private func collectServer(into state: inout State) {
        var scrape = Scrape(registry: registry, factory: factory, state: state)
        let activity = server.activity
        for (key, count) in activity.requestCounts {
            scrape.counter(MetricNames.rtspRequests, [("method", key.method), ("status", String(key.status))], count)
        }
        scrape.counter(MetricNames.sessionsStarted, [], activity.sessionsStarted.load(ordering: .relaxed))
        scrape.counter(MetricNames.sessionsEnded, [], activity.sessionsEnded.load(ordering: .relaxed))
        scrape.counter(MetricNames.sessionsTimedOut, [], activity.sessionsTimedOut.load(ordering: .relaxed))
        scrape.gauge(MetricNames.sessions, [], server.sessionCount)
        scrape.gauge(MetricNames.sharedEncoders, [], SharedEncoders.process.openEncoders)
        let loops = LoopLibrary.shared.residentLoops()
        scrape.gauge(MetricNames.loops, [], loops.count)
        scrape.gauge(MetricNames.loopBytes, [], loops.reduce(0) { $0 + $1.bytes })
        let process = ProcessResources.now()
        scrape.counter(MetricNames.cpuSeconds, [], seconds: process.cpuSeconds)
        if let resident = process.residentBytes {
            scrape.gauge(MetricNames.residentBytes, [], resident)
        }
        state = scrape.state
    }

    /// One scrape's writes: sets each series it is given, making its handle the first
    /// time (its collector registered with its HELP text). The server-wide series only
    /// grow (a method and status once answered stays counted), so none is taken out.
    private struct Scrape {
        let registry: PrometheusCollectorRegistry
        let factory: PrometheusMetricsFactory
        var state: State

        /// A counter set to a count the server keeps: the handle only carries it.
        mutating func counter(_ metric: MetricName, _ labels: [(String, String)], _ value: Int) {
            let key = SeriesKey(name: metric.name, labels: labels.flatMap { [$0.0, $0.1] })
            let counter = state.counters[key] ?? CoreMetrics.Counter(
                label: metric.name, dimensions: labels,
                handler: registry.makeCounter(descriptor: metric.descriptor, labels: labels), factory: factory)
            state.counters[key] = counter
            counter.reset()
            counter.increment(by: value)
        }

        /// A counter of seconds, set to `seconds`.
        mutating func counter(_ metric: MetricName, _ labels: [(String, String)], seconds: Double) {
            let key = SeriesKey(name: metric.name, labels: labels.flatMap { [$0.0, $0.1] })
            let counter = state.secondCounters[key] ?? CoreMetrics.FloatingPointCounter(
                label: metric.name, dimensions: labels,
                handler: registry.makeCounter(descriptor: metric.descriptor, labels: labels), factory: factory)
            state.secondCounters[key] = counter
            counter.reset()
            counter.increment(by: seconds)
        }

        mutating func gauge(_ metric: MetricName, _ labels: [(String, String)], _ value: Int) {
            let key = SeriesKey(name: metric.name, labels: labels.flatMap { [$0.0, $0.1] })
            let gauge = state.gauges[key] ?? CoreMetrics.Meter(
                label: metric.name, dimensions: labels,
                handler: registry.makeGauge(descriptor: metric.descriptor, labels: labels), factory: factory)
            state.gauges[key] = gauge
            gauge.set(value)
        }
    }
}
