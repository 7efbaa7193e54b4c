/// How the probe writes numbers for people: at most two decimals, no trailing ".0".
public enum ProbeFormat {
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    public static func number(_ value: Double?) -> String { value.map { number($0) } ?? "-" }

    /// Three decimals, as JSON carries them: enough for milliseconds and ppm.
    public static func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 1_000).rounded() / 1_000 : 0
    }
}
