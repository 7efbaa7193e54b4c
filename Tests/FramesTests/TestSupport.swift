import Foundation
@testable import Frames

/// The repository's Patterns/ directory, found from this source file's location.
let patternsDirectory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Patterns", isDirectory: true)

/// 2026-01-01T00:00:00Z in nanoseconds since the epoch.
let startNanos: Int64 = 1_767_225_600 * 1_000_000_000

/// The context of frame n at `fps`, starting at `startNanos`.
func context(frame n: Int64, fps: Double = 30, seed: UInt64 = 1, camera: String = "cam-1") -> FrameContext {
    FrameContext(
        frameIndex: n, mediaTime: Double(n) / fps,
        wallClockNanos: startNanos + Int64((Double(n) * 1e9 / fps).rounded()),
        cameraName: camera, seed: seed, frameRate: fps)
}

/// Draws a single layer over black into a new picture.
func render(_ layer: any SceneLayer, width: Int, height: Int, frame: Int64 = 0) -> PictureBuffer {
    let picture = PictureBuffer(width: width, height: height)
    SceneRenderer(width: width, height: height, layers: [layer]).render(into: picture.view, context: context(frame: frame))
    return picture
}

/// Renders frame n of a scene from scratch into a new picture.
func renderFresh(_ scene: Scene, width: Int, height: Int, frame: Int64, seed: UInt64 = 1) throws -> PictureBuffer {
    let picture = PictureBuffer(width: width, height: height)
    try scene.makeRenderer(width: width, height: height).render(into: picture.view, context: context(frame: frame, seed: seed))
    return picture
}

/// The Y'CbCr colour at a luma position (chroma from the enclosing 2×2 site).
func colour(_ p: PictureBuffer, x: Int, y: Int) -> YCbCr {
    let v = p.view
    return YCbCr(y: v.luma[x, y], cb: v.cb[x / 2, y / 2], cr: v.cr[x / 2, y / 2])
}

/// The luma samples of a rectangle, row by row.
func lumaBytes(_ p: PictureBuffer, _ r: PixelRect) -> [UInt8] {
    var out: [UInt8] = []
    for y in r.y..<r.maxY { for x in r.x..<r.maxX { out.append(p.view.luma[x, y]) } }
    return out
}

func loadShippedScene(_ name: String) throws -> Scene {
    try Scene.load(from: patternsDirectory.appendingPathComponent(name + ".yaml"))
}

extension PictureBuffer {
    /// A copy of the packed bytes (taken while the buffer is certainly alive).
    var array: [UInt8] { withExtendedLifetime(self) { Array(bytes) } }
}
