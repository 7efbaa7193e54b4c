import Foundation
import Frames

/// Each `--only loop` step runs in a process of its own (this executable with
/// `--loop-step N`), so what earlier steps left in the allocator does not count toward a
/// later step's memory per camera.
extension LoopBenchmark {
    /// The line a step process prints its result on, as JSON.
    static let stepLinePrefix = "loop-step "

    /// Runs `count` cameras in a fresh `camsim-bench --loop-step` process and reads its result.
    static func freshStep(_ count: Int, quick: Bool) async throws -> Step {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        process.arguments = ["--loop-step", "\(count)"] + (quick ? ["--quick"] : [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix(stepLinePrefix) }) else {
            throw BenchError.protocolError("the loop step process for \(count) cameras printed no result:\n\(text.suffix(2_000))")
        }
        return try JSONDecoder.allowingNaN.decode(Step.self, from: Data(line.dropFirst(stepLinePrefix.count).utf8))
    }

    /// The machine's 1-minute load average (/proc/loadavg).
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? .nan
    }
}

extension Bench {
    /// `--loop-step N`: one step of `--only loop` in this process, printed as one JSON line.
    static func printLoopStep(_ count: Int, library: SceneLibrary, quick: Bool) async throws {
        ProcessResources.raiseFileLimit()
        let step = try await LoopBenchmark.standard(library: library, quick: quick).step(count)
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        print(LoopBenchmark.stepLinePrefix + String(decoding: try encoder.encode(step), as: UTF8.self))
    }
}

extension JSONDecoder {
    /// Reads the non-finite numbers `printLoopStep` writes as strings.
    static var allowingNaN: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
