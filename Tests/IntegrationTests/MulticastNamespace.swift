import Foundation
import Testing

/// A network namespace joined to the host by a veth pair, for multicast tests: the
/// server stays in the test's namespace and sends out of the host end of the pair;
/// clients run in the namespace (`ip netns exec`), where 224.0.0.0/4 is routed to
/// their end. Multicast thus leaves only by an interface the test made, never by the
/// host's own network. Setting up needs root (as CI has); a test that cannot set up
/// fails, it does not skip. `with` removes the namespace and the pair whatever happens.
struct MulticastNamespace {
    /// The namespace's name.
    let name: String
    /// The host end of the veth pair: the server's multicast interface.
    let hostInterface: String
    /// The host end's address: the server binds it, and clients reach it there.
    let hostAddress: String
    /// The namespace end's address.
    let peerAddress: String

    /// Runs `command` in the namespace.
    func exec(_ command: [String]) -> (executable: String, arguments: [String]) {
        (MulticastNamespace.ip, ["netns", "exec", name] + command)
    }

    static let ip = ClientProcess.resolve("ip") ?? "/usr/sbin/ip"

    struct SetupFailed: Error, CustomStringConvertible {
        let result: ProcessResult
        var description: String { "cannot set up the multicast namespace (root and iproute2 needed):\n\(result)" }
    }

    static func with<T>(_ body: (MulticastNamespace) async throws -> T) async throws -> T {
        // Names and a /30 of their own, so tests running at once do not meet.
        let tag = String(UInt32.random(in: 0..<0xFF_FFFF), radix: 16)
        let third = Int.random(in: 0...255), second = Int.random(in: 200...239)
        let namespace = MulticastNamespace(
            name: "camsim-mc-\(tag)", hostInterface: "cmc\(tag)h",
            hostAddress: "10.\(second).\(third).1", peerAddress: "10.\(second).\(third).2")
        defer {
            // Deleting the namespace deletes its end of the pair, and so the pair.
            _ = runBlocking(["netns", "del", namespace.name])
            _ = runBlocking(["link", "del", namespace.hostInterface])
        }
        let peer = "cmc\(tag)p"
        let steps: [[String]] = [
            ["netns", "add", namespace.name],
            ["link", "add", namespace.hostInterface, "type", "veth", "peer", "name", peer],
            ["link", "set", peer, "netns", namespace.name],
            ["addr", "add", "\(namespace.hostAddress)/30", "dev", namespace.hostInterface],
            ["link", "set", namespace.hostInterface, "up"],
            ["-n", namespace.name, "addr", "add", "\(namespace.peerAddress)/30", "dev", peer],
            ["-n", namespace.name, "link", "set", peer, "up"],
            ["-n", namespace.name, "link", "set", "lo", "up"],
            ["-n", namespace.name, "route", "add", "224.0.0.0/4", "dev", peer],
        ]
        for step in steps {
            let result = await ClientProcess.run(ip, step, timeoutSeconds: 10)
            guard result.succeeded else { throw SetupFailed(result: result) }
        }
        return try await body(namespace)
    }

    /// For the cleanup in `defer`, which cannot await.
    private static func runBlocking(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
