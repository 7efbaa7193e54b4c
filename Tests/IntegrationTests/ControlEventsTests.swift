import Foundation
import Testing

extension Integration {
    /// `/api/v1/events` read by curl: what a harness waits on instead of polling.
    @Suite
    struct ControlEventsTests {
        @Test func theStreamCarriesCamerasSessionsFaultsAndReboots() async throws {
            let curl = try #require(ClientProcess.resolve("curl"), "curl must be installed")
            try await TestControlServer.with { api in
                let client = api.client()
                let stream = try EventStreamReader(curl: curl, url: api.baseURL + "/api/v1/events")
                defer { stream.stop() }
                let subscribed = await Poll.until(timeoutSeconds: 10) { api.server.events.subscriberCount == 1 }
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
                let events = Self.events(in: stream.text)
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

        /// `event:` and `data:` pairs of a server-sent event stream.
        static func events(in text: String) -> [(kind: String, data: [String: Any])] {
            text.components(separatedBy: "\n\n").compactMap { block in
                let lines = block.split(separator: "\n")
                guard let kind = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                      let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6),
                      let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
                else { return nil }
                return (String(kind), object)
            }
        }
    }
}
