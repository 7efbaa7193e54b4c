import Foundation
import Testing

extension Integration {
    /// `/api/v1/events` read by curl: what a harness waits on instead of polling.
    @Suite
    struct ControlEventsTests {
        /// A timed `offline` ends by itself: `camera_online` says so, as `online` would.
        @Test func aTimedOfflineAnnouncesItsEnd() async throws {
            let curl = try #require(ClientProcess.resolve("curl"), "curl must be installed")
            try await TestControlServer.with { api in
                let stream = try EventStreamReader(curl: curl, url: api.baseURL + "/api/v1/events")
                defer { stream.stop() }
                // The stream's first comment follows the subscription (the server has subscribers of its own).
                let subscribed = await Poll.until(timeoutSeconds: 10) { stream.text.contains(": camsim events") }
                #expect(subscribed, "curl never subscribed")
                let offline = try await api.client().post("/api/v1/cameras/cam/actions/offline", json: #"{"seconds": 1}"#)
                let state = offline.json["state"] as? String
                #expect(offline.status == 202 && state == "offline", "\(offline)")
                let online = await Poll.until(timeoutSeconds: 10) { stream.text.contains("event: camera_online") }
                stream.stop()
                #expect(online, "no camera_online after a 1 s offline: \(stream.text)")
                let events = stream.events
                let kinds = events.map(\.kind)
                #expect(kinds == ["camera_offline", "camera_online"], "\(kinds)")
                let camera = events.last?.data["camera"] as? String
                #expect(camera == "cam")
                let after = try await api.client().get("/api/v1/cameras/cam").json["state"] as? String
                #expect(after != "offline", "state after the offline time: \(String(describing: after))")
            }
        }

        @Test func theStreamCarriesCamerasSessionsFaultsAndReboots() async throws {
            let curl = try #require(ClientProcess.resolve("curl"), "curl must be installed")
            try await TestControlServer.with { api in
                let client = api.client()
                let stream = try EventStreamReader(curl: curl, url: api.baseURL + "/api/v1/events")
                defer { stream.stop() }
                // The stream's first comment follows the subscription (the server has subscribers of its own).
                let subscribed = await Poll.until(timeoutSeconds: 10) { stream.text.contains(": camsim events") }
                #expect(subscribed, "curl never subscribed")

                #expect(try await client.post("/api/v1/cameras", json: #"{"path": "door", "idle_stop": 0, "streams": [{"size": "320x240", "fps": 10}]}"#).status == 201)
                #expect(try await client.put("/api/v1/cameras/door/faults", json: #"{"profile": "lte"}"#).status == 200)
                let pulled = try await Clients.ffmpegFrames(api.server.url(forPath: "door"), transport: "tcp", seconds: 1)
                #expect(pulled.result.succeeded, "\(pulled.result)")
                #expect(try await client.post("/api/v1/cameras/door/actions/reboot").status == 202)
                #expect(try await client.delete("/api/v1/cameras/door").status == 204)

                let finished = await Poll.until(timeoutSeconds: 20) {
                    stream.text.contains("event: camera_removed") && stream.text.contains("event: session_ended")
                }
                stream.stop()
                #expect(finished, "the stream did not show the camera removed: \(stream.text)")
                let events = stream.events
                let kinds = events.map(\.kind)
                print("events: \(kinds)")
                for kind in ["camera_added", "config_reloaded", "faults_changed", "session_started", "session_ended",
                             "camera_rebooted", "camera_removed"] {
                    #expect(kinds.contains(kind), "no \(kind) in \(stream.text)")
                }
                let ended = try #require(events.first { $0.kind == "session_ended" })
                #expect(ended.data["camera"] as? String == "door" && ended.data["session"] is String, "\(ended.data)")
                #expect((ended.data["packets_sent"] as? Int ?? 0) > 0, "\(ended.data)")
                let added = try #require(events.first { $0.kind == "camera_added" })
                #expect((added.data["time"] as? String)?.hasSuffix("Z") == true, "\(added.data)")
                #expect((added.data["time"] as? String)?.contains(".") == true, "no milliseconds: \(added.data)")
            }
        }
    }
}
