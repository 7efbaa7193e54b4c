import ArgumentParser

/// The camsim command line: virtual RTSP cameras and test signals.
@main
struct Camsim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "camsim",
        abstract: "RTSP camera simulator and test-signal generator.",
        subcommands: [ServeCommand.self, ValidateCommand.self, RenderCommand.self, ProbeCommand.self, ShardsCommand.self]
    )
}
