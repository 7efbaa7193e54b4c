import Foundation

/// An analog clock face showing the wall-clock time in UTC, centred in its region with
/// the diameter the smaller side. The face (disc, rim and twelve hour marks) is a
/// separate static layer (`faceLayer`); this layer draws only the hands, every frame:
///
///     second hand angle = 6° · (s + ms/1000)          (sweeps smoothly)
///     minute hand angle = 6° · (m + s/60)
///     hour hand angle   = 30° · ((h mod 12) + m/60)
///
/// with angles clockwise from 12 o'clock.
public final class AnalogClock: SceneLayer {
    public let region: PixelRect
    public let colour: YCbCr
    public let secondsColour: YCbCr
    public let faceLayer: FaceLayer
    private let diameter: Int
    private let origin: (x: Int, y: Int)
    private var mask: CoverageMask
    public var isStatic: Bool { false }

    public init(region: PixelRect, colour: YCbCr, face: YCbCr, secondsColour: YCbCr) {
        self.region = region
        self.colour = colour
        self.secondsColour = secondsColour
        diameter = min(region.width, region.height)
        origin = (region.x + (region.width - diameter) / 2, region.y + (region.height - diameter) / 2)
        mask = CoverageMask(width: diameter, height: diameter)
        faceLayer = FaceLayer(origin: origin, diameter: diameter, face: face, marks: colour)
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        let t = CivilTime(unixNanos: context.wallClockNanos)
        let seconds = Double(t.second) + Double(t.millisecond) / 1000
        let minutes = Double(t.minute) + Double(t.second) / 60
        let hours = Double(t.hour % 12) + Double(t.minute) / 60
        let r = Double(diameter) / 2
        let w = max(2, Double(diameter) / 60)

        mask.reset(width: diameter, height: diameter)
        hand(angle: hours * 30, length: r * 0.5, width: w * 2)
        hand(angle: minutes * 6, length: r * 0.78, width: w * 1.4)
        var changed = picture.blend(mask, atX: origin.x, y: origin.y, colour: colour, opacity: 1)
        mask.reset(width: diameter, height: diameter)
        hand(angle: seconds * 6, length: r * 0.88, width: w * 0.7)
        changed = changed.union(picture.blend(mask, atX: origin.x, y: origin.y, colour: secondsColour, opacity: 1))
        return changed
    }

    private func hand(angle degrees: Double, length: Double, width: Double) {
        let a = degrees * .pi / 180
        let c = Double(diameter) / 2
        mask.strokeLine(x0: c, y0: c, x1: c + sin(a) * length, y1: c - cos(a) * length, width: width)
    }

    /// The static part of the clock.
    public final class FaceLayer: SceneLayer {
        let origin: (x: Int, y: Int)
        let face: YCbCr
        let marks: YCbCr
        let disc: CoverageMask
        let rimAndMarks: CoverageMask
        public var isStatic: Bool { true }

        init(origin: (x: Int, y: Int), diameter: Int, face: YCbCr, marks: YCbCr) {
            self.origin = origin
            self.face = face
            self.marks = marks
            disc = CoverageMask.disc(diameter: diameter)
            let lineWidth = max(2, diameter / 50)
            var m = CoverageMask.ring(diameter: diameter, lineWidth: lineWidth)
            let c = Double(diameter) / 2
            for hour in 0..<12 {
                let a = Double(hour) * .pi / 6
                let inner = c * (hour % 3 == 0 ? 0.78 : 0.85), outer = c * 0.94
                m.strokeLine(
                    x0: c + sin(a) * inner, y0: c - cos(a) * inner, x1: c + sin(a) * outer, y1: c - cos(a) * outer,
                    width: Double(lineWidth) * (hour % 3 == 0 ? 1.6 : 1))
            }
            rimAndMarks = m
        }

        public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
            picture.blend(disc, atX: origin.x, y: origin.y, colour: face, opacity: 1)
                .union(picture.blend(rimAndMarks, atX: origin.x, y: origin.y, colour: marks, opacity: 1))
        }
    }
}
