import Testing
@testable import Faults

@Suite("Fault schedules")
struct ScheduleTests {
    @Test func windowEdges() {
        let window = FaultWindow(start: 10 * sec, duration: 5 * sec)
        #expect(!window.isActive(at: 10 * sec - 1))
        #expect(window.isActive(at: 10 * sec))
        #expect(window.isActive(at: 15 * sec - 1))
        #expect(!window.isActive(at: 15 * sec))
        #expect(!window.isActive(at: 100 * sec))
        #expect(window.occurrences(through: 9 * sec) == 0)
        #expect(window.occurrences(through: 100 * sec) == 1)
    }

    @Test func repeatingWindow() {
        let window = FaultWindow(start: 10 * sec, duration: 5 * sec, every: 60 * sec)
        #expect(window.isActive(at: 70 * sec))
        #expect(window.isActive(at: 74 * sec))
        #expect(!window.isActive(at: 75 * sec))
        #expect(window.isActive(at: 130 * sec))
        #expect(window.occurrences(through: 69 * sec) == 1)
        #expect(window.occurrences(through: 70 * sec) == 2)
        #expect(window.occurrenceStart(at: 131 * sec) == 130 * sec)
        #expect(FaultWindow(start: 0).isActive(at: 1_000 * sec))
    }

    @Test func scheduleWindowAndTimeline() {
        let schedule = FaultSchedule(
            start: 5 * sec, duration: 20 * sec, every: 60 * sec,
            timeline: [
                TimelineEntry(at: 10 * sec, duration: 20 * sec, action: .apply("lte")),
                TimelineEntry(at: 40 * sec, action: .apply("3g")),
                TimelineEntry(at: 45 * sec, action: .reboot),
            ]
        )
        #expect(!schedule.isActive(at: 4 * sec))
        #expect(schedule.isActive(at: 5 * sec))
        #expect(!schedule.isActive(at: 25 * sec))
        #expect(schedule.isActive(at: 65 * sec))
        // Timeline phases are measured from each cycle's start (5 s, 65 s, …).
        #expect(schedule.activeProfileNames(at: 14 * sec) == [])
        #expect(schedule.activeProfileNames(at: 15 * sec) == ["lte"])
        #expect(schedule.activeProfileNames(at: 35 * sec - 1) == ["lte"])
        #expect(schedule.activeProfileNames(at: 35 * sec) == [])
        #expect(schedule.activeProfileNames(at: 45 * sec) == ["3g"])
        #expect(schedule.activeProfileNames(at: 65 * sec - 1) == ["3g"])  // to the end of the cycle
        #expect(schedule.activeProfileNames(at: 65 * sec) == [])
        #expect(schedule.activeProfileNames(at: 75 * sec) == ["lte"])
        // Reboot at 50 s, 110 s, …, down for the default 10 s.
        #expect(schedule.rebootCount(at: 50 * sec - 1) == 0)
        #expect(schedule.rebootCount(at: 50 * sec) == 1)
        #expect(schedule.isRebooting(at: 50 * sec))
        #expect(schedule.isRebooting(at: 60 * sec - 1))
        #expect(!schedule.isRebooting(at: 60 * sec))
        #expect(schedule.rebootCount(at: 110 * sec) == 2)
        #expect(schedule.rebootCount(at: 171 * sec) == 3)
    }

    @Test func effectiveProfileLayersTimelineProfiles() {
        var base = FaultProfile(network: NetworkFaultProfile(loss: 0.01, delay: 5 * ms))
        base.schedule = FaultSchedule(start: 0, duration: 30 * sec,
                                      timeline: [TimelineEntry(at: 10 * sec, duration: 10 * sec, action: .apply("custom"))])
        let custom = FaultProfile(network: NetworkFaultProfile(delay: 300 * ms))
        let resolved = try! base.resolvingLayers(in: ["custom": custom])
        #expect(resolved.effective(at: 0).network == NetworkFaultProfile(loss: 0.01, delay: 5 * ms))
        #expect(resolved.effective(at: 10 * sec).network == NetworkFaultProfile(loss: 0.01, delay: 300 * ms))
        #expect(resolved.effective(at: 30 * sec).isEmpty)
        #expect(resolved.effective(at: 10 * sec).schedule == nil)
        // Unresolved, the entry adds nothing: names are not looked up while media flows.
        #expect(base.effective(at: 10 * sec).network == NetworkFaultProfile(loss: 0.01, delay: 5 * ms))
    }

    @Test func resolvingLayersUsesTheCatalogThenPresetsAndDropsLayerSchedules() throws {
        var layered = FaultProfile(network: NetworkFaultProfile(delay: 300 * ms))
        layered.schedule = FaultSchedule(start: 100 * sec)
        var base = FaultProfile()
        base.schedule = FaultSchedule(timeline: [
            TimelineEntry(at: 0, action: .apply("custom")),
            TimelineEntry(at: 0, action: .apply("3g")),
        ])
        let resolved = try base.resolvingLayers(in: ["custom": layered])
        guard case .apply("custom", let custom?) = resolved.schedule?.timeline[0].action,
              case .apply("3g", let preset?) = resolved.schedule?.timeline[1].action
        else {
            Issue.record("layers not resolved: \(String(describing: resolved.schedule?.timeline))")
            return
        }
        #expect(custom.schedule == nil && custom.network.delay == 300 * ms)
        #expect(preset == FaultPresets.named["3g"])
    }

    @Test func resolvingAnUnknownProfileNamesIt() {
        var base = FaultProfile()
        base.schedule = FaultSchedule(timeline: [TimelineEntry(at: 10 * sec, action: .apply("ltee"))])
        let error = #expect(throws: FaultProfileError.self) {
            try base.resolvingLayers(in: ["lte-custom": FaultProfile()])
        }
        #expect(error?.problems.count == 1)
        #expect(error?.problems.first?.message.contains("'ltee'") == true, "\(String(describing: error))")
        #expect(error?.problems.first?.key == "schedule.timeline[0].apply")
        #expect(throws: FaultProfileError.self) {
            try ["a": base].resolvingLayers()
        }
    }

    /// Between a time and the schedule's next change, what is in force stays the same,
    /// so a viewer may compute it once per change instead of once per frame.
    @Test func nothingChangesBeforeNextChange() {
        let schedules = [
            FaultSchedule(start: 5 * sec, duration: 20 * sec, every: 60 * sec, timeline: [
                TimelineEntry(at: 10 * sec, duration: 20 * sec, action: .apply("lte")),
                TimelineEntry(at: 40 * sec, action: .apply("3g")),
                TimelineEntry(at: 45 * sec, action: .reboot),
                TimelineEntry(at: 70 * sec, action: .apply("never")),
            ]),
            FaultSchedule(start: 3 * sec, duration: 4 * sec),
            FaultSchedule(start: 0, every: 7 * sec, timeline: [TimelineEntry(at: 2 * sec, duration: 1 * sec, action: .apply("x"))]),
            FaultSchedule(start: 2 * sec),
        ]
        let step = 250 * ms
        for schedule in schedules {
            var changes = 0
            var t: Int64 = 0
            while t < 200 * sec {
                let next = schedule.nextChange(after: t)
                if let next { #expect(next > t, "next change \(next) not after \(t)") }
                var s = t + step
                while s < min(next ?? .max, 200 * sec) {
                    #expect(schedule.isActive(at: s) == schedule.isActive(at: t), "window changed at \(s) before \(String(describing: next))")
                    #expect(schedule.activeProfileNames(at: s) == schedule.activeProfileNames(at: t),
                            "timeline changed at \(s) before \(String(describing: next))")
                    s += step
                }
                guard let next else { break }
                if schedule.isActive(at: next) != schedule.isActive(at: t)
                    || schedule.activeProfileNames(at: next) != schedule.activeProfileNames(at: t) {
                    changes += 1
                }
                t = next
            }
            #expect(changes > 0, "\(schedule) never changed")
        }
        #expect(FaultSchedule(start: 2 * sec).nextChange(after: 2 * sec) == nil)
        #expect(FaultSchedule(start: 2 * sec).nextChange(after: 0) == 2 * sec)
    }

    @Test func mergingLaterWins() {
        let a = FaultProfile(network: NetworkFaultProfile(loss: 0.1, delay: 10 * ms),
                             control: ControlFaultProfile(statusOverrides: ["SETUP": 503, "PLAY": 500]))
        let b = FaultProfile(network: NetworkFaultProfile(loss: 0.2, jitter: 5 * ms),
                             control: ControlFaultProfile(statusOverrides: ["PLAY": 454]))
        let merged = a.merged(with: b)
        #expect(merged.network == NetworkFaultProfile(loss: 0.2, delay: 10 * ms, jitter: 5 * ms))
        #expect(merged.control.statusOverrides == ["SETUP": 503, "PLAY": 454])
        #expect(FaultProfile.merging([a, b]) == merged)
    }
}
