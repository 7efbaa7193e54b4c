/// Bounds on what a control request may send.
public enum ControlLimits {
    /// Largest request body read, in bytes: a camera or a fault profile is a few kilobytes.
    public static let maxBodyBytes = 256 * 1024
}
