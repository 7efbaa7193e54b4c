import Config
import Foundation
import Frames
import Server
import Testing

@testable import Composition

/// Reloads through `RunningConfiguration` are applied one after another, each against
/// the configuration the one before it left.
@Suite struct RunningConfigurationTests {
    static func config(_ paths: [String]) throws -> CamsimConfig {
        var yaml = "server: {bind: 127.0.0.1, port: 0}\ncameras:\n"
        for path in paths { yaml += "  - {path: \(path), scene: {background: {type: solid, colour: red}}}\n" }
        return try ConfigLoader().parse(yaml: yaml, file: "running.yaml")
    }

    /// The (old, new) camera paths of each reload started, in order.
    actor Calls {
        var started: [(old: [String], new: [String])] = []
        func record(_ old: CamsimConfig, _ new: CamsimConfig) {
            started.append((old.cameras.map(\.path), new.cameras.map(\.path)))
        }
        var count: Int { started.count }
    }

    @Test func aSecondReloadWaitsAndDiffsAgainstTheFirstsResult() async throws {
        let (first, second) = (try Self.config(["a", "b"]), try Self.config(["a", "c"]))
        let calls = Calls()
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let running = RunningConfiguration(config: try Self.config(["a"])) { old, new in
            await calls.record(old, new)
            // The first reload holds until the test lets it go.
            if new == first { for await _ in gate { break } }
            return CamsimServer.ReloadSummary()
        }
        let firstApply = Task { try await running.apply(first) }
        try #require(await Poll.until(timeoutSeconds: 5) { await calls.count == 1 })
        let secondApply = Task { try await running.apply(second) }
        // While the first is in progress the second must not start.
        let overlapped = await Poll.until(timeoutSeconds: 0.5) { await calls.count == 2 }
        #expect(!overlapped, "a second reload started while the first was in progress")
        open.yield()
        _ = try await firstApply.value
        _ = try await secondApply.value
        let started = await calls.started
        #expect(started.map(\.old) == [["a"], ["a", "b"]], "\(started)")
        #expect(await running.config == second)
    }

    @Test func aFailedReloadChangesNothing() async throws {
        let scenes = SceneLibrary(directory: URL(fileURLWithPath: "/nonexistent"))
        let start = try Self.config(["a"])
        let server = try CamsimServer(config: start, scenes: scenes)
        let running = RunningConfiguration(server: server, config: start, scenes: scenes)
        // A named scene the library does not have: the new camera cannot be built.
        let broken = try ConfigLoader().parse(
            yaml: "server: {bind: 127.0.0.1, port: 0}\ncameras:\n  - {path: b, scene: missing}\n", file: "broken.yaml")
        await #expect(throws: (any Error).self) { try await running.apply(broken) }
        #expect(await running.config == start)
        #expect(server.cameraURLs.map { String($0.split(separator: "/").last!) } == ["a"])
        // A good reload after it still diffs against the configuration in force.
        let summary = try await running.apply(try Self.config(["a", "c"]))
        #expect(summary.added == ["c"] && summary.removed.isEmpty, "\(summary)")
        await server.shutdown()
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "cams.yaml: cameras[0].fps: must be at least 1" }
    }

    @Test func aReloadThatCannotBeReadOrAppliedIsAnnounced() async throws {
        let events = EventBus()
        var received = events.subscribe().makeAsyncIterator()
        let start = try Self.config(["a"])
        let running = RunningConfiguration(config: start, events: events) { _, new in
            if new.cameras.count > 2 { throw Unreadable() }
            return CamsimServer.ReloadSummary()
        }
        await #expect(throws: Unreadable.self) { try await running.apply(reason: "SIGHUP") { throw Unreadable() } }
        let unread = try #require(await received.next())
        #expect(unread.kind == .configReloadFailed)
        #expect(unread.details["reason"] == .string("SIGHUP"))
        #expect(unread.details["error"] == .string("cams.yaml: cameras[0].fps: must be at least 1"))

        let tooMany = try Self.config(["a", "b", "c"])
        await #expect(throws: Unreadable.self) { try await running.apply(reason: "file changed") { tooMany } }
        let unapplied = try #require(await received.next())
        #expect(unapplied.kind == .configReloadFailed && unapplied.details["reason"] == .string("file changed"))
        #expect(await running.config == start)

        _ = try await running.apply(reason: "SIGHUP") { try Self.config(["a", "b"]) }
        #expect(try #require(await received.next()).kind == .configReloaded)
    }
}

/// Waits for a condition with a deadline instead of a fixed sleep.
enum Poll {
    static func until(timeoutSeconds: Double, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if await condition() { return true }
            if Date() >= deadline { return false }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }
}
