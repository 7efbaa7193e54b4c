import Config
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension Integration {
    /// `camsim serve --shard I/3`, three processes of the built binary over one
    /// configuration: they serve disjoint sets of cameras whose union is the configuration,
    /// `camsim shards --json` names the same owner for each camera, and a reload adds each
    /// new camera to its own shard only.
    @Suite
    struct ShardingTests {
        /// Thirty cameras, some of them nested, all on demand (nothing encodes until DESCRIBE).
        static let paths = (1...18).map { "cam-\($0 < 10 ? "0" : "")\($0)" }
            + (1...6).map { "site-a/door-\($0)" } + (1...6).map { "lobby.\($0)" }

        static func yaml(_ paths: [String]) -> String {
            "cameras:\n" + paths.map { "  - path: \($0)\n    streams: [{size: 160x120, fps: 5}]\n" }.joined()
        }

        @Test
        func threeShardsServeDisjointSetsWhoseUnionIsTheConfiguration() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-shards-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("cameras.yaml")
            try Self.yaml(Self.paths).write(to: file, atomically: true, encoding: .utf8)

            // What `camsim shards` says: the owner of each camera.
            let listing = try await CamsimBinary.run(["shards", "--config", file.path, "--shards", "3", "--json"])
            #expect(listing.exitCode == 0, "\(listing)")
            let owners = try Self.owners(json: listing.stdout)
            #expect(Set(owners.keys) == Set(Self.paths))
            #expect(Set(owners.values) == [0, 1, 2], "every shard gets cameras: \(owners)")

            let binary = try CamsimBinary.path()
            let shards = try (0..<3).map { index in
                try ShardProcess(binary, [
                    "serve", "--config", file.path, "--bind", "127.0.0.1", "--port", "0", "--control", "off",
                    "--shard", "\(index)/3", "--patterns", TestServer.patternsDirectory.path,
                ])
            }
            defer { shards.forEach { $0.stop() } }

            // Each prints exactly its cameras' URLs, the ones `camsim shards` gave it.
            var ports: [Int] = []
            for (index, shard) in shards.enumerated() {
                let expected = owners.filter { $0.value == index }.count
                let printed = await shard.waitForLines(expected)
                let paths = printed.compactMap { URL(string: $0).map { String($0.path.dropFirst()) } }
                #expect(Set(paths) == Set(owners.filter { $0.value == index }.keys), "shard \(index) printed \(printed)")
                ports.append(try #require(printed.first.flatMap { URL(string: $0)?.port }, "shard \(index): \(printed)"))
            }

            // DESCRIBE every camera on every shard: 200 on its owner, 404 on the others.
            try Self.expectServedOnlyByOwners(Self.paths, owners: owners, ports: ports)

            // A reload (SIGHUP) with three more cameras: each appears on its own shard only.
            let added = ["added-1", "added-2", "site-b/added-3"]
            try Self.yaml(Self.paths + added).write(to: file, atomically: true, encoding: .utf8)
            let relisting = try await CamsimBinary.run(["shards", "--config", file.path, "--shards", "3", "--json"])
            let newOwners = try Self.owners(json: relisting.stdout)
            #expect(newOwners.filter { !added.contains($0.key) } == owners, "adding cameras moved others")
            for shard in shards { shard.hangUp() }
            for (index, shard) in shards.enumerated() {
                let reloaded = await Poll.until(timeoutSeconds: 20) { shard.errorOutput.contains("configuration reloaded") }
                #expect(reloaded, "shard \(index) did not reload: \(shard.errorOutput)")
            }
            try Self.expectServedOnlyByOwners(added, owners: newOwners, ports: ports)
        }

        /// The control API of shard 0 of 2 adds a camera whose path hashes to shard 0, and
        /// refuses one that hashes to shard 1 with a 409 naming it.
        @Test
        func theControlAPIAddsOnlyTheShardsCameras() async throws {
            // Of 2 shards, `bars` and `cam-02` hash to 0 and `cam-01` to 1 (ShardTests pins them).
            try await TestControlServer.with(config: TestControlServer.config(cameras: ["bars"]), shard: Shard(parsing: "0/2")) { api in
                let client = api.client()
                let refused = try await client.post("/api/v1/cameras", json: #"{"path": "cam-01"}"#)
                #expect(refused.status == 409, "\(refused)")
                #expect((refused.json["error"] as? String)?.contains("shard 1/2") == true, "\(refused)")
                let added = try await client.post("/api/v1/cameras", json: #"{"path": "cam-02"}"#)
                #expect(added.status == 201, "\(added)")
                #expect(api.server.cameraURLs == [api.server.url(forPath: "bars"), api.server.url(forPath: "cam-02")])
            }
        }

        /// `{"cameras": [{"path", "shard"}]}` as path → shard.
        static func owners(json: String) throws -> [String: Int] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(json)")
            let cameras = try #require(object["cameras"] as? [[String: Any]], "\(json)")
            var owners: [String: Int] = [:]
            for camera in cameras {
                owners[try #require(camera["path"] as? String)] = try #require(camera["shard"] as? Int)
            }
            return owners
        }

        static func expectServedOnlyByOwners(_ paths: [String], owners: [String: Int], ports: [Int]) throws {
            for (index, port) in ports.enumerated() {
                let client = try RawRTSPClient(port: port)
                for path in paths {
                    let reply = try client.request("DESCRIBE", "rtsp://127.0.0.1:\(port)/\(path)", headers: [("Accept", "application/sdp")])
                    let expected = owners[path] == index ? 200 : 404
                    #expect(reply.status == expected, "DESCRIBE \(path) on shard \(index) (owner \(owners[path] ?? -1)): \(reply.status)")
                }
            }
        }
    }
}

/// One `camsim` child process: its printed lines, its log, SIGHUP and SIGKILL.
final class ShardProcess: @unchecked Sendable {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var printed = ""
    private var logged = ""

    init(_ binary: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.logged += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Complete lines printed so far.
    var lines: [String] {
        lock.withLock {
            let complete = printed.lastIndex(of: "\n").map { printed[...$0] } ?? ""
            return complete.split(separator: "\n").map(String.init)
        }
    }

    var errorOutput: String { lock.withLock { logged } }

    func waitForLines(_ count: Int, timeoutSeconds: Double = 30) async -> [String] {
        _ = await Poll.until(timeoutSeconds: timeoutSeconds) { self.lines.count >= count }
        return lines
    }

    func hangUp() {
        if process.isRunning { kill(process.processIdentifier, SIGHUP) }
    }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
