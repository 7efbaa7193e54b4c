import Composition
import Frames
import H264
import PTZ

/// The cost of a virtual PTZ camera's picture: each frame the scene drawn into the canvas,
/// the view stretched to the picture and the position drawn (its QR code encoded anew
/// every frame, as the head moves throughout), against the same scene drawn plainly and
/// x264 ultrafast encoding the frames, all measured here in thread CPU time.
struct PTZBenchmark {
    let scene: Scene
    let width: Int
    let height: Int
    let frames: Int

    struct Row {
        var plainMilliseconds: Double
        var ptzMilliseconds: Double
        var encodeMilliseconds: Double
    }

    func run() throws -> Row {
        let settings = EncoderSettings(width: width, height: height, frameRate: FrameRate(numerator: 30))
        let head = PTZHead(settings: PTZSettings())
        let start = PrerenderedFrames.context(0, frameRate: settings.frameRate).wallClockNanos
        // Zooming in while panning for the whole run, so every frame shows a new position.
        try head.withState { (state: inout PTZState) throws(PTZError) in
            try state.continuousMove(panTilt: (0.3, -0.2), zoom: 0.2, timeout: 3_600_000_000_000, now: start)
        }
        let ptz = try PTZFrameSource(scene: scene, head: head, width: width, height: height)
        let plain = try scene.makeRenderer(width: width, height: height)
        let picture = PictureBuffer(width: width, height: height)
        var pictures: [PictureBuffer] = []
        var plainNanoseconds: Int64 = 0, ptzNanoseconds: Int64 = 0
        for index in 0..<frames {
            let context = PrerenderedFrames.context(index, frameRate: settings.frameRate)
            var begin = threadCPUNanoseconds()
            plain.render(into: picture.view, context: context)
            plainNanoseconds += threadCPUNanoseconds() - begin
            begin = threadCPUNanoseconds()
            ptz.render(into: picture.view, context: context)
            ptzNanoseconds += threadCPUNanoseconds() - begin
            let copy = PictureBuffer(width: width, height: height)
            copy.view.copy(from: picture.view)
            pictures.append(copy)
        }
        return Row(
            plainMilliseconds: Double(plainNanoseconds) / 1e6 / Double(frames),
            ptzMilliseconds: Double(ptzNanoseconds) / 1e6 / Double(frames),
            encodeMilliseconds: try PrerenderedFrames.rawEncodeMilliseconds(pictures, settings: settings))
    }
}

extension Bench {
    /// `--only ptz`: a PTZ camera's picture cost per frame at 720p and 1080p, against the
    /// plain scene and x264 ultrafast in the same run.
    static func printPTZ(library: SceneLibrary, quick: Bool) throws {
        print("Virtual PTZ picture (smpte-clock, moving every frame): thread CPU ms per frame")
        print("  size         plain scene   PTZ view   x264 ultrafast   PTZ/encode")
        for (width, height) in [(1280, 720), (1920, 1080)] {
            let row = try PTZBenchmark(
                scene: library.scene(named: Scene.defaultSceneName), width: width, height: height, frames: quick ? 20 : 90
            ).run()
            let size = "\(width)x\(height)".padding(toLength: 11, withPad: " ", startingAt: 0)
            print("  \(size)  \(pad(format(row.plainMilliseconds), 11))   \(pad(format(row.ptzMilliseconds), 8))   \(pad(format(row.encodeMilliseconds), 14))   \(pad(format(row.ptzMilliseconds / row.encodeMilliseconds * 100, 1) + "%", 10))")
        }
        print("")
    }
}
