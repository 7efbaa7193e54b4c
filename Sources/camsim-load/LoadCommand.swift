import ArgumentParser

/// `camsim-load`: RTSP load from a process of its own, written against the wire and
/// not against the server's code, so a benchmark measures the server alone. One
/// thread and one epoll set hold thousands of connections to 127.0.0.1.
///
/// It prints `ready ...` once its connections are in place and `result ...` at the
/// end, each a line of `key=value` fields that a benchmark reads.
@main
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "camsim-load",
        abstract: "Loopback RTSP load for camsim's benchmarks.",
        subcommands: [PlayLoad.self, LingerLoad.self])
}

/// Where the load goes and how it spreads over source addresses.
struct TargetOptions: ParsableArguments {
    @Option(help: "The server's RTSP port on 127.0.0.1.")
    var port: Int

    @Option(help: "Loopback source addresses to spread connections over (127.0.1.1 onwards); 1 uses 127.0.0.1.")
    var sources: Int = 1

    @Option(help: "Connections being opened at once.")
    var inFlight: Int = 64

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1-65535") }
        guard (1...60_000).contains(sources) else { throw ValidationError("--sources must be 1-60000") }
        guard inFlight >= 1 else { throw ValidationError("--in-flight must be at least 1") }
    }

    /// The source address of connection `index`, or nil for the kernel's choice.
    func sourceAddress(_ index: Int) -> String? {
        guard sources > 1 else { return nil }
        let slot = index % sources
        return "127.0.\(1 + slot / 250).\(1 + slot % 250)"
    }
}
