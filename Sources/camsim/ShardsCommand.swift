import ArgumentParser
import Config
import Foundation

/// `camsim shards`: which of N `camsim serve --shard I/N` processes serves each camera of
/// a configuration, and the URL each one is reached at.
struct ShardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shards",
        abstract: "Print which shard serves each camera, and its URL.",
        discussion: """
            Reads the configuration as `camsim serve` does (the same --config and overrides)
            and splits its cameras over --shards N as `camsim serve --shard I/N` does: by a
            stable hash of the camera's path, so adding or removing cameras moves no other.
            Each shard's host comes from --host, in which {shard} is the shard's index and
            {namespace} the --namespace: by default the pods of a StatefulSet `camsim` behind
            a headless Service `camsim`. --json prints only JSON, for importing into a recorder.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("How many shards (1-\(Shard.maximumCount)).", valueName: "N"))
    var shards: Int

    @Option(name: .long, help: "Host of each shard's process; {shard} is its index, {namespace} the namespace.")
    var host: String = ShardTable.defaultHostPattern

    @Option(name: .long, help: "Kubernetes namespace for the host's {namespace}.")
    var namespace: String = "default"

    @Flag(name: .long, help: "Print JSON only (schema in the README).")
    var json = false

    func validate() throws {
        guard (1...Shard.maximumCount).contains(shards) else {
            throw ValidationError("--shards: \(ShardError.countOutOfRange(shards))")
        }
    }

    func run() throws {
        let config: CamsimConfig
        do {
            config = try options.load()
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let table: ShardTable
        do {
            table = try ShardTable(config: config, count: shards, hostPattern: host, namespace: namespace)
        } catch {
            FileHandle.standardError.write(Data("camsim shards: --host: \(error)\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data((json ? table.json : table.text).utf8))
    }
}
