import Testing
@testable import Faults

@Suite struct ONVIFFaultKeyTests {
    @Test func yamlSetsEveryONVIFFault() throws {
        let profile = try FaultProfile.parse(yaml: """
            onvif_fault: GetProfiles, GetStreamUri
            onvif_slow: 1500ms
            onvif_clock_skew: -10m
            discovery_silent: true
            discovery_duplicates: 3
            events_stop_after: 30s
            events_late: 5s
            subscription_expires_after: 20s
            """, file: "t.yaml", line: 1)
        #expect(profile.control.onvif == ONVIFFaultProfile(
            faultOperations: ["GetProfiles", "GetStreamUri"], slow: 1500 * FaultTime.millisecond,
            clockSkew: -600 * sec, discoverySilent: true, discoveryDuplicates: 3, eventsStopAfter: 30 * sec,
            eventsLate: 5 * sec, subscriptionExpiresAfter: 20 * sec))
        #expect(profile.control.onvif.faults("GetProfiles"))
        #expect(!profile.control.onvif.faults("GetDeviceInformation"))
    }

    @Test func aStarFaultsEveryOperation() throws {
        let profile = try FaultProfile.parse(yaml: "onvif_fault: '*'", file: "t.yaml", line: 1)
        #expect(profile.control.onvif.faults("GetSystemDateAndTime"))
    }

    @Test func badValuesAreRefusedWithTheirKey() {
        for (name, value) in [("onvif_fault", "Get<Profiles>"), ("discovery_duplicates", "0"), ("onvif_slow", "soon")] {
            do {
                _ = try FaultProfile.parse(yaml: "\(name): \"\(value)\"", file: "t.yaml", line: 1)
                Issue.record("\(name): \(value) was accepted")
            } catch {
                #expect(error.description.contains(name), "\(error)")
            }
        }
    }

    @Test func aViewersURLCannotCarryADeviceFault() {
        do {
            _ = try FaultProfile.parse(query: [("onvif_slow", "2s")])
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("ONVIF device"), "\(error)")
        }
        #expect(!FaultProfile.queryKeys.contains("events_late"))
    }

    @Test func laterProfilesOverrideFieldByField() {
        let merged = ONVIFFaultProfile(slow: sec, clockSkew: sec).merged(with: ONVIFFaultProfile(clockSkew: 2 * sec))
        #expect(merged == ONVIFFaultProfile(slow: sec, clockSkew: 2 * sec))
    }
}
