import ONVIF
import Testing
@testable import Discovery

@Suite struct ProbeMatchPackingTests {
    static func pack(_ targets: [DiscoveryTarget], budget: Int = DiscoveryLimits.datagramBudget) -> [[UInt8]] {
        var number: UInt32 = 0
        return ProbeMatchPacking(budget: budget).pack(targets, relatesTo: "urn:uuid:00000000-0000-4000-8000-000000000001") {
            number += 1
            return ("urn:uuid:00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(number).count))\(number)",
                    AppSequence(instanceID: 1, messageNumber: number))
        }
    }

    /// 500 cameras: every one exactly once, in order, every datagram under 1,400 bytes.
    @Test func fiveHundredCamerasStayUnderTheBudget() throws {
        let targets = DiscoveryFixtures.targets(500)
        let datagrams = Self.pack(targets)
        #expect(datagrams.allSatisfy { $0.count < DiscoveryLimits.datagramBudget })
        let references = try datagrams.flatMap(DiscoveryFixtures.references)
        #expect(references == targets.map(\.endpointReference))
        #expect(datagrams.count < targets.count + 1)
    }

    /// Small matches share a datagram; the packing fills each as far as the budget allows.
    @Test func smallMatchesShareADatagram() throws {
        let small = (0..<10).map { DiscoveryTarget(endpointReference: "urn:uuid:\($0)", types: [], scopes: [], xaddrs: []) }
        let datagrams = Self.pack(small)
        let counts = try datagrams.map { try DiscoveryFixtures.references($0).count }
        #expect(counts.reduce(0, +) == 10)
        #expect(counts.dropLast().allSatisfy { $0 >= 4 }, "\(counts)")
        #expect(datagrams.allSatisfy { $0.count < DiscoveryLimits.datagramBudget })
        // Each datagram is full: one more match would have crossed the budget.
        let matchSize = DiscoveryMessage.probeMatch(small[0]).text.utf8.count
        #expect(datagrams.dropLast().allSatisfy { $0.count + matchSize >= DiscoveryLimits.datagramBudget })
        // With a budget a little over one match's datagram, each goes alone.
        let single = Self.pack([small[0]])[0].count
        #expect(Self.pack(small, budget: single + 5).count == 10)
    }

    @Test func anOversizedMatchGoesAlone() throws {
        var huge = DiscoveryFixtures.target(0)
        huge.scopes = (0..<100).map { "onvif://www.onvif.org/location/room-\($0)" }
        let datagrams = Self.pack([DiscoveryFixtures.target(1), huge, DiscoveryFixtures.target(2)])
        #expect(try datagrams.map { try DiscoveryFixtures.references($0).count } == [1, 1, 1])
        #expect(datagrams[1].count > DiscoveryLimits.datagramBudget)
        #expect(datagrams[0].count < DiscoveryLimits.datagramBudget && datagrams[2].count < DiscoveryLimits.datagramBudget)
    }

    @Test func noTargetsNoDatagrams() {
        #expect(Self.pack([]).isEmpty)
    }
}
