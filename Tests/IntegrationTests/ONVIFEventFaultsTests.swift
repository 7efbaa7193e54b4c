import Config
import Foundation
import Testing

extension Integration {
    /// The event faults of a camera's profile, set through the control API, over raw SOAP:
    /// a subscription that ends long before the termination time it was told, and events
    /// held back; and the digital input route's refusals.
    @Suite(.serialized)
    struct ONVIFEventFaultsTests {
        static let events = "http://www.onvif.org/ver10/events/wsdl"

        static func createPullPoint(_ client: ControlClient, filter: String? = nil) async throws -> (address: String, reply: ControlClient.Reply) {
            let expression = filter.map {
                #"<Filter><wsnt:TopicExpression xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">\#($0)</wsnt:TopicExpression></Filter>"#
            } ?? ""
            let reply = try await ONVIFHTTPTests.post(client, "/onvif/cam/events_service", ONVIFHTTPTests.envelope(
                #"<CreatePullPointSubscription xmlns="\#(events)">\#(expression)<InitialTerminationTime>PT60S</InitialTerminationTime></CreatePullPointSubscription>"#))
            let text = reply.text
            guard let start = text.range(of: "<wsa:Address>"), let end = text.range(of: "</wsa:Address>") else { return ("", reply) }
            return (String(text[start.upperBound..<end.lowerBound]), reply)
        }

        static func pull(_ client: ControlClient, _ address: String, timeout: String) async throws -> ControlClient.Reply {
            let range = try #require(address.range(of: "/onvif/"))
            let path = String(address[range.lowerBound...])
            return try await ONVIFHTTPTests.post(client, path, ONVIFHTTPTests.envelope(
                #"<PullMessages xmlns="\#(events)"><Timeout>\#(timeout)</Timeout><MessageLimit>10</MessageLimit></PullMessages>"#))
        }

        @Test func subscriptionExpiresAfterEndsThePullPointEarly() async throws {
            try await TestControlServer.with { running in
                let client = running.client()
                let set = try await client.put("/api/v1/cameras/cam/faults", json: #"{"subscription_expires_after": "1s"}"#)
                try #require(set.status == 200 || set.status == 204, "\(set)")
                let started = Date()
                let (address, created) = try await Self.createPullPoint(client)
                try #require(created.status == 200 && !address.isEmpty, "\(created)")
                #expect(try await Self.pull(client, address, timeout: "PT0S").status == 200)
                var refused: ControlClient.Reply?
                let ended = try await Poll.until(timeoutSeconds: 5) {
                    let reply = try await Self.pull(client, address, timeout: "PT0S")
                    if reply.status != 200 { refused = reply }
                    return reply.status != 200
                }
                #expect(ended, "the pull point still answers after 5 s")
                #expect(Date().timeIntervalSince(started) < 10, "it ended at its told termination time, not early")
                #expect(refused?.status == 400)
                #expect(refused?.text.contains("ter:ResourceUnknownFault") == true, "\(String(describing: refused))")
            }
        }

        @Test func eventsLateHoldsEachMessageBack() async throws {
            try await TestControlServer.with { running in
                let client = running.client()
                let set = try await client.put("/api/v1/cameras/cam/faults", json: #"{"events_late": "1s"}"#)
                try #require(set.status == 200 || set.status == 204, "\(set)")
                let (address, created) = try await Self.createPullPoint(client, filter: "tns1:VideoSource/MotionAlarm")
                try #require(created.status == 200 && !address.isEmpty, "\(created)")
                let started = Date()
                let early = try await Self.pull(client, address, timeout: "PT0S")
                #expect(early.status == 200)
                #expect(!early.text.contains("NotificationMessage"), "a message came before its time\n\(early.text)")
                let held = try await Self.pull(client, address, timeout: "PT5S")
                let waited = Date().timeIntervalSince(started)
                #expect(held.text.contains(#"PropertyOperation="Initialized""#), "\(held.text)")
                #expect(waited >= 0.9 && waited < 4, "waited \(waited) s")
            }
        }

        @Test func digitalInputRouteRefusesWhatItCannotSet() async throws {
            try await TestControlServer.with { running in
                let client = running.client()
                #expect(try await client.post("/api/v1/cameras/cam/inputs/3", json: #"{"state": true}"#).status == 404)
                #expect(try await client.post("/api/v1/cameras/nowhere/inputs/1", json: #"{"state": true}"#).status == 404)
                #expect(try await client.post("/api/v1/cameras/cam/inputs/1", json: #"{"state": 1}"#).status == 422)
                #expect(try await client.post("/api/v1/cameras/cam/inputs/1", json: #"{"state": true, "x": 1}"#).status == 422)
                let set = try await client.post("/api/v1/cameras/cam/inputs/2", json: #"{"state": true}"#)
                #expect(set.status == 200)
                #expect(set.json["state"] as? Bool == true)
                #expect(set.json["input"] as? Int == 2)
            }
        }
    }
}
