import Randomness
import RTSP

/// The multicast group and port of every stream: its own `multicast:` or one allocated
/// from `server.multicast`, with no two streams sharing a group and port.
///
/// Allocation is deterministic and stable: a stream's slot is an FNV-1a hash of
/// `camera-path/stream-name`, so it keeps its group across restarts, reloads and
/// changes to other cameras. Slot k is group k of the range with port pair k of the
/// ports, so allocated streams never share a group or a port. A slot that is taken
/// (by a stream that hashed there first, in path order, or by a stream's own group)
/// passes to the next free one.
public struct MulticastAllocation: Sendable, Equatable {
    /// Stream endpoints by camera path, then stream name.
    public private(set) var endpoints: [String: [String: MulticastEndpoint]] = [:]

    /// The endpoint of `stream` of the camera at `path`, nil when multicast is off.
    public func endpoint(path: String, stream: String) -> MulticastEndpoint? {
        endpoints[path]?[stream]
    }

    /// Allocates for `config`'s cameras as they are now (after command-line overrides).
    /// Throws every problem, each naming its field: a stream's own `multicast:` without
    /// `server.multicast`, two streams' own groups and ports overlapping, or more streams
    /// than the range and ports have slots for.
    public init(_ config: CamsimConfig, file: String = "<configuration>") throws(ConfigErrors) {
        var problems: [ConfigProblem] = []
        func fail(_ keyPath: String, _ message: String, suggestion: String? = nil) {
            problems.append(ConfigProblem(
                file: file, line: 0, column: 0, keyPath: keyPath, message: message, suggestion: suggestion))
        }
        guard let settings = config.server.multicast else {
            for (c, camera) in config.cameras.enumerated() {
                for (s, stream) in camera.streams.enumerated() where stream.multicast != nil {
                    fail("cameras[\(c)].streams[\(s)].multicast", "a stream's multicast group needs server.multicast",
                         suggestion: "add 'server: {multicast: {ttl: 1}}'")
                }
            }
            if !problems.isEmpty { throw ConfigErrors(problems: problems) }
            return
        }
        // Streams' own endpoints first, each checked against those before it.
        var own: [(endpoint: MulticastEndpoint, owner: String)] = []
        var unallocated: [(key: String, path: String, stream: String)] = []
        for (c, camera) in config.cameras.enumerated() {
            for (s, stream) in camera.streams.enumerated() {
                let owner = "\(camera.path)/\(stream.name)"
                guard let endpoint = stream.multicast else {
                    unallocated.append((owner, camera.path, stream.name))
                    continue
                }
                if let clash = own.first(where: { $0.endpoint.collides(with: endpoint) }) {
                    fail("cameras[\(c)].streams[\(s)].multicast",
                         "\(endpoint) overlaps \(clash.endpoint) of \(clash.owner)")
                    continue
                }
                own.append((endpoint, owner))
                endpoints[camera.path, default: [:]][stream.name] = endpoint
            }
        }
        let slots = min(settings.range.count, settings.portPairCount)
        func endpoint(slot: Int) -> MulticastEndpoint {
            MulticastEndpoint(group: settings.range.group(at: slot), port: settings.ports.lowerBound + 2 * slot)
        }
        var taken = Array(repeating: false, count: slots)
        for slot in 0..<slots where own.contains(where: { $0.endpoint.collides(with: endpoint(slot: slot)) }) {
            taken[slot] = true
        }
        let free = taken.count(where: { !$0 })
        guard unallocated.count <= free else {
            fail("server.multicast.range",
                 "\(unallocated.count) streams need a multicast group, but \(settings.range) with ports "
                     + "\(settings.ports.lowerBound)-\(settings.ports.upperBound) has \(free) free")
            throw ConfigErrors(problems: problems)
        }
        for entry in unallocated.sorted(by: { $0.key < $1.key }) {
            var slot = Int(Self.hash(entry.key) % UInt64(slots))
            while taken[slot] { slot = (slot + 1) % slots }
            taken[slot] = true
            endpoints[entry.path, default: [:]][entry.stream] = endpoint(slot: slot)
        }
        if !problems.isEmpty { throw ConfigErrors(problems: problems) }
    }

    /// FNV-1a (64 bits): the same on every platform and run, unlike `Hasher`.
    static func hash(_ key: String) -> UInt64 { StableHash.fnv1a64(key) }
}
