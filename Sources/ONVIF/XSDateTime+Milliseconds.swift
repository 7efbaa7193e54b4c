extension XSDateTime {
    /// `YYYY-MM-DDThh:mm:ss.mmmZ`: an event's `UtcTime`, to the millisecond, so two changes
    /// within one second keep their order.
    public static func formatMilliseconds(_ nanoseconds: Int64) -> String {
        let whole = format(nanoseconds)
        let fraction = Int((nanoseconds % 1_000_000_000 + 1_000_000_000) % 1_000_000_000 / 1_000_000)
        let digits = String(fraction)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}
