import Foundation
import Testing
@testable import Config

/// What `camsim shards` prints: the table and the JSON.
@Suite struct ShardTableTests {
    static let threeCameras = "cameras:\n  - path: bars\n  - path: cam-01\n  - path: cam-02\n"

    @Test func textListsPodsThenCameras() throws {
        let table = try ShardTable(config: parse(Self.threeCameras), count: 2)
        #expect(table.text == """
            3 cameras on 2 shards: rtsp://camsim-{shard}.camsim.default.svc:8554/{path}

            shard  cameras  host
            0      2        camsim-0.camsim.default.svc
            1      1        camsim-1.camsim.default.svc

            shard  path    url
            0      bars    rtsp://camsim-0.camsim.default.svc:8554/bars
            1      cam-01  rtsp://camsim-1.camsim.default.svc:8554/cam-01
            0      cam-02  rtsp://camsim-0.camsim.default.svc:8554/cam-02

            """)
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let config = try parse("server:\n  port: 554\n  tls: {port: 322}\n" + Self.threeCameras)
        let table = try ShardTable(config: config, count: 3, hostPattern: "cam{shard}.{namespace}.example", namespace: "lab")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(table.json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["shards", "url_pattern", "pods", "cameras"])
        #expect(object["shards"] as? Int == 3)
        #expect(object["url_pattern"] as? String == "rtsp://cam{shard}.lab.example:554/{path}")
        let pods = try #require(object["pods"] as? [[String: Any]])
        #expect(pods.map { $0["shard"] as? Int } == [0, 1, 2])
        #expect(pods.map { $0["host"] as? String } == ["cam0.lab.example", "cam1.lab.example", "cam2.lab.example"])
        #expect(pods.map { $0["cameras"] as? Int } == [0, 1, 2])
        let cameras = try #require(object["cameras"] as? [[String: Any]])
        #expect(cameras.map { $0["path"] as? String } == ["bars", "cam-01", "cam-02"])
        #expect(cameras.map { $0["shard"] as? Int } == [2, 1, 2])
        #expect(cameras[1]["url"] as? String == "rtsp://cam1.lab.example:554/cam-01")
        #expect(cameras[1]["rtsps_url"] as? String == "rtsps://cam1.lab.example:322/cam-01")
        #expect(!table.json.contains("\\/"))
    }

    @Test func noRTSPSURLWithoutTLS() throws {
        let table = try ShardTable(config: parse(Self.threeCameras), count: 1)
        #expect(!table.json.contains("rtsps_url"))
        #expect(table.pods == [ShardTable.Pod(shard: 0, host: "camsim-0.camsim.default.svc", cameras: 3)])
    }

    @Test func refusesBadHostPatterns() throws {
        let config = try parse(Self.threeCameras)
        #expect(throws: ShardTableError.unknownPlaceholder("{pod}")) {
            try ShardTable(config: config, count: 2, hostPattern: "{pod}.camsim")
        }
        #expect(throws: ShardTableError.unknownPlaceholder("{shard")) {
            try ShardTable(config: config, count: 2, hostPattern: "camsim-{shard")
        }
        #expect(throws: ShardTableError.noShardPlaceholder("camsim")) {
            try ShardTable(config: config, count: 2, hostPattern: "camsim")
        }
        #expect(throws: ShardTableError.invalidHost("a b{shard}")) {
            try ShardTable(config: config, count: 2, hostPattern: "a b{shard}")
        }
        #expect(throws: ShardTableError.shard(.countOutOfRange(0))) { try ShardTable(config: config, count: 0) }
        // One shard needs no {shard}.
        #expect(try ShardTable(config: config, count: 1, hostPattern: "camsim").pods[0].host == "camsim")
    }
}
