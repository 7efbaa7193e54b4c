import Randomness

/// Seeded, reproducible sensor-like noise added to whatever lies below, in luma and
/// chroma separately.
///
/// Each frame draws from its own generator, derived from the camera seed, the layer's
/// label and the frame index:
///
///     g = SeededGenerator.derived(from: seed, label)
///     frame generator = SeededGenerator(seed: g.next() ^ (n · 0x9E3779B97F4A7C15))
///
/// so the same seed and frame index always give the same bytes, in any render order.
/// Every 64-bit draw supplies eight bytes; each sample uses two bytes b₁, b₂ (so eight
/// samples cost two draws) to form a triangular, roughly normal offset:
///
///     offset = ((b₁ + b₂ − 255) · k + 128) >> 8,   k = round(σ · 256 / 104.5)
///
/// where 104.5 ≈ √(2·(256² − 1)/12) is the standard deviation of b₁ + b₂, so the offset
/// has standard deviation ≈ σ (`lumaStrength`, `chromaStrength`, in 8-bit code values,
/// at most 50). Samples are clamped to 1...254. Sixteen samples are processed at once.
public final class NoiseLayer: SceneLayer {
    public let region: PixelRect
    public let lumaStrength: Double
    public let chromaStrength: Double
    public let label: String
    private let lumaScale: Int16
    private let chromaScale: Int16
    public var isStatic: Bool { false }

    /// The largest supported standard deviation.
    public static let maximumStrength = 50.0

    public init(region: PixelRect, lumaStrength: Double, chromaStrength: Double, label: String) {
        self.region = region
        self.lumaStrength = min(Self.maximumStrength, max(0, lumaStrength))
        self.chromaStrength = min(Self.maximumStrength, max(0, chromaStrength))
        self.label = label
        lumaScale = Self.scale(self.lumaStrength)
        chromaScale = Self.scale(self.chromaStrength)
    }

    /// k for a standard deviation σ (see above); at most 122, so products fit in 16 bits.
    static func scale(_ sigma: Double) -> Int16 {
        Int16((sigma * 256 / 104.5).rounded())
    }

    /// The generator for one frame.
    public func generator(seed: UInt64, frameIndex: Int64) -> SeededGenerator {
        var base = SeededGenerator.derived(from: seed, label)
        return SeededGenerator(seed: base.next() ^ (UInt64(bitPattern: frameIndex) &* 0x9E37_79B9_7F4A_7C15))
    }

    public func draw(into picture: PictureView, context: FrameContext) -> PixelRect {
        var rng = generator(seed: context.seed, frameIndex: context.frameIndex)
        let r = region
        if lumaScale > 0 {
            Self.add(scale: lumaScale, to: picture.luma, x: r.x, y: r.y, width: r.width, height: r.height, rng: &rng)
        }
        if chromaScale > 0 {
            let cx = r.x >> 1, cy = r.y >> 1, cw = r.width >> 1, ch = r.height >> 1
            Self.add(scale: chromaScale, to: picture.cb, x: cx, y: cy, width: cw, height: ch, rng: &rng)
            Self.add(scale: chromaScale, to: picture.cr, x: cx, y: cy, width: cw, height: ch, rng: &rng)
        }
        return r
    }

    @inline(__always)
    private static func bytes16(_ rng: inout SeededGenerator) -> SIMD16<Int16> {
        let lo = unsafeBitCast(rng.next(), to: SIMD8<UInt8>.self)
        let hi = unsafeBitCast(rng.next(), to: SIMD8<UInt8>.self)
        return SIMD16<Int16>(truncatingIfNeeded: SIMD16<UInt8>(lowHalf: lo, highHalf: hi))
    }

    private static func add(
        scale k: Int16, to plane: PlaneView, x: Int, y: Int, width: Int, height: Int, rng: inout SeededGenerator
    ) {
        let kv = SIMD16<Int16>(repeating: k)
        let lo = SIMD16<Int16>(repeating: 1), hi = SIMD16<Int16>(repeating: 254)
        for row in y..<(y + height) {
            let p = plane.row(row) + x
            var col = 0
            while col + 16 <= width {
                let offset = ((bytes16(&rng) &+ bytes16(&rng) &- 255) &* kv &+ 128) &>> 8
                let raw = UnsafeMutableRawPointer(p + col)
                let v = SIMD16<Int16>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD16<UInt8>.self))
                var out = v &+ offset
                out.replace(with: lo, where: out .< lo)
                out.replace(with: hi, where: out .> hi)
                raw.storeBytes(of: SIMD16<UInt8>(truncatingIfNeeded: out), as: SIMD16<UInt8>.self)
                col += 16
            }
            if col < width {
                let offset = ((bytes16(&rng) &+ bytes16(&rng) &- 255) &* kv &+ 128) &>> 8
                for i in 0..<(width - col) {
                    let v = Int16(p[col + i]) &+ offset[i]
                    p[col + i] = UInt8(truncatingIfNeeded: min(254, max(1, v)))
                }
            }
        }
    }
}
