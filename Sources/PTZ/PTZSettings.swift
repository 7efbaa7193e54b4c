/// What a camera's `ptz:` block sets: how the picture maps the position, how fast the head
/// moves, and the presets and home position it starts with.
public struct PTZSettings: Sendable, Equatable, Hashable {
    /// The canvas is this many times the widest view in each direction: at zoom 0 the view
    /// shows 1/canvas of the canvas's width and height, and pan and tilt move it across.
    public var canvas: Double
    /// The magnification at zoom 1 (zoom 0 is 1×; it grows linearly in between).
    public var maxZoom: Double
    /// Generic units per second at full speed (velocity or speed 1), on every axis: pan
    /// crosses its range of 2 in 2/speed seconds, zoom its range of 1 in 1/speed.
    public var speed: Double
    /// The presets the head starts with, in order.
    public var presets: [PTZPreset]
    /// Where the head starts and where `GotoHomePosition` sends it.
    public var home: PTZVector

    public static let canvasRange: ClosedRange<Double> = 1...8
    public static let maxZoomRange: ClosedRange<Double> = 1...32
    public static let speedRange: ClosedRange<Double> = 0.01...100
    /// The most presets a head holds (`MaximumNumberOfPresets`).
    public static let maxPresets = 64
    /// The longest preset name (`tt:Name` allows 64 characters).
    public static let maxPresetNameLength = 64
    /// What a `ContinuousMove` without a Timeout lasts (`DefaultPTZTimeout`).
    public static let defaultTimeoutNanoseconds: Int64 = 10_000_000_000
    /// The longest Timeout a `ContinuousMove` may ask for.
    public static let maxTimeoutNanoseconds: Int64 = 3_600_000_000_000

    public init(canvas: Double = 2, maxZoom: Double = 4, speed: Double = 1, presets: [PTZPreset] = [], home: PTZVector = .origin) {
        self.canvas = canvas
        self.maxZoom = maxZoom
        self.speed = speed
        self.presets = presets
        self.home = home
    }
}
