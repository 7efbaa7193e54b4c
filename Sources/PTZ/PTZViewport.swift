/// The part of the canvas a position shows, as fractions of the canvas (0…1 from the top
/// left): a rectangle of the canvas's aspect, 1/(canvas × magnification) of its side, with
/// magnification 1 at zoom 0 and ``PTZSettings/maxZoom`` at zoom 1 (linear between). Pan -1
/// puts it against the left edge and 1 the right; tilt 1 the top and -1 the bottom.
public struct PTZViewport: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

extension PTZSettings {
    /// The magnification at `zoom` (0…1).
    public func magnification(zoom: Double) -> Double {
        1 + PTZVector.clamp(zoom, PTZVector.zoomRange) * (maxZoom - 1)
    }

    /// The canvas rectangle `position` shows.
    public func viewport(for position: PTZVector) -> PTZViewport {
        let p = position.clamped
        let side = 1 / (canvas * magnification(zoom: p.zoom))
        let slack = (1 - side) / 2
        return PTZViewport(x: slack + p.pan * slack, y: slack - p.tilt * slack, width: side, height: side)
    }
}
