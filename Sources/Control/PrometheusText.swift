import Cameras

/// Writes metric families in the Prometheus text exposition format (version 0.0.4):
/// each family's HELP and TYPE once, then its samples together, families in the order
/// they first appear. For the per-stream series, thousands with 1,000 cameras, written
/// in one pass at scrape time (see `MetricsCollector`); histograms as `_bucket{le=...}`
/// cumulative, `+Inf`, `_sum` and `_count`.
struct PrometheusText {
    private struct Family {
        var header: String
        var samples = ""
    }

    private var order: [String] = []
    private var families: [String: Family] = [:]

    /// `camera="cam",stream="main"`: labels written once and reused for every sample of a stream.
    static func labels(_ labels: [(String, String)]) -> String {
        labels.map { "\($0.0)=\"\(escaped($0.1))\"" }.joined(separator: ",")
    }

    mutating func counter(_ metric: MetricName, labels: String, _ value: Int) {
        sample(metric, type: "counter", name: metric.name, labels: labels, value: String(value))
    }

    mutating func gauge(_ metric: MetricName, labels: String, _ value: Int) {
        sample(metric, type: "gauge", name: metric.name, labels: labels, value: String(value))
    }

    /// One labelled histogram series of `metric`.
    mutating func histogram(_ metric: MetricName, labels: String, bounds: [Double], snapshot: BucketHistogram.Snapshot) {
        let prefix = labels.isEmpty ? "" : labels + ","
        for (bound, count) in zip(bounds, snapshot.cumulativeCounts) {
            sample(metric, type: "histogram", name: metric.name + "_bucket", labels: prefix + "le=\"\(Self.number(bound))\"", value: String(count))
        }
        sample(metric, type: "histogram", name: metric.name + "_bucket", labels: prefix + "le=\"+Inf\"", value: String(snapshot.count))
        sample(metric, type: "histogram", name: metric.name + "_sum", labels: labels, value: Self.number(snapshot.sum))
        sample(metric, type: "histogram", name: metric.name + "_count", labels: labels, value: String(snapshot.count))
    }

    private mutating func sample(_ metric: MetricName, type: String, name: String, labels: String, value: String) {
        if families[metric.name] == nil {
            order.append(metric.name)
            families[metric.name] = Family(header: "# HELP \(metric.name) \(metric.help)\n# TYPE \(metric.name) \(type)\n")
        }
        let line = labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(labels)} \(value)\n"
        families[metric.name]?.samples += line
    }

    var text: String {
        var text = ""
        for name in order {
            guard let family = families[name] else { continue }
            text += family.header
            text += family.samples
        }
        return text
    }

    /// Label values escape backslash, double quote and newline.
    static func escaped(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) + ".0" : "\(value)"
    }
}
