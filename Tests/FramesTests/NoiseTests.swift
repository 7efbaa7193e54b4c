import Testing
@testable import Frames

@Suite("Seeded noise")
struct NoiseTests {
    func frame(_ n: Int64, seed: UInt64, scene: Scene) throws -> [UInt8] {
        try renderFresh(scene, width: 640, height: 360, frame: n, seed: seed).array
    }

    @Test(arguments: ["noise", "low-light"])
    func reproducible(sceneName: String) throws {
        let scene = try loadShippedScene(sceneName)
        let a = try frame(5, seed: 42, scene: scene)
        #expect(a == (try frame(5, seed: 42, scene: scene)), "same seed and frame → identical bytes")
        #expect(a != (try frame(6, seed: 42, scene: scene)), "the next frame differs")
        #expect(a != (try frame(5, seed: 43, scene: scene)), "another seed differs")
    }

    @Test func strengthIsAdjustable() {
        let region = PixelRect(x: 0, y: 0, width: 256, height: 256)
        func spread(_ sigma: Double) -> Double {
            let grey = SolidColour(region: region, colour: YCbCr(y: 128, cb: 128, cr: 128))
            let noise = NoiseLayer(region: region, lumaStrength: sigma, chromaStrength: 0, label: "t")
            let p = PictureBuffer(width: 256, height: 256)
            SceneRenderer(width: 256, height: 256, layers: [grey, noise]).render(into: p.view, context: context(frame: 3))
            let values = (0..<(256 * 256)).map { Double(p.array[$0]) - 128 }
            let variance = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
            #expect(p.view.cb[10, 10] == 128, "no chroma noise at strength 0")
            return variance.squareRoot()
        }
        let low = spread(2), high = spread(12)
        #expect(abs(low - 2) < 0.5)
        #expect(abs(high - 12) < 1.5)
    }

    @Test func lowLightIsDark() throws {
        let dark = try renderFresh(try loadShippedScene("low-light"), width: 640, height: 360, frame: 0)
        let bars = try renderFresh(try loadShippedScene("smpte-clock"), width: 640, height: 360, frame: 0)
        func meanLuma(_ p: PictureBuffer) -> Double {
            (0..<(640 * 360)).reduce(0.0) { $0 + Double(p.array[$1]) } / Double(640 * 360)
        }
        #expect(meanLuma(dark) < meanLuma(bars) * 0.5)
    }
}
