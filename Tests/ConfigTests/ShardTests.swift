import Randomness
import Testing
@testable import Config

/// `--shard I/N`: parsing, the fixed path → shard hash, and the share of a configuration.
@Suite struct ShardTests {
    /// The assignment is a fixed format: these values come from an independent
    /// implementation of the documented hash (FNV-1a 64, fmix64, jump consistent hash) and
    /// must never change, or a fleet's cameras would move between pods on an upgrade.
    static let fixedTable: [(path: String, fnv: UInt64, key: UInt64, shards: [Int])] = [
        // shards for N = 1, 2, 3, 5, 10, 100, 1000
        ("bars", 0x9A79_EF9B_AA52_A46B, 0x56C8_9DEC_572C_9FE2, [0, 0, 2, 3, 6, 26, 147]),
        ("cam-01", 0xFE0C_0391_0C08_FDF8, 0x3715_00BC_B62C_DF47, [0, 1, 1, 1, 1, 98, 983]),
        ("cam-02", 0xFE0C_0691_0C09_0311, 0x02E1_AA78_D98E_E1BB, [0, 0, 2, 2, 5, 19, 806]),
        ("cam-03", 0xFE0C_0591_0C09_015E, 0x36BD_80F4_AC12_BCA2, [0, 0, 2, 2, 6, 32, 206]),
        ("cam-10", 0xFE08_7E91_0C05_E622, 0x3CE2_FEC9_8C81_DAD6, [0, 1, 1, 4, 6, 74, 867]),
        ("cam-30", 0xFE01_F291_0C00_8C90, 0x1899_26EC_FCC2_B078, [0, 1, 1, 1, 1, 81, 366]),
        ("lobby/door", 0xCA50_D3A3_2B74_641C, 0xA123_0470_418D_DF10, [0, 0, 2, 2, 7, 74, 787]),
        ("site-a/cam-0001", 0xABB4_3B4F_49A3_CCF0, 0x7390_FCD0_E46D_9BC7, [0, 1, 1, 4, 6, 99, 523]),
        ("parking.north", 0x65B7_8AB5_EEBA_05FA, 0xE4E9_5B83_5508_9459, [0, 1, 2, 4, 9, 51, 592]),
        ("~x", 0x08EA_4407_B587_B9BB, 0x3064_945D_3F29_7A62, [0, 1, 1, 4, 9, 10, 769]),
    ]

    @Test(arguments: fixedTable.indices) func fixedAssignment(row: Int) {
        let entry = Self.fixedTable[row]
        #expect(StableHash.fnv1a64(entry.path) == entry.fnv)
        #expect(StableHash.mix64(entry.fnv) == entry.key)
        let counts = [1, 2, 3, 5, 10, 100, 1000]
        #expect(counts.map { Shard.index(ofPath: entry.path, count: $0) } == entry.shards)
    }

    @Test func parsesIndexAndCount() throws {
        let shard = try Shard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3)
        #expect(shard.description == "2/3")
        #expect(try Shard(parsing: "0/1") == Shard(index: 0, count: 1))
        #expect(try Shard(parsing: "999/1000").index == 999)
    }

    static let refused: [(String, ShardError)] = [
        ("3/3", .indexOutOfRange(index: 3, count: 3)),
        ("0/0", .countOutOfRange(0)),
        ("0/1001", .countOutOfRange(1001)),
        ("1", .malformed("1")),
        ("-1/3", .malformed("-1/3")),
        ("1/3/5", .malformed("1/3/5")),
        (" 1/3", .malformed(" 1/3")),
        ("1/", .malformed("1/")),
        ("a/b", .malformed("a/b")),
        ("1/99999999999999999999", .malformed("1/99999999999999999999")),
    ]

    @Test(arguments: refused.indices) func refusesBadShards(row: Int) {
        let (text, expected) = Self.refused[row]
        #expect(throws: expected) { try Shard(parsing: text) }
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(ShardError.indexOutOfRange(index: 3, count: 3).description.contains("from 0 to 2"))
        #expect(ShardError.countOutOfRange(0).description.contains("1 to 1000"))
        #expect(ShardError.malformed("x").description.contains("e.g. 0/3"))
    }

    /// Ten thousand cameras spread evenly; each camera's shard depends on its path alone.
    @Test func spreadsEvenly() {
        let paths = (1...10_000).map { "cam-" + String(repeating: "0", count: 5 - String($0).count) + String($0) }
        var perShard = Array(repeating: 0, count: 10)
        for path in paths { perShard[Shard.index(ofPath: path, count: 10)] += 1 }
        #expect(perShard.allSatisfy { (900...1100).contains($0) }, "\(perShard)")
    }

    /// Going from N to N + 1 shards moves cameras only to the new shard, about 1/(N + 1) of them.
    @Test func growingMovesOnlyToTheNewShard() {
        let paths = (0..<3000).map { "camera-\($0)" }
        for count in 1..<8 {
            var moved = 0
            for path in paths {
                let before = Shard.index(ofPath: path, count: count), after = Shard.index(ofPath: path, count: count + 1)
                if before != after {
                    #expect(after == count)
                    moved += 1
                }
            }
            let expected = paths.count / (count + 1)
            #expect(abs(moved - expected) < expected / 5, "\(count) → \(count + 1): \(moved) moved")
        }
    }

    static let thirtyCameras = "cameras:\n" + (1...30).map { "  - path: cam-\($0 < 10 ? "0" : "")\($0)\n" }.joined()

    /// N shards serve disjoint sets whose union is the configuration, each in file order.
    @Test func shardsPartitionTheCameras() throws {
        let config = try parse(Self.thirtyCameras)
        let shares = try (0..<3).map { try config.sharded(Shard(index: $0, count: 3)) }
        let paths = shares.flatMap { $0.cameras.map(\.path) }
        #expect(paths.count == 30)
        #expect(Set(paths) == Set(config.cameras.map(\.path)))
        for (index, share) in shares.enumerated() {
            #expect(!share.cameras.isEmpty)
            #expect(share.cameras.allSatisfy { Shard.index(ofPath: $0.path, count: 3) == index })
            #expect(share.cameras.map(\.path) == config.cameras.map(\.path).filter { share.cameras.map(\.path).contains($0) })
            #expect(share.server == config.server)
        }
        // Adding cameras moves none of the others.
        let more = try parse(Self.thirtyCameras + "  - path: extra-1\n  - path: extra-2\n")
        let before = try config.sharded(Shard(index: 1, count: 3)).cameras.map(\.path)
        let after = try more.sharded(Shard(index: 1, count: 3)).cameras.map(\.path).filter { !$0.hasPrefix("extra") }
        #expect(before == after)
    }

    /// With multicast, each shard's streams keep the group the whole configuration gives them.
    @Test func shardsKeepTheWholeConfigurationsGroups() throws {
        let cameras = (1...8).map { "  - path: cam-0\($0)\n" }.joined()
        // Eight groups and eight port pairs: every slot is used.
        let config = try parse("server:\n  multicast: {range: 239.9.9.0/29, ports: 40000-40015}\ncameras:\n" + cameras)
        #expect(config.cameras.count == 8)
        let whole = try MulticastAllocation(config)
        var seen: Set<MulticastEndpoint> = []
        for index in 0..<3 {
            let share = try config.sharded(Shard(index: index, count: 3))
            let allocation = try MulticastAllocation(share)
            for camera in share.cameras {
                let endpoint = allocation.endpoint(path: camera.path, stream: "main")
                #expect(endpoint != nil)
                #expect(endpoint == whole.endpoint(path: camera.path, stream: "main"))
                #expect(seen.insert(endpoint!).inserted)
            }
        }
        #expect(seen.count == 8)
    }
}
