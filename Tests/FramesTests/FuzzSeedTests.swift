import Foundation
import FuzzSeedSupport
import Testing

/// The seeds of the scene fuzz target match the shipped scenes and the broken cases.
@Suite struct FuzzSeedTests {
    @Test func scene() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: patternsDirectory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let scenes = try names.map { try [UInt8](Data(contentsOf: patternsDirectory.appendingPathComponent($0))) }
        let qrCases = QRSceneErrorTests.cases.map { Array(QRSceneErrorTests.yaml(layer: $0.layer).utf8) }
        try FuzzSeeds.check("scene", scenes + SceneErrorTests.cases.map { Array($0.yaml.utf8) } + qrCases)
    }
}
