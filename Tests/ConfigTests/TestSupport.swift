import Foundation
import Testing
@testable import Config

/// The repository's `Configs/` directory, found relative to this file.
let configsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()   // ConfigTests
    .deletingLastPathComponent()   // Tests
    .deletingLastPathComponent()   // package root
    .appendingPathComponent("Configs")

func exampleFile(_ name: String) -> URL {
    configsDirectory.appendingPathComponent(name)
}

/// Parses `yaml`, expecting success.
func parse(_ yaml: String, known: Set<String> = []) throws -> CamsimConfig {
    try ConfigLoader(knownFaultProfiles: known).parse(yaml: yaml, file: "test.yaml")
}

/// Parses `yaml`, expecting failure, and returns the problems.
func problems(_ yaml: String, known: Set<String> = []) -> [ConfigProblem] {
    do {
        _ = try ConfigLoader(knownFaultProfiles: known).parse(yaml: yaml, file: "test.yaml")
        Issue.record("expected configuration problems, but it loaded")
        return []
    } catch {
        return error.problems
    }
}
