/// Bounds on what an ONVIF request may send. A real NVR's requests are a few kilobytes
/// (a `SetVideoEncoderConfiguration` is the largest, under 4 KiB), so these are generous and
/// still keep a hostile body from costing memory or time.
public enum ONVIFLimits {
    /// Largest request body read, in bytes.
    public static let maxBodyBytes = 64 * 1024
    /// Deepest element nesting (the envelope is depth 1; WS-Security's token is at 4).
    public static let maxDepth = 24
    /// Most elements in one request.
    public static let maxElements = 1024
    /// Longest entity or character reference (`&#x10FFFF;`).
    static let maxReferenceLength = 12
}
