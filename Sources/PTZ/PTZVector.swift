/// A position of the virtual head in ONVIF's generic spaces (ONVIF PTZ Service
/// Specification, "Generic spaces"): pan and tilt from -1 to 1 (tilt 1 looks up), zoom from 0
/// (widest) to 1 (the longest focal length).
public struct PTZVector: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var pan: Double
    public var tilt: Double
    public var zoom: Double

    public init(pan: Double, tilt: Double, zoom: Double) {
        self.pan = pan
        self.tilt = tilt
        self.zoom = zoom
    }

    /// The centre of the canvas, widest.
    public static let origin = PTZVector(pan: 0, tilt: 0, zoom: 0)

    /// The range of pan and tilt (`AbsolutePanTiltPositionGenericSpace`).
    public static let panTiltRange: ClosedRange<Double> = -1...1
    /// The range of zoom (`AbsoluteZoomPositionGenericSpace`).
    public static let zoomRange: ClosedRange<Double> = 0...1

    /// Whether every axis is inside its range (NaN is not).
    public var isInRange: Bool {
        Self.panTiltRange.contains(pan) && Self.panTiltRange.contains(tilt) && Self.zoomRange.contains(zoom)
    }

    /// The same position with each axis brought into its range.
    public var clamped: PTZVector {
        PTZVector(pan: Self.clamp(pan, Self.panTiltRange), tilt: Self.clamp(tilt, Self.panTiltRange), zoom: Self.clamp(zoom, Self.zoomRange))
    }

    static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// `pan=0.250 tilt=-0.100 zoom=0.500`: three decimals, rounded, as the picture shows it.
    public var description: String {
        "pan=\(Self.format(pan)) tilt=\(Self.format(tilt)) zoom=\(Self.format(zoom))"
    }

    /// `value` with three decimals, rounded half away from zero; `-0.000` is written `0.000`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "nan" }
        let thousandths = Int64((abs(value) * 1000).rounded())
        let sign = value < 0 && thousandths != 0 ? "-" : ""
        let fraction = String(thousandths % 1000)
        return sign + String(thousandths / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
