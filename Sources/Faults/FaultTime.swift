/// Time in the fault models: signed 64-bit nanoseconds.
///
/// Absolute times (`now`, departure times) are on the caller's monotonic clock;
/// elapsed times are measured from an origin the caller chooses (the start of a
/// viewer's session or of a camera). Nothing in this module reads a clock.
public enum FaultTime {
    public static let millisecond: Int64 = 1_000_000
    public static let second: Int64 = 1_000_000_000
    public static let minute: Int64 = 60 * second
}
