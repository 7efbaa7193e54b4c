import Config
import Faults
import Foundation
import Testing

extension Integration {
    /// onvif-zeep, a client we did not write, subscribes to a camera's events the way an NVR
    /// does: a pull point with a topic filter, long-polled PullMessages, Renew, a
    /// synchronization point and Unsubscribe; motion follows the camera's `events.motion`
    /// schedule, a digital input set through the control API and a frozen picture arrive.
    @Suite(.serialized)
    struct ONVIFEventsTests {
        static let every = 4.0

        static func config() -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["yard"])
            config.cameras[0].events = CameraEventsConfig(motion: .init(every: 4_000_000_000, duration: 2_000_000_000))
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            return config
        }

        struct Report: Decodable {
            struct Message: Decodable {
                var topic, operation: String
                var source, data: [String: String]
            }
            struct Change: Decodable {
                var state: String
                var after: Double
                var topic: String
                var source: [String: String]
            }
            struct Motion: Decodable {
                var address: String
                var termination_seconds, renewed_seconds: Double
                var initialized: Message?
                var changes: [Change]
                var synchronized: [Message]
                var pull_after_unsubscribe: String
            }
            struct Toggle: Decodable {
                var initial, seen: [Message]
                var status: Int
            }
            var dialects: [String]
            var motion: Motion
            var input, tamper: Toggle
        }

        @Test func onvifZeepPullsMotionInputAndTampering() async throws {
            try await TestControlServer.with(config: Self.config()) { running in
                let url = try #require(URL(string: running.baseURL))
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_events.py",
                    [url.host!, "\(url.port!)", "admin", "s3cret", "yard"], timeoutSeconds: 90)
                try #require(result.succeeded, "onvif_events.py failed\n\(result)")
                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                #expect(report.dialects.contains("http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"))

                let motion = report.motion
                #expect(motion.address.hasPrefix("\(running.baseURL)/onvif/yard/events_service/subscription/"), "\(motion.address)")
                #expect(motion.termination_seconds == 60)
                #expect(motion.initialized?.operation == "Initialized")
                #expect(motion.initialized?.topic == "tns1:RuleEngine/CellMotionDetector/Motion")
                // Motion goes on within one period of the schedule, and off `for` (2 s) later.
                let states = motion.changes.map(\.state)
                try #require(states.suffix(2) == ["true", "false"], "\(motion.changes)")
                let on = motion.changes[motion.changes.count - 2], off = motion.changes[motion.changes.count - 1]
                #expect(on.after <= Self.every + 1, "\(motion.changes)")
                #expect(abs(off.after - on.after - 2) < 0.6, "\(motion.changes)")
                #expect(on.topic == "tns1:RuleEngine/CellMotionDetector/Motion")
                #expect(on.source["VideoSourceConfigurationToken"] == "VideoSourceConfig_1")
                #expect(motion.renewed_seconds == 120)
                #expect(motion.synchronized.map(\.operation) == ["Initialized"], "\(motion.synchronized)")
                #expect(motion.pull_after_unsubscribe.contains("no subscription"), "\(motion.pull_after_unsubscribe)")

                #expect(report.input.status == 200)
                #expect(report.input.initial.allSatisfy { $0.data["LogicalState"] == "false" }, "\(report.input.initial)")
                let input = report.input.seen.first { $0.operation == "Changed" }
                #expect(input?.topic == "tns1:Device/Trigger/DigitalInput", "\(report.input.seen)")
                #expect(input?.source == ["InputToken": "DigitalInput_1"])
                #expect(input?.data == ["LogicalState": "true"])

                #expect(report.tamper.initial.map { $0.data["State"] } == ["false"], "\(report.tamper.initial)")
                let tamper = report.tamper.seen.last
                #expect(tamper?.topic == "tns1:VideoSource/GlobalSceneChange/ImagingService", "\(report.tamper.seen)")
                #expect(tamper?.operation == "Changed")
                #expect(tamper?.data == ["State": "true"])
            }
        }
    }
}
