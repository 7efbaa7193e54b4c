import Frames

extension Bench {
    /// Scenes whose drawing has a budget, as a fraction of x264 encoding the same frames.
    static let sceneBudgets = ["timecode": 0.08]

    /// The scene table: each shipped scene's drawing cost at 1280x720 against x264
    /// encoding the same frames, measured in this run.
    static func printScenes(library: SceneLibrary, quick: Bool) throws {
        print("Scenes at 1280x720: render cost as a fraction of x264 ultrafast encoding the same frames")
        print("  scene          render ms   encode ms   render/encode")
        for row in try GeneratorBenchmark(library: library, frames: quick ? 20 : 90).run() {
            let budget = sceneBudgets[row.scene].map { "   (budget \(format($0 * 100, 0))%)" } ?? ""
            print("  \(row.scene.padding(toLength: 13, withPad: " ", startingAt: 0))  \(pad(format(row.renderMilliseconds), 9))   \(pad(format(row.encodeMilliseconds), 9))   \(pad(format(row.fraction * 100, 1) + "%", 13))\(budget)")
        }
        print("")
    }
}
