import Cameras
import NIOConcurrencyHelpers
import Prometheus
import Server

/// `/metrics`: reads the server's counters at scrape time and writes them in the
/// Prometheus text format. Nothing on the media path reports to it: every value comes
/// from counters the server keeps anyway (atomics, short locks), so a scrape costs the
/// viewers nothing. Counters and gauges are swift-prometheus collectors in one registry,
/// set to the values read; the histograms the hot path records into are written after them.
final class MetricsCollector: Sendable {
    private let server: CamsimServer
    private let registry = PrometheusCollectorRegistry()
    /// The collectors made so far, by name and labels, and which series the last scrape set.
    private let state = NIOLockedValueBox(State())

    private struct State {
        var counters: [SeriesKey: Counter] = [:]
        var gauges: [SeriesKey: Gauge] = [:]
        /// Each stream's fixed series, made once: most of a scrape of many cameras.
        var streams: [ObjectIdentifier: StreamSeries] = [:]
    }

    /// The series every stream has, in the order `collectStream` sets them.
    private struct StreamSeries {
        static let counterNames = [
            MetricNames.framesRendered, MetricNames.framesEncoded, MetricNames.framesSkipped, MetricNames.idrsForced,
            MetricNames.packetsProduced, MetricNames.bytesProduced, MetricNames.packetsSent, MetricNames.bytesSent,
        ]
        /// The labels they carry (a stream freed and another made at its address gets new series).
        var labels: [String]
        var counters: [Counter]
        /// `camsim_stream_viewers`, in `SessionSummary.Transport.allCases` order.
        var viewers: [Gauge]

        init(registry: PrometheusCollectorRegistry, labels: [(String, String)]) {
            self.labels = labels.map(\.1)
            counters = Self.counterNames.map { registry.makeCounter(descriptor: $0.descriptor, labels: labels) }
            viewers = SessionSummary.Transport.allCases.map {
                registry.makeGauge(descriptor: MetricNames.viewers.descriptor, labels: labels + [("transport", $0.rawValue)])
            }
        }

        func unregister(from registry: PrometheusCollectorRegistry) {
            counters.forEach(registry.unregisterCounter)
            viewers.forEach(registry.unregisterGauge)
        }
    }

    private struct SeriesKey: Hashable {
        var name: String
        var labels: [String]
    }

    init(server: CamsimServer) {
        self.server = server
    }

    /// One scrape: the text exposition of every series now.
    func scrape() -> String {
        state.withLockedValue { state in
            var scrape = Scrape(registry: registry, state: state)
            collect(into: &scrape)
            state = scrape.finish()
            var text = registry.emitToString()
            text += scrape.histograms.text
            return text
        }
    }

    private func collect(into scrape: inout Scrape) {
        for statistics in server.streamStatistics() {
            collectStream(statistics, into: &scrape)
        }
        collectServer(into: &scrape)
    }

    private func collectStream(_ statistics: StreamStatistics, into scrape: inout Scrape) {
        let stream = statistics.stream
        let labels = [("camera", statistics.camera), ("stream", stream.definition.streamName)]
        let counters = stream.counters.snapshot
        let encode = stream.encodeStatistics
        let viewers = stream.viewerStatistics
        let series = scrape.series(of: stream, labels: labels)
        let values = [
            encode.framesRendered.load(ordering: .relaxed), counters.framesEncoded, counters.framesSkipped,
            encode.idrsForced.load(ordering: .relaxed), counters.packetsProduced, counters.bytesProduced,
            viewers.packetsSent.load(ordering: .relaxed), viewers.bytesSent.load(ordering: .relaxed),
        ]
        for (counter, value) in zip(series.counters, values) { Scrape.set(counter, to: value) }
        for (gauge, transport) in zip(series.viewers, SessionSummary.Transport.allCases) {
            gauge.set(to: Double(statistics.viewersByTransport[transport] ?? 0))
        }
        // Fault series appear once a cause has counted something, so a thousand cameras
        // without faults add no lines.
        for (cause, count) in statistics.faults.packetsDroppedByCause where count > 0 {
            scrape.counter(MetricNames.faultPacketsDropped, labels + [("cause", cause)], count)
        }
        for (cause, count) in statistics.faults.framesDroppedByCause where count > 0 {
            scrape.counter(MetricNames.faultFramesDropped, labels + [("cause", cause)], count)
        }
        let encodeTimes = encode.encodeSeconds.snapshot
        if encodeTimes.count > 0 {
            scrape.histograms.add(
                MetricNames.encodeSeconds.name, help: MetricNames.encodeSeconds.help, labels: labels,
                bounds: encode.encodeSeconds.upperBounds, snapshot: encodeTimes)
        }
        let loss = viewers.reportedLoss.snapshot
        if loss.count > 0 {
            scrape.histograms.add(
                MetricNames.reportedLoss.name, help: MetricNames.reportedLoss.help, labels: labels,
                bounds: viewers.reportedLoss.upperBounds, snapshot: loss)
            scrape.histograms.add(
                MetricNames.reportedJitter.name, help: MetricNames.reportedJitter.help, labels: labels,
                bounds: viewers.reportedJitterSeconds.upperBounds, snapshot: viewers.reportedJitterSeconds.snapshot)
        }
    }

    private func collectServer(into scrape: inout Scrape) {
        let activity = server.activity
        for (key, count) in activity.requestCounts {
            scrape.counter(MetricNames.rtspRequests, [("method", key.method), ("status", String(key.status))], count)
        }
        scrape.counter(MetricNames.sessionsStarted, [], activity.sessionsStarted.load(ordering: .relaxed))
        scrape.counter(MetricNames.sessionsEnded, [], activity.sessionsEnded.load(ordering: .relaxed))
        scrape.counter(MetricNames.sessionsTimedOut, [], activity.sessionsTimedOut.load(ordering: .relaxed))
        scrape.gauge(MetricNames.sessions, [], Double(server.sessionCount))
        let process = ProcessResources.now()
        scrape.counter(MetricNames.cpuSeconds, [], process.cpuSeconds)
        if let resident = process.residentBytes {
            scrape.gauge(MetricNames.residentBytes, [], Double(resident))
        }
    }

    /// One scrape's writes: sets each series it is given (making its collector the
    /// first time), and at the end unregisters the series it was not given (a removed
    /// camera's), so they leave the output.
    private struct Scrape {
        let registry: PrometheusCollectorRegistry
        var state: State
        var seen: Set<SeriesKey> = []
        var seenStreams: Set<ObjectIdentifier> = []
        var histograms = PrometheusHistogramText()

        init(registry: PrometheusCollectorRegistry, state: State) {
            self.registry = registry
            self.state = state
        }

        mutating func counter(_ metric: MetricName, _ labels: [(String, String)], _ value: Int) {
            counter(metric, labels, Double(value))
        }

        /// The stream's fixed series, made on its first scrape.
        mutating func series(of stream: CameraStream, labels: [(String, String)]) -> StreamSeries {
            let key = ObjectIdentifier(stream)
            seenStreams.insert(key)
            if let series = state.streams[key] {
                if series.labels == labels.map(\.1) { return series }
                series.unregister(from: registry)
            }
            let series = StreamSeries(registry: registry, labels: labels)
            state.streams[key] = series
            return series
        }

        /// A counter set to a count the server keeps.
        static func set(_ counter: Counter, to value: Int) {
            counter.reset()
            counter.increment(by: Int64(value))
        }

        /// A counter set to `value`: the counts are kept by the server, the collector only carries them.
        mutating func counter(_ metric: MetricName, _ labels: [(String, String)], _ value: Double) {
            let key = SeriesKey(name: metric.name, labels: labels.flatMap { [$0.0, $0.1] })
            seen.insert(key)
            let counter = state.counters[key] ?? registry.makeCounter(descriptor: metric.descriptor, labels: labels)
            state.counters[key] = counter
            counter.reset()
            if value == value.rounded(), value < 9e18 {
                counter.increment(by: Int64(value))
            } else {
                counter.increment(by: value)
            }
        }

        mutating func gauge(_ metric: MetricName, _ labels: [(String, String)], _ value: Double) {
            let key = SeriesKey(name: metric.name, labels: labels.flatMap { [$0.0, $0.1] })
            seen.insert(key)
            let gauge = state.gauges[key] ?? registry.makeGauge(descriptor: metric.descriptor, labels: labels)
            state.gauges[key] = gauge
            gauge.set(to: value)
        }

        func finish() -> State {
            var state = self.state
            for (key, counter) in state.counters where !seen.contains(key) {
                registry.unregisterCounter(counter)
                state.counters[key] = nil
            }
            for (key, gauge) in state.gauges where !seen.contains(key) {
                registry.unregisterGauge(gauge)
                state.gauges[key] = nil
            }
            for (key, series) in state.streams where !seenStreams.contains(key) {
                series.unregister(from: registry)
                state.streams[key] = nil
            }
            return state
        }
    }
}
