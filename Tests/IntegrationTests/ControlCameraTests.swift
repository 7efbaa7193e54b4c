import Foundation
import Testing

extension Integration {
    /// Cameras through the control API with a real HTTP client: the whole lifecycle, the
    /// validation answers, faults and actions.
    @Suite
    struct ControlCameraTests {
        static let door = #"{"path": "site/door", "scene": "smpte-clock", "idle_stop": 0, "streams": [{"size": "320x240", "fps": 10}, {"name": "sub", "size": "160x120", "fps": 5, "bitrate": "150k"}]}"#

        @Test func aCameraIsAddedListedReadReplacedAndRemoved() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                let created = try await client.post("/api/v1/cameras", json: Self.door)
                #expect(created.status == 201, "\(created)")
                #expect(created.headers["location"] == "/api/v1/cameras/site%2Fdoor", "\(created)")
                let camera = created.json
                #expect(camera["path"] as? String == "site/door")
                #expect(camera["state"] as? String == "idle")
                #expect(camera["fault_profile"] is NSNull && camera["faults"] is NSNull, "\(created)")
                let urls = camera["urls"] as? [String] ?? []
                #expect(urls == [api.server.url(forPath: "site/door"), api.server.url(forPath: "site/door/sub")], "\(urls)")
                let streams = camera["streams"] as? [[String: Any]] ?? []
                #expect(streams.map { $0["name"] as? String } == ["main", "sub"])
                #expect(streams.first?["width"] as? Int == 320 && streams.first?["height"] as? Int == 240)
                #expect(streams.last?["bitrate_kbps"] as? Int == 150 && streams.last?["codec"] as? String == "h264")

                let list = try await client.get("/api/v1/cameras")
                let paths = (list.json["cameras"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
                #expect(paths == ["cam", "site/door"], "\(list)")

                let read = try await client.get("/api/v1/cameras/site%2Fdoor")
                #expect(read.status == 200 && read.json["path"] as? String == "site/door", "\(read)")

                let replaced = try await client.put("/api/v1/cameras/site%2Fdoor", json: #"{"streams": [{"size": "640x360", "fps": 15}]}"#)
                #expect(replaced.status == 200, "\(replaced)")
                let replacedStreams = replaced.json["streams"] as? [[String: Any]] ?? []
                #expect(replacedStreams.count == 1 && replacedStreams.first?["width"] as? Int == 640, "\(replaced)")

                let removed = try await client.delete("/api/v1/cameras/site%2Fdoor")
                #expect(removed.status == 204, "\(removed)")
                #expect(try await client.get("/api/v1/cameras/site%2Fdoor").status == 404)
                #expect(api.server.cameraURLs == [api.server.url(forPath: "cam")])
            }
        }

        @Test func aBadCameraGets422NamingTheFieldAndADuplicate409() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                let bad = try await client.post("/api/v1/cameras", json: #"{"path": "x", "streams": [{"fps": 0}]}"#)
                #expect(bad.status == 422, "\(bad)")
                let problems = bad.json["problems"] as? [[String: String]] ?? []
                #expect(problems.contains { $0["field"] == "streams[0].fps" && $0["message"]?.contains("fps") == true }, "\(bad)")
                #expect(bad.json["error"] is String)

                let scene = try await client.post("/api/v1/cameras", json: #"{"path": "x", "scene": "no-such-scene"}"#)
                #expect(scene.status == 422, "\(scene)")
                #expect((scene.json["problems"] as? [[String: String]])?.first?["field"] == "scene", "\(scene)")

                let duplicate = try await client.post("/api/v1/cameras", json: #"{"path": "cam"}"#)
                #expect(duplicate.status == 409, "\(duplicate)")
                #expect((duplicate.json["error"] as? String)?.contains("cam") == true, "\(duplicate)")

                let notJSON = try await client.post("/api/v1/cameras", json: "path: [")
                #expect(notJSON.status == 400, "\(notJSON)")
                let wrongPath = try await client.put("/api/v1/cameras/cam", json: #"{"path": "other"}"#)
                #expect(wrongPath.status == 422, "\(wrongPath)")
                #expect(api.server.cameraURLs == [api.server.url(forPath: "cam")], "a refused camera was added")
            }
        }

        @Test func faultsAreSetReadAndClearedAndBadOnesNamed() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                #expect(try await client.get("/api/v1/cameras/cam/faults").json.isEmpty)

                let named = try await client.put("/api/v1/cameras/cam/faults", json: #"{"profile": "lte"}"#)
                #expect(named.status == 200 && named.json["profile"] as? String == "lte", "\(named)")
                #expect(try await client.get("/api/v1/cameras/cam").json["fault_profile"] as? String == "lte")

                let inline = try await client.put("/api/v1/cameras/cam/faults", json: #"{"loss": "5%", "reorder": "1%"}"#)
                #expect(inline.status == 200 && inline.json["loss"] as? String == "5%", "\(inline)")
                let camera = try await client.get("/api/v1/cameras/cam").json
                #expect((camera["faults"] as? [String: Any])?["reorder"] as? String == "1%", "\(camera)")

                let bad = try await client.put("/api/v1/cameras/cam/faults", json: #"{"loss": 20}"#)
                #expect(bad.status == 422, "\(bad)")
                #expect((bad.json["problems"] as? [[String: String]])?.first?["field"] == "loss", "\(bad)")
                let unknown = try await client.put("/api/v1/cameras/cam/faults", json: #"{"profile": "moon"}"#)
                #expect(unknown.status == 422, "\(unknown)")

                #expect(try await client.delete("/api/v1/cameras/cam/faults").status == 204)
                #expect(try await client.get("/api/v1/cameras/cam/faults").json.isEmpty)
                #expect(try await client.get("/api/v1/cameras/nope/faults").status == 404)
            }
        }

        @Test func actionsTakeTheCameraDownAndBackAndRefuseDescribeMeanwhile() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                let offline = try await client.post("/api/v1/cameras/cam/actions/offline")
                #expect(offline.status == 202 && offline.json["state"] as? String == "offline", "\(offline)")
                let rtsp = try RawRTSPClient(port: api.server.port)
                #expect(throws: (any Error).self, "DESCRIBE of an offline camera was answered") {
                    _ = try rtsp.request("DESCRIBE", api.server.url(forPath: "cam"), headers: [("Accept", "application/sdp")])
                }
                let online = try await client.post("/api/v1/cameras/cam/actions/online")
                #expect(online.status == 202 && online.json["state"] as? String == "idle", "\(online)")
                let describe = try RawRTSPClient(port: api.server.port)
                    .request("DESCRIBE", api.server.url(forPath: "cam"), headers: [("Accept", "application/sdp")])
                #expect(describe.status == 200, "\(describe)")

                let timed = try await client.post("/api/v1/cameras/cam/actions/reboot", json: #"{"seconds": 30}"#)
                #expect(timed.status == 202 && timed.json["state"] as? String == "rebooting", "\(timed)")
                #expect(try await client.post("/api/v1/cameras/cam/actions/online").json["state"] as? String == "idle")
                #expect(try await client.post("/api/v1/cameras/cam/actions/idr").status == 202)

                let brief = try await client.post("/api/v1/cameras/cam/actions/offline", json: #"{"seconds": 1}"#)
                #expect(brief.status == 202 && brief.json["state"] as? String == "offline", "\(brief)")
                let back = await Poll.until(timeoutSeconds: 10) {
                    (try? await client.get("/api/v1/cameras/cam").json["state"] as? String) == "idle"
                }
                #expect(back, "an outage of 1 s did not end")

                let badSeconds = try await client.post("/api/v1/cameras/cam/actions/offline", json: #"{"seconds": -1}"#)
                #expect(badSeconds.status == 422, "\(badSeconds)")
                #expect(try await client.post("/api/v1/cameras/cam/actions/explode").status == 404)
                #expect(try await client.post("/api/v1/cameras/nope/actions/reboot").status == 404)
            }
        }
    }
}
