import Testing
@testable import Config

@Suite("A camera's events")
struct CameraEventsConfigTests {
    static let second: Int64 = 1_000_000_000

    @Test func readsTheMotionScheduleAndTakesDefaults() throws {
        let config = try parse("""
            defaults:
              events: { motion: { every: 1m, for: 10s } }
            cameras:
              - path: yard
                events: { motion: { every: 30s, for: 5s } }
              - path: gate
              - path: hall
                events: {}
            """)
        #expect(config.cameras[0].events == CameraEventsConfig(motion: .init(every: 30 * Self.second, duration: 5 * Self.second)))
        #expect(config.cameras[1].events == CameraEventsConfig(motion: .init(every: 60 * Self.second, duration: 10 * Self.second)))
        #expect(config.cameras[2].events == CameraEventsConfig())
    }

    @Test func roundTrip() throws {
        let config = try parse("cameras: [{ path: a, events: { motion: { every: 4s, for: 1500ms } } }, { path: b }]\n")
        let yaml = try config.yaml()
        let again = try parse(yaml)
        #expect(again.cameras.map(\.events) == config.cameras.map(\.events))
        let expected = CameraEventsConfig.MotionSchedule(every: 4 * Self.second, duration: 1_500_000_000)
        #expect(again.cameras[0].events.motion == expected)
    }

    @Test func motionIsOnForItsLengthAtTheStartOfEachPeriodAfterTheFirst() {
        let schedule = CameraEventsConfig.MotionSchedule(every: 4 * Self.second, duration: 2 * Self.second)
        #expect(!schedule.isActive(at: 0))
        #expect(!schedule.isActive(at: 4 * Self.second - 1))
        #expect(schedule.isActive(at: 4 * Self.second))
        #expect(schedule.isActive(at: 6 * Self.second - 1))
        #expect(!schedule.isActive(at: 6 * Self.second))
        #expect(schedule.isActive(at: 9 * Self.second))
    }

    static let broken: [(yaml: String, keyPath: String, message: String)] = [
        ("cameras: [{ path: a, events: { motion: { every: 30s } } }]\n", "cameras[0].events.motion", "needs 'for'"),
        ("cameras: [{ path: a, events: { motion: { every: soon, for: 5s } } }]\n", "cameras[0].events.motion.every", "duration"),
        ("cameras: [{ path: a, events: { motion: { every: 10s, for: 10s } } }]\n", "cameras[0].events.motion.for", "below 'every'"),
        ("cameras: [{ path: a, events: { motion: { every: 500ms, for: 100ms } } }]\n", "cameras[0].events.motion.every", "1s to 24h"),
        ("cameras: [{ path: a, events: { motion: { every: 10s, for: 1s, at: 2s } } }]\n", "cameras[0].events.motion.at", "unknown key"),
        ("cameras: [{ path: a, events: { tamper: yes } }]\n", "cameras[0].events.tamper", "unknown key"),
    ]

    @Test(arguments: broken)
    func problemsNameTheField(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && ($0.message + " " + ($0.suggestion ?? "")).contains(message) }, "\(found)")
    }
}
