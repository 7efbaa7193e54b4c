import Cameras

/// Writes `BucketHistogram` snapshots in the Prometheus text exposition format
/// (`_bucket{le=...}` cumulative, `+Inf`, `_sum`, `_count`): the histograms the hot path
/// keeps itself, so recording one never waits on the exporter.
struct PrometheusHistogramText {
    private(set) var text = ""
    private var declared: Set<String> = []

    /// Adds one labelled series of `name`; the HELP and TYPE lines come with its first series.
    mutating func add(
        _ name: String, help: String, labels: [(String, String)], bounds: [Double], snapshot: BucketHistogram.Snapshot
    ) {
        if declared.insert(name).inserted {
            text += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
        }
        let labelText = labels.map { "\($0.0)=\"\(Self.escaped($0.1))\"" }.joined(separator: ",")
        let prefix = labelText.isEmpty ? "" : labelText + ","
        for (bound, count) in zip(bounds, snapshot.cumulativeCounts) {
            text += "\(name)_bucket{\(prefix)le=\"\(Self.number(bound))\"} \(count)\n"
        }
        text += "\(name)_bucket{\(prefix)le=\"+Inf\"} \(snapshot.count)\n"
        let braces = labelText.isEmpty ? "" : "{\(labelText)}"
        text += "\(name)_sum\(braces) \(Self.number(snapshot.sum))\n"
        text += "\(name)_count\(braces) \(snapshot.count)\n"
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
