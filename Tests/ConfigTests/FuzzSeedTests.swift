import Foundation
import FuzzSeedSupport
import Testing

/// The seeds of the configuration fuzz target match the example files and the broken cases.
@Suite struct FuzzSeedTests {
    @Test func config() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: configsDirectory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let examples = try names.map { try [UInt8](Data(contentsOf: exampleFile($0))) }
        try FuzzSeeds.check("config", examples + (BrokenYAMLTests.cases.map(\.yaml) + [ConfigDiffTests.old]).map { Array($0.utf8) })
    }

    @Test func recording() throws {
        try FuzzSeeds.check("recording", texts: RecordingConfigTests.cases.map(\.yaml) + RecordingConfigTests.validExamples)
    }
}
