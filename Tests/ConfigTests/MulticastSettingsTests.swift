import RTSP
import Testing
@testable import Config

/// `server.multicast` and a stream's `multicast:`, and the groups streams are given.
@Suite struct MulticastSettingsTests {
    static func group(_ text: String) -> IPv4Address { IPv4Address(parsing: text)! }

    @Test func offUnlessConfigured() throws {
        let config = try parse("cameras:\n  - path: bars\n")
        #expect(config.server.multicast == nil)
        #expect(try MulticastAllocation(config).endpoints.isEmpty)
    }

    @Test func defaultsAndKeys() throws {
        #expect(try parse("server:\n  multicast: {}\n").server.multicast == MulticastSettings())
        let settings = try parse("""
            server:
              multicast:
                range: 239.1.0.0/16
                ports: 50000-50099
                ttl: 4
                interface: veth0
            """).server.multicast
        #expect(settings == MulticastSettings(
            range: MulticastRange(first: Self.group("239.1.0.0"), prefixLength: 16), ports: 50000...50099,
            ttl: 4, interface: "veth0"))
        #expect(settings?.portPairCount == 50)
        #expect(settings?.range.count == 65536)
    }

    /// Each bad value, and the field its problem names.
    static let badSettings: [(String, String, String)] = [
        ("range: 10.0.0.0/24", "server.multicast.range", "not inside the multicast block"),
        ("range: 239.255.42.0/33", "server.multicast.range", "expected a multicast range"),
        ("range: 239.255.42.1/24", "server.multicast.range", "host bits set; the range starts at 239.255.42.0"),
        ("range: 224.0.0.0/3", "server.multicast.range", "not inside the multicast block"),
        ("range: lobby", "server.multicast.range", "expected a multicast range"),
        ("ports: 40001-40999", "server.multicast.ports", "even port"),
        ("ports: 40000", "server.multicast.ports", "expected a port range"),
        ("ttl: 0", "server.multicast.ttl", "ttl must be between 1 and 255"),
        ("ttl: 256", "server.multicast.ttl", "ttl must be between 1 and 255"),
        ("interface: ''", "server.multicast.interface", "must not be empty"),
        ("tll: 3", "server.multicast.tll", "unknown key"),
    ]

    @Test(arguments: badSettings)
    func badSettingsNameTheirField(line: String, keyPath: String, message: String) {
        let found = problems("server:\n  multicast:\n    \(line)\n")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == keyPath, "\(found)")
        #expect(found.first?.message.contains(message) == true, "\(found)")
    }

    static let badStreams: [(String, String, String)] = [
        ("{group: 10.1.2.3, port: 5000}", "cameras[0].streams[0].multicast.group", "not an IPv4 multicast group"),
        ("{group: 239.1.1.1, port: 5001}", "cameras[0].streams[0].multicast.port", "must be even"),
        ("{group: 239.1.1.1, port: 80}", "cameras[0].streams[0].multicast.port", "between 1024 and 65534"),
        ("{group: 239.1.1.1}", "cameras[0].streams[0].multicast", "needs 'port'"),
        ("{port: 5000}", "cameras[0].streams[0].multicast", "needs 'group'"),
        ("{group: 239.1.1.1, port: 5000, ttl: 2}", "cameras[0].streams[0].multicast.ttl", "unknown key"),
    ]

    @Test(arguments: badStreams)
    func badStreamGroupsNameTheirField(value: String, keyPath: String, message: String) {
        let found = problems("cameras:\n  - path: bars\n    streams:\n      - multicast: \(value)\n")
        #expect(found.count == 1)
        #expect(found.first?.keyPath == keyPath, "\(found)")
        #expect(found.first?.message.contains(message) == true, "\(found)")
    }

    static let fourCameras = """
        server:
          multicast: {}
        cameras:
          - path: bars
            streams: [{name: main}, {name: sub, size: 640x360}]
          - path: lobby/cam-{n}
            count: 3
        """

    @Test func allocationIsDistinctAndInRange() throws {
        let config = try parse(Self.fourCameras)
        let allocation = try MulticastAllocation(config)
        let endpoints = config.cameras.flatMap { camera in
            camera.streams.compactMap { allocation.endpoint(path: camera.path, stream: $0.name) }
        }
        #expect(endpoints.count == 5)
        #expect(Set(endpoints.map(\.group)).count == 5)
        #expect(Set(endpoints.map(\.port)).count == 5)
        for endpoint in endpoints {
            #expect(endpoint.group.value >> 8 == 0xEFFF2A, "\(endpoint)")
            #expect((40000...40998).contains(endpoint.port) && endpoint.port % 2 == 0, "\(endpoint)")
            // Slot k: group k of the range with port pair k.
            #expect(Int(endpoint.group.value & 0xFF) == (endpoint.port - 40000) / 2)
        }
    }

    /// A stream keeps its group when other cameras come and go, and across runs: the slot
    /// is a hash of its path and name.
    @Test func allocationIsStable() throws {
        let alone = try MulticastAllocation(parse("server:\n  multicast: {}\ncameras:\n  - path: bars\n"))
        let crowded = try MulticastAllocation(parse(Self.fourCameras))
        let again = try MulticastAllocation(parse(Self.fourCameras))
        #expect(crowded == again)
        #expect(alone.endpoint(path: "bars", stream: "main") == crowded.endpoint(path: "bars", stream: "main"))
        // FNV-1a of "bars/main" is fixed: so is its group.
        let slot = Int(MulticastAllocation.hash("bars/main") % 256)
        #expect(alone.endpoint(path: "bars", stream: "main")
            == MulticastEndpoint(group: IPv4Address(0xEFFF_2A00 + UInt32(slot)), port: 40000 + 2 * slot))
    }

    @Test func ownGroupsAreKeptAndAvoided() throws {
        let config = try parse("""
            server:
              multicast: {range: 239.9.9.0/30, ports: 40000-40007}
            cameras:
              - path: a
                streams: [{name: main, multicast: {group: 239.9.9.1, port: 40002}}]
              - path: b
              - path: c
            """)
        let allocation = try MulticastAllocation(config)
        #expect(allocation.endpoint(path: "a", stream: "main") == MulticastEndpoint(group: Self.group("239.9.9.1"), port: 40002))
        let others = [allocation.endpoint(path: "b", stream: "main"), allocation.endpoint(path: "c", stream: "main")]
        // Slot 1 (239.9.9.1, 40002) is a's own: b and c get two of slots 0, 2 and 3.
        #expect(Set(others.compactMap { $0?.group }).count == 2)
        #expect(!others.contains(MulticastEndpoint(group: Self.group("239.9.9.1"), port: 40002)))
    }

    @Test func overlappingOwnGroupsNameTheSecond() {
        let found = problems("""
            server:
              multicast: {}
            cameras:
              - path: a
                streams: [{name: main, multicast: {group: 239.1.1.1, port: 5000}}]
              - path: b
                streams: [{name: main, multicast: {group: 239.1.1.1, port: 5000}}]
            """)
        #expect(found.map(\.keyPath) == ["cameras[1].streams[0].multicast"])
        #expect(found.first?.file == "test.yaml")
        #expect(found.first?.message.contains("overlaps 239.1.1.1 port 5000-5001 of a/main") == true, "\(found)")
    }

    @Test func ownGroupNeedsServerMulticast() {
        let found = problems("cameras:\n  - path: a\n    streams: [{multicast: {group: 239.1.1.1, port: 5000}}]\n")
        #expect(found.map(\.keyPath) == ["cameras[0].streams[0].multicast"])
        #expect(found.first?.message.contains("needs server.multicast") == true, "\(found)")
    }

    @Test func tooManyStreamsNameTheRange() {
        let found = problems("""
            server:
              multicast: {range: 239.9.9.0/31}
            cameras:
              - path: cam-{n}
                count: 3
            """)
        #expect(found.map(\.keyPath) == ["server.multicast.range"])
        #expect(found.first?.message.contains("3 streams need a multicast group") == true, "\(found)")
    }

    /// Command-line overrides change the cameras after the file was read: the server
    /// allocates again, and a group copied to every camera is a problem then.
    @Test func overriddenCamerasAreCheckedAgain() throws {
        var config = try parse("""
            server:
              multicast: {}
            cameras:
              - path: a
                streams: [{name: main, multicast: {group: 239.1.1.1, port: 5000}}]
            """)
        config.cameras.append(CameraConfig(path: "b", streams: config.cameras[0].streams))
        do {
            _ = try MulticastAllocation(config)
            Issue.record("allocated one group to two streams")
        } catch {
            #expect(error.problems.map(\.keyPath) == ["cameras[1].streams[0].multicast"])
        }
    }

    @Test func exampleFileAllocatesEveryStream() throws {
        let config = try ConfigLoader().load(file: exampleFile("multicast.yaml"))
        let allocation = try MulticastAllocation(config)
        #expect(allocation.endpoint(path: "lobby", stream: "main") == MulticastEndpoint(group: Self.group("239.255.43.1"), port: 41000))
        let allocated = config.cameras.flatMap { camera in
            camera.streams.compactMap { allocation.endpoint(path: camera.path, stream: $0.name) }
        }.filter { $0.group != Self.group("239.255.43.1") }
        #expect(allocated.count == 5)
        #expect(Set(allocated.map(\.group)).count == 5)
        #expect(allocated.allSatisfy { $0.group.value >> 8 == 0xEFFF2A })
    }
}
