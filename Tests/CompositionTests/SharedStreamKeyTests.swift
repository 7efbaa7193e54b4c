import Cameras
import Config
import Foundation
import Frames
import Server
import Testing

@testable import Composition

/// Which configured `mode: shared` streams share an encoder: their keys, and the name and
/// seed their one picture is drawn with.
@Suite struct SharedStreamKeyTests {
    static let scenes = SceneLibrary(
        directory: URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Patterns"))

    /// The main stream of every camera of `yaml`, as the server gets them.
    static func streams(_ yaml: String) throws -> [StreamDefinition] {
        let config = try ConfigLoader().parse(yaml: yaml, file: "shared.yaml")
        let faults = try ConfiguredFaults(config)
        var resolver = SceneResolver(scenes)
        return try config.cameras.map { camera in
            try CameraDefinition(camera, scene: resolver.scene(of: camera), maxPacketSize: 1400, faults: faults).streams[0]
        }
    }

    static func key(_ stream: StreamDefinition) -> SharedEncodingKey? { stream.sharing?.key(of: stream) }

    @Test func aTemplatesCamerasShareOnePictureWithTheirOwnSeeds() throws {
        let streams = try Self.streams("""
            cameras:
              - {count: 3, path: "site/cam-{n:02}", seed: 7, streams: [{size: 640x360, mode: shared}]}
              - {count: 2, path: "other-{n}", seed: 7, streams: [{size: 640x360, mode: shared}]}
              - {path: live, seed: 7, streams: [{size: 640x360}]}
            """)
        let keys = streams.map(Self.key)
        #expect(keys[0] != nil && keys[0] == keys[1] && keys[1] == keys[2])
        #expect(keys[0]?.pictureName == "cam-{n:02}" && keys[0]?.pictureSeed == 7)
        // Each camera keeps its own seed, from which its RTP identity comes.
        #expect(streams.prefix(3).map(\.seed) == [7, 8, 9])
        // A snapshot draws what the stream shows.
        #expect(streams[1].drawnCameraName == "cam-{n:02}" && streams[1].drawnSeed(camera: 8) == 7)
        #expect(streams[5].drawnCameraName == "live" && streams[5].drawnSeed(camera: 7) == 7)
        // smpte-clock draws the name: another template shows another picture.
        #expect(keys[3] == keys[4] && keys[3] != keys[0] && keys[3]?.pictureName == "other-{n}")
        #expect(keys[5] == nil)
    }

    @Test func withoutTheNameDrawnAnyCamerasOfTheKeyShare() throws {
        let scene = "{background: {type: smpte-bars}, layers: [{type: digital-clock, x: 0, y: 0}]}"
        let streams = try Self.streams("""
            cameras:
              - {path: a, scene: \(scene), streams: [{size: 320x180, fps: 15, mode: shared}]}
              - {path: b, scene: \(scene), streams: [{size: 320x180, fps: 15, mode: shared}]}
              - {path: c, scene: \(scene), streams: [{size: 320x180, fps: 15, gop: 60, mode: shared}]}
              - {path: d, scene: \(scene), seed: 3, streams: [{size: 320x180, fps: 15, mode: shared}]}
              - {path: e, scene: \(scene), streams: [{size: 320x180, fps: 15, codec: h265, mode: shared}]}
            """)
        let keys = streams.map(Self.key)
        #expect(keys[0] != nil && keys[0] == keys[1] && keys[0]?.pictureName == nil)
        #expect(keys[2] != keys[0], "a GOP of its own")
        #expect(keys[3] != keys[0], "a seed of its own")
        #expect(keys[4] != keys[0], "a codec of its own")
    }
}
