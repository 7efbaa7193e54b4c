import ArgumentParser
import Composition
import Config
import Faults
import Foundation
import Frames
import Server

/// `camsim validate FILE`: check a configuration and print every problem, not just the first.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a configuration file and print every problem."
    )

    @Argument(help: "The YAML configuration file.")
    var file: String

    @Option(name: .long, help: "Directory of scene files used to check scene names.")
    var patterns: String?

    func run() throws {
        let config: CamsimConfig
        do {
            config = try ConfigLoader(knownFaultProfiles: Set(FaultPresets.names)).load(file: URL(fileURLWithPath: file))
        } catch {
            for problem in error.problems { print(problem) }
            throw ExitCode(1)
        }
        let library = SceneLibrary(directory: patterns.map { URL(fileURLWithPath: $0) } ?? SceneLibrary.locateDefaultDirectory())
        let problems = CamsimServer.problems(in: config, scenes: library)
        guard problems.isEmpty else {
            for problem in problems { print(problem) }
            throw ExitCode(1)
        }
        let streams = config.cameras.reduce(0) { $0 + $1.streams.count }
        print("\(file): OK, \(config.cameras.count) cameras, \(streams) streams")
    }
}
