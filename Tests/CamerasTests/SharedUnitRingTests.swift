import Testing
@testable import Cameras

/// `SharedUnitRing`: which unit each camera sharing an encoder sends next, and when the
/// encoder makes a new one or an IDR.
@Suite("Shared unit ring")
struct SharedUnitRingTests {
    /// A ring of unit indices and an encoder whose natural IDRs come every `gop` units.
    struct Rig {
        var ring: SharedUnitRing<Int64>
        var gop: Int64 = 1000
        var encoded: [(index: Int64, idr: Bool)] = []

        init(capacity: Int = 8) {
            ring = SharedUnitRing(capacity: capacity)
        }

        /// One frame slot of a camera: the unit it sends and whether it is an IDR.
        mutating func slot(_ cursor: inout Int64?, wantsIDR: Bool = false) -> (index: Int64, idr: Bool) {
            var step = ring.step(&cursor, wantsIDR: wantsIDR)
            if case .encode(let index, let forceIDR) = step {
                let idr = forceIDR || index % gop == 0
                encoded.append((index, idr))
                ring.append(index, isIDR: idr)
                step = ring.step(&cursor, wantsIDR: false)
            }
            guard case .deliver(let entry) = step else { Issue.record("nothing to deliver"); return (-1, false) }
            #expect(entry.unit == entry.index)
            return (entry.index, entry.isIDR)
        }
    }

    @Test func everyCameraSendsEveryUnitInOrderAndTheFirstToAskEncodes() {
        var rig = Rig()
        var a: Int64?, b: Int64?
        var sentA: [Int64] = [], sentB: [Int64] = []
        for _ in 0..<20 {
            sentA.append(rig.slot(&a).index)
            sentB.append(rig.slot(&b).index)
        }
        #expect(sentA == Array(0..<20))
        // B started after A had encoded unit 0, so it starts on the next one.
        #expect(sentB == Array(1..<21))
        #expect(rig.encoded.map(\.index) == Array(0..<21))
    }

    @Test func aJoiningViewersIDRIsOneIDRForEveryCamera() {
        var rig = Rig()
        var a: Int64?, b: Int64?, c: Int64?
        for _ in 0..<5 {
            _ = rig.slot(&a)
            _ = rig.slot(&b)
            _ = rig.slot(&c)
        }
        // A viewer joins B: B's next unit is an IDR, encoded at once.
        let joined = rig.slot(&b, wantsIDR: true)
        #expect(joined.idr)
        // A and C send that same IDR in turn, and a viewer joining C meanwhile gets it too.
        #expect(rig.slot(&a).index == joined.index)
        #expect(rig.slot(&c, wantsIDR: true).index == joined.index)
        #expect(rig.encoded.filter(\.idr).map(\.index) == [0, joined.index])
        #expect(!rig.ring.idrPending)
    }

    @Test func aCameraAskingWhileBehindSkipsToTheIDRItEncodes() {
        var rig = Rig()
        var a: Int64?, b: Int64?
        for _ in 0..<4 { _ = rig.slot(&a) }
        _ = rig.slot(&b)
        // B started on unit 4; A goes on alone for three slots.
        for _ in 0..<3 { _ = rig.slot(&a) }
        // B is now two units behind; a viewer joining B gets a fresh IDR, not A's old P-frames.
        let joined = rig.slot(&b, wantsIDR: true)
        #expect(joined.idr && joined.index == rig.ring.nextIndex - 1)
        #expect(rig.slot(&a) == joined)
    }

    @Test func aLaggingCameraCatchesUpAtTheNextIDR() {
        var rig = Rig(capacity: 16)
        rig.gop = 6
        var a: Int64?, b: Int64?
        _ = rig.slot(&a)
        _ = rig.slot(&b)  // unit 1
        for _ in 0..<3 { _ = rig.slot(&a) }  // A lost no slots; B lost three, so it lags
        var sentB: [Int64] = []
        for _ in 0..<10 {
            _ = rig.slot(&a)
            sentB.append(rig.slot(&b).index)
        }
        // B goes on in order while no IDR is ahead, then jumps to the IDR at 6 and keeps up.
        #expect(Array(sentB.prefix(2)) == [2, 3])
        #expect(Array(sentB[2...]) == Array(6..<14))
    }

    @Test func aCameraThatFellOutOfTheRingResynchronisesAtAnIDR() {
        var rig = Rig(capacity: 4)
        var a: Int64?, b: Int64?
        _ = rig.slot(&a)
        _ = rig.slot(&b)
        for _ in 0..<10 { _ = rig.slot(&a) }
        // B's next unit (2) is long gone and the ring has no IDR: the next unit is one.
        let resumed = rig.slot(&b)
        #expect(resumed.idr && resumed.index == 11)
        #expect(rig.slot(&a) == resumed)
        #expect(rig.encoded.filter(\.idr).map(\.index) == [0, 11])
    }

    @Test func aNewCameraStartsOnTheNextUnitAndAnIDRPendingIsKept() {
        var rig = Rig()
        var a: Int64?
        for _ in 0..<3 { _ = rig.slot(&a) }
        var fresh: Int64?
        guard case .encode(let index, let forceIDR) = rig.ring.step(&fresh, wantsIDR: true) else {
            Issue.record("a new camera wanting an IDR encodes it")
            return
        }
        #expect(index == 3 && forceIDR)
        // The encoder produced nothing this time (the unit is not appended): the IDR is still owed.
        #expect(rig.ring.idrPending)
        #expect(rig.slot(&a).idr)
    }
}
