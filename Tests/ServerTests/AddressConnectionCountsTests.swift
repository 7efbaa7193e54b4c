import Testing
@testable import Server

@Suite struct AddressConnectionCountsTests {
    /// Opens one connection from each address in turn; which were let in.
    static func open(_ addresses: [String], in counts: inout AddressConnectionCounts) -> [Bool] {
        addresses.map { counts.open($0) }
    }

    @Test
    func eachAddressHasItsOwnCap() {
        var counts = AddressConnectionCounts(maximumPerAddress: 2)
        let admitted = Self.open(["10.0.0.1", "10.0.0.1", "10.0.0.1", "10.0.0.2"], in: &counts)
        #expect(admitted == [true, true, false, true])
        #expect(counts.counts == ["10.0.0.1": 2, "10.0.0.2": 1])
    }

    @Test
    func aRefusedConnectionIsNotCountedAndAClosedOneFreesAPlace() {
        var counts = AddressConnectionCounts(maximumPerAddress: 1)
        #expect(Self.open(["::1", "::1"], in: &counts) == [true, false])
        counts.close("::1")
        #expect(counts.counts.isEmpty)
        #expect(Self.open(["::1"], in: &counts) == [true])
    }

    @Test
    func closingAnUnknownAddressChangesNothing() {
        var counts = AddressConnectionCounts(maximumPerAddress: 1)
        counts.close("10.0.0.9")
        #expect(counts.counts.isEmpty)
    }

    @Test
    func zeroMeansNoCap() {
        var counts = AddressConnectionCounts(maximumPerAddress: 0)
        let admitted = Self.open(Array(repeating: "10.0.0.1", count: 10_000), in: &counts)
        #expect(admitted.allSatisfy { $0 })
        #expect(counts.counts["10.0.0.1"] == 10_000)
    }
}
