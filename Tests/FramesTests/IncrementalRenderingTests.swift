import Testing
@testable import Frames

@Suite("Incremental (dirty-rectangle) rendering")
struct IncrementalRenderingTests {
    @Test(arguments: SceneTests.shipped)
    func matchesAFullRedrawEveryFrame(name: String) throws {
        let scene = try loadShippedScene(name)
        let renderer = try scene.makeSceneRenderer(width: 640, height: 360)
        let picture = PictureBuffer(width: 640, height: 360)
        // Frames spanning second boundaries, including a skipped slot (frame 45 → 59).
        for n: Int64 in [0, 1, 2, 3, 29, 30, 31, 45, 59, 60, 61] {
            renderer.render(into: picture.view, context: context(frame: n))
            let full = try renderFresh(scene, width: 640, height: 360, frame: n)
            #expect(picture.array == full.array, "\(name) frame \(n)")
        }
    }

    @Test func newPictureMemoryTriggersAFullRedraw() throws {
        let scene = try loadShippedScene("motion")
        let renderer = try scene.makeSceneRenderer(width: 640, height: 360)
        let a = PictureBuffer(width: 640, height: 360), b = PictureBuffer(width: 640, height: 360)
        renderer.render(into: a.view, context: context(frame: 0))
        renderer.render(into: b.view, context: context(frame: 1))
        renderer.render(into: a.view, context: context(frame: 2))
        #expect(try b.array == renderFresh(scene, width: 640, height: 360, frame: 1).array)
        #expect(try a.array == renderFresh(scene, width: 640, height: 360, frame: 2).array)
    }

    @Test func changingCameraNameRedrawsStaticText() throws {
        let scene = try loadShippedScene("smpte-clock")
        let renderer = try scene.makeSceneRenderer(width: 640, height: 360)
        let p = PictureBuffer(width: 640, height: 360)
        renderer.render(into: p.view, context: context(frame: 0, camera: "one"))
        renderer.render(into: p.view, context: context(frame: 1, camera: "two"))
        let fresh = PictureBuffer(width: 640, height: 360)
        try scene.makeRenderer(width: 640, height: 360).render(into: fresh.view, context: context(frame: 1, camera: "two"))
        #expect(p.array == fresh.array)
    }

    @Test func staticPrefixIsCached() throws {
        let renderer = try loadShippedScene("smpte-clock").makeSceneRenderer(width: 1280, height: 720)
        // Bars and the camera name are static; the clock and counter are not.
        #expect(renderer.staticPrefix == 2)
        #expect(renderer.layers.count == 4)
    }

    /// Text that grows and shrinks, overlapping moving shapes under a translucent box and
    /// noise, with static layers above dynamic ones.
    @Test func overlappingDynamicLayersAndChangingTextWidth() throws {
        let yaml = """
            background:
              type: ramp
            layers:
              - type: box
                size: 0.3
                speed_x: 13
                speed_y: 9
              - type: text
                template: "{frame}"
                x: 0.5
                y: 0.3
                align: center
                size: 0.2
                box: blue
                box_opacity: 0.5
              - type: circle
                x: 0.25
                width: 0.5
                line_width: 6
              - type: noise
                x: 0.5
                y: 0.5
                width: 0.25
                height: 0.25
                luma: 20
                chroma: 5
              - type: flash
                width: 0.1
                height: 0.1
            """
        let scene = try Scene.parse(yaml: yaml, file: "overlap.yaml")
        let renderer = try scene.makeSceneRenderer(width: 320, height: 240)
        #expect(renderer.staticPrefix == 1)
        let picture = PictureBuffer(width: 320, height: 240)
        for n: Int64 in [8, 9, 10, 11, 99, 100, 101, 9, 1000, 30, 31, 7] {
            renderer.render(into: picture.view, context: context(frame: n))
            let full = try renderFresh(scene, width: 320, height: 240, frame: n)
            #expect(picture.array == full.array, "frame \(n)")
        }
    }

    /// Encoder pictures have padded rows; drawing must respect the strides and never touch
    /// the padding.
    @Test(arguments: SceneTests.shipped)
    func paddedStridesGiveTheSamePicture(name: String) throws {
        let w = 320, h = 180, lumaStride = 352, chromaStride = 192
        let lumaSize = lumaStride * h, chromaSize = chromaStride * h / 2
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: lumaSize + 2 * chromaSize)
        defer { storage.deallocate() }
        storage.initialize(repeating: 0xAA, count: lumaSize + 2 * chromaSize)
        let padded = PictureView(
            luma: PlaneView(base: storage, stride: lumaStride, width: w, height: h),
            cb: PlaneView(base: storage + lumaSize, stride: chromaStride, width: w / 2, height: h / 2),
            cr: PlaneView(base: storage + lumaSize + chromaSize, stride: chromaStride, width: w / 2, height: h / 2))
        let scene = try loadShippedScene(name)
        let renderer = try scene.makeRenderer(width: w, height: h)
        let tight = PictureBuffer(width: w, height: h)
        for n: Int64 in [0, 1, 30, 31] {
            renderer.render(into: padded, context: context(frame: n))
            tight.view.copy(from: padded)
            #expect(try tight.array == renderFresh(scene, width: w, height: h, frame: n).array, "\(name) frame \(n)")
        }
        var paddingIntact = true
        for row in 0..<h { for col in w..<lumaStride where padded.luma.row(row)[col] != 0xAA { paddingIntact = false } }
        for row in 0..<(h / 2) {
            for col in (w / 2)..<chromaStride where padded.cb.row(row)[col] != 0xAA || padded.cr.row(row)[col] != 0xAA {
                paddingIntact = false
            }
        }
        #expect(paddingIntact)
    }
}
