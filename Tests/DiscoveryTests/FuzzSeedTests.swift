import FuzzSeedSupport
import Testing

@Suite struct DiscoveryFuzzSeedTests {
    @Test func seedsMatchTheCaseTables() throws {
        try FuzzSeeds.check(
            "ws-discovery-probe",
            texts: [ProbeVectors.deviceManager, ProbeVectors.wsdiscovery, ProbeVectors.any] + ProbeVectors.notProbes.map(\.1))
    }
}
