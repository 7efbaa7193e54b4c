/// Latency samples in milliseconds, kept as a running count, sum, minimum and maximum so
/// memory stays constant however long the probe runs.
struct ProbeLatencySamples: Sendable {
    var count = 0
    var sum = 0.0
    var minimum = Double.infinity
    var maximum = -Double.infinity

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        minimum = min(minimum, value)
        maximum = max(maximum, value)
    }

    var mean: Double? { count > 0 ? sum / Double(count) : nil }
}
