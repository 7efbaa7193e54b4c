@testable import Control
import Frames
import Testing

@Suite struct SceneMotionTests {
    static func scene(_ layers: String) throws -> Scene {
        try Scene.parse(yaml: "name: t\nbackground:\n  type: solid\n  colour: black\nlayers:\n\(layers)", file: "<test>")
    }

    @Test func aBouncingBoxIsMotionWhileItIsInThePicture() throws {
        let scene = try Self.scene("  - type: box\n    size: 0.2\n    speed_x: 8\n    speed_y: 6\n    colour: yellow\n")
        let motion = try #require(SceneMotion(scene: scene, width: 320, height: 180))
        #expect(motion.objects.count == 1)
        for frame in [0, 1, 100, 10_000] as [Int64] {
            let (x, y) = motion.objects[0].position(frameIndex: frame)
            let inside = x < 320 && y < 180 && x + motion.objects[0].size > 0 && y + motion.objects[0].size > 0
            #expect(motion.isMotion(frameIndex: frame) == inside)
            #expect(inside, "the box bounces inside its region")
        }
    }

    @Test func aSceneWithoutMovingObjectsHasNoMotionSource() throws {
        let scene = try Self.scene("  - type: text\n    template: hello\n    x: 0.1\n    y: 0.1\n    size: 0.1\n")
        #expect(SceneMotion(scene: scene, width: 320, height: 180) == nil)
    }
}
