import ONVIF
import Testing
@testable import Discovery

@Suite struct DiscoveryResponderTests {
    static let second: Int64 = 1_000_000_000
    static let probe = Array(ProbeVectors.any.utf8)

    static func probe(id: String, inner: String = "") -> [UInt8] { Array(ProbeVectors.probe(id: id, inner: inner).utf8) }

    /// Every ProbeMatch waits up to APP_MAX_DELAY, and its one repeat follows 50–250 ms later
    /// with the same MessageID.
    @Test func multicastProbeIsAnsweredWithJitterAndARepeat() throws {
        var responder = DiscoveryResponder(instanceID: 1, seed: 42)
        let now = 100 * Self.second
        let sends = responder.receive(Self.probe, multicast: true, targets: DiscoveryFixtures.targets(40), now: now)
        let byMessage = Dictionary(grouping: sends, by: \.messageID)
        #expect(byMessage.values.allSatisfy { $0.count == 2 && $0[0].bytes == $0[1].bytes })
        for copies in byMessage.values {
            let times = copies.map(\.at).sorted()
            #expect((now...(now + 500_000_000)).contains(times[0]))
            #expect((50_000_000...250_000_000).contains(times[1] - times[0]))
        }
        #expect(sends.allSatisfy { $0.destination == .sender && $0.bytes.count < DiscoveryLimits.datagramBudget })
        let firsts = byMessage.values.map { $0.min { $0.at < $1.at }! }
        let references = try firsts.flatMap { try DiscoveryFixtures.references($0.bytes) }
        #expect(Set(references) == Set(DiscoveryFixtures.targets(40).map(\.endpointReference)))
        #expect(references.count == 40)
        // The jitter spreads the datagrams rather than bunching them at one instant.
        #expect(Set(firsts.map(\.at)).count == firsts.count)
        #expect(sends.map(\.at) == sends.map(\.at).sorted())
    }

    @Test func unicastProbeIsAnsweredAtOnce() {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        let sends = responder.receive(Self.probe, multicast: false, targets: DiscoveryFixtures.targets(1), now: 5)
        #expect(sends.first?.at == 5)
    }

    @Test func sameSeedSameSends() {
        var first = DiscoveryResponder(instanceID: 3, seed: 9)
        var second = DiscoveryResponder(instanceID: 3, seed: 9)
        let targets = DiscoveryFixtures.targets(12)
        #expect(first.receive(Self.probe, multicast: true, targets: targets, now: 0)
            == second.receive(Self.probe, multicast: true, targets: targets, now: 0))
        var other = DiscoveryResponder(instanceID: 3, seed: 10)
        #expect(other.receive(Self.probe, multicast: true, targets: targets, now: 0)
            != first.receive(Self.probe(id: "urn:uuid:other"), multicast: true, targets: targets, now: 0))
    }

    /// A client repeats its Probe (SOAP-over-UDP): the repeat gets no second answer.
    @Test func aRepeatedProbeIsAnsweredOnce() {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        #expect(!responder.receive(Self.probe, multicast: true, targets: DiscoveryFixtures.targets(2), now: 0).isEmpty)
        #expect(responder.receive(Self.probe, multicast: true, targets: DiscoveryFixtures.targets(2), now: 1).isEmpty)
    }

    @Test func scopesAndTypesFilter() throws {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1, timing: .immediate)
        let targets = DiscoveryFixtures.targets(10)
        let odd = Self.probe(id: "urn:uuid:odd", inner: "<d:Scopes>onvif://www.onvif.org/location/odd</d:Scopes>")
        let found = try responder.receive(odd, multicast: true, targets: targets, now: 0).flatMap { try DiscoveryFixtures.references($0.bytes) }
        #expect(found == targets.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.endpointReference))
        let other = Self.probe(id: "urn:uuid:type", inner: "<d:Types xmlns:x=\"urn:other\">x:Printer</d:Types>")
        #expect(responder.receive(other, multicast: true, targets: targets, now: 0).isEmpty)
        let device = Self.probe(id: "urn:uuid:device", inner: "<d:Types>tds:Device</d:Types>")
        #expect(responder.receive(device, multicast: true, targets: targets, now: 0).count > 0)
    }

    @Test func silentCamerasAreNotFoundAndDuplicatesArriveInMessagesOfTheirOwn() throws {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1, timing: .immediate)
        let targets = [
            DiscoveryFixtures.target(0, silent: true), DiscoveryFixtures.target(1, copies: 3), DiscoveryFixtures.target(2),
        ]
        let sends = responder.receive(Self.probe, multicast: true, targets: targets, now: 0)
        let references = try sends.flatMap { try DiscoveryFixtures.references($0.bytes) }
        #expect(references.filter { $0 == targets[0].endpointReference }.isEmpty)
        #expect(references.filter { $0 == targets[1].endpointReference }.count == 3)
        #expect(references.filter { $0 == targets[2].endpointReference }.count == 1)
        #expect(Set(sends.map(\.messageID)).count == sends.count)
    }

    @Test func probesBeyondTheRateAreDropped() {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        let targets = DiscoveryFixtures.targets(1)
        let answered = (0..<30).filter { index in
            !responder.receive(Self.probe(id: "urn:uuid:p\(index)"), multicast: true, targets: targets, now: Int64(index)).isEmpty
        }
        #expect(answered.count == responder.maxProbesPerSecond)
        #expect(!responder.receive(Self.probe(id: "urn:uuid:later"), multicast: true, targets: targets, now: 2 * Self.second).isEmpty)
    }

    @Test func helloForNewByeForGoneAndVersionsForChanges() throws {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        let hellos = responder.announce(DiscoveryFixtures.targets(3), now: 0)
        // Each Hello sent three times (MULTICAST_UDP_REPEAT 2), after up to APP_MAX_DELAY.
        #expect(hellos.count == 9 && hellos.allSatisfy { $0.destination == .group })
        #expect(Set(hellos.map(\.messageID)).count == 3)
        #expect(hellos.allSatisfy { $0.at >= 0 })
        #expect(responder.announce(DiscoveryFixtures.targets(3), now: 1).isEmpty)

        var changed = DiscoveryFixtures.targets(2)
        changed[1].xaddrs = ["http://10.0.0.2:8080/onvif/cam-1/device_service"]
        let sends = responder.announce(changed, now: 2)
        let bodies = try sends.map { try #require(try DiscoveryFixtures.parse($0.bytes).child("Body")?.children.first) }
        let hello = try #require(bodies.first { $0.name.local == "Hello" })
        #expect(hello.child("MetadataVersion")?.trimmedText == "2")
        let bye = try #require(bodies.first { $0.name.local == "Bye" })
        #expect(bye.child("EndpointReference")?.child("Address")?.trimmedText == DiscoveryFixtures.target(2).endpointReference)
        #expect(bodies.filter { $0.name.local == "Bye" }.count == 3)
        #expect(bodies.filter { $0.name.local == "Hello" }.count == 3)

        let probeSends = responder.receive(Self.probe, multicast: false, targets: DiscoveryFixtures.targets(2), now: 3)
        let matches = try Dictionary(grouping: probeSends, by: \.messageID).values.map { $0[0] }.flatMap { send in
            try DiscoveryFixtures.parse(send.bytes).child("Body")?.child("ProbeMatches")?.children ?? []
        }
        let versions = Dictionary(uniqueKeysWithValues: matches.compactMap { match in
            match.child("EndpointReference")?.child("Address").map { ($0.trimmedText, match.child("MetadataVersion")?.trimmedText) }
        })
        #expect(versions == [
            DiscoveryFixtures.target(0).endpointReference: "1", DiscoveryFixtures.target(1).endpointReference: "2",
        ])

        let byes = responder.byeAll(now: 4)
        #expect(Set(byes.map(\.messageID)).count == 2 && byes.allSatisfy { $0.at >= 4 })
        #expect(responder.announcedReferences.isEmpty)
    }

    @Test func aSilentCameraSendsNoHelloNorBye() {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        #expect(responder.announce([DiscoveryFixtures.target(0, silent: true)], now: 0).isEmpty)
        #expect(responder.announce([], now: 1).isEmpty)
    }

    /// AppSequence's MessageNumber rises with each message.
    @Test func messageNumbersRise() throws {
        var responder = DiscoveryResponder(instanceID: 77, seed: 1, timing: .immediate)
        let sends = responder.announce(DiscoveryFixtures.targets(3), now: 0)
        let numbers = try sends.map { send in
            try DiscoveryFixtures.parse(send.bytes).child("Header")?.child("AppSequence")?.attributes[XMLName("", "MessageNumber")]
        }
        #expect(numbers == ["1", "2", "3"])
        #expect(try DiscoveryFixtures.parse(sends[0].bytes).child("Header")?.child("AppSequence")?.attributes[XMLName("", "InstanceId")] == "77")
    }

    @Test func hostileDatagramsGetNoAnswer() {
        var responder = DiscoveryResponder(instanceID: 1, seed: 1)
        for (name, text) in ProbeVectors.notProbes {
            #expect(responder.receive(Array(text.utf8), multicast: true, targets: DiscoveryFixtures.targets(2), now: 0).isEmpty, "\(name)")
        }
    }
}
