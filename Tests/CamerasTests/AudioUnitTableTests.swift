import NIOConcurrencyHelpers
import Testing
@testable import Cameras

/// The table of one period of encoded units, and the encoder that replays it: each unit of a
/// stream gets the bytes the live encoder made for the same place in the period, recorded
/// once per key.
@Suite struct AudioUnitTableTests {
    /// An encoder whose unit is its place in a period of 5 units of 4 samples, how many units
    /// it made before (its "state"), and one more part for even places.
    final class CountingEncoder: AudioEncoding, @unchecked Sendable {
        let samplesPerUnit = 4
        var formatParameters: SourceFormatParameters { SourceFormatParameters(fmtp: [("config", "AB")]) }
        var made = 0
        let silentBefore: Int64

        init(silentBefore: Int64 = 0) { self.silentBefore = silentBefore }

        func encodeUnit<Result>(
            firstSample: Int64, wallClockNanos: Int64, _ body: ([UnsafeRawBufferPointer]) throws -> Result
        ) throws -> Result? {
            guard firstSample >= silentBefore else { return nil }
            made += 1
            let place = UInt8((firstSample / 4) % 5)
            let first: [UInt8] = [place, UInt8(truncatingIfNeeded: made)]
            let second: [UInt8] = place % 2 == 0 ? [0xEE] : []
            return try first.withUnsafeBytes { a in
                try second.withUnsafeBytes { b in try body(second.isEmpty ? [a] : [a, b]) }
            }
        }
    }

    static func plan(seam: Int64 = 2) -> AudioReplayPlan {
        AudioReplayPlan(signalPeriod: 20, samplesPerUnit: 4, rate: 16, seamUnit: seam)!
    }

    static func bytes(_ parts: [UnsafeRawBufferPointer]) -> [[UInt8]] { parts.map { Array($0) } }

    @Test func recordsOnePeriodAfterTheWarmUp() throws {
        let plan = Self.plan()
        #expect(plan.unitsPerPeriod == 5)
        #expect(plan.firstUnit == 7)  // 4 units of warm-up (1 s at 16 Hz), then the seam unit 2 mod 5
        let table = try #require(try AudioUnitTable.record(plan: plan, encoder: CountingEncoder()))
        #expect(table.formatParameters.fmtpValue == "config=AB")
        for unit: Int64 in 0..<20 {
            let parts = Self.bytes(table.parts(ofSample: unit * 4))
            let place = UInt8(unit % 5)
            // The unit recorded for this place: the `made`-th unit of the encoder run.
            let recorded = plan.recordedUnit(forEntry: plan.index(ofUnit: unit))
            #expect(parts[0] == [place, UInt8(recorded + 1)], "unit \(unit)")
            #expect(parts.count == (place % 2 == 0 ? 2 : 1))
            if parts.count == 2 { #expect(parts[1] == [0xEE]) }
        }
        #expect(table.byteCount == 5 * 2 + 3)
    }

    @Test func aMissingUnitOrAnotherUnitSizeMakesNoTable() throws {
        #expect(try AudioUnitTable.record(plan: Self.plan(), encoder: CountingEncoder(silentBefore: 8 * 4)) == nil)
        let otherSize = AudioReplayPlan(signalPeriod: 20, samplesPerUnit: 5, rate: 16)!
        #expect(try AudioUnitTable.record(plan: otherSize, encoder: CountingEncoder()) == nil)
        // Units missing only in the warm-up do not matter.
        #expect(try AudioUnitTable.record(plan: Self.plan(), encoder: CountingEncoder(silentBefore: 2 * 4)) != nil)
    }

    /// The registry builds a key's table once, however many ask; a failed build is
    /// unavailable for good.
    @Test func theRegistryBuildsEachKeyOnce() {
        let builds = NIOLockedValueBox(0)
        let tables = AudioUnitTables<String>(run: { $0() })
        let build: @Sendable () throws -> AudioUnitTable? = {
            builds.withLockedValue { $0 += 1 }
            return try AudioUnitTable.record(plan: Self.plan(), encoder: CountingEncoder())
        }
        for _ in 0..<3 {
            guard case .ready = tables.table(for: "tone", build: build) else { Issue.record("no table"); return }
        }
        #expect(builds.withLockedValue { $0 } == 1)
        #expect(tables.readyTable(for: "tone") != nil)
        #expect(tables.readyTable(for: "other") == nil)
        guard case .unavailable = tables.table(for: "broken", build: { nil }) else { Issue.record("not unavailable"); return }
    }

    /// Until the table is ready the encoder encodes live; from the next unit after it is, it
    /// replays, and lets its live encoder go.
    @Test func replaysOnceTheTableIsReady() throws {
        let pending = NIOLockedValueBox<[@Sendable () -> Void]>([])
        let tables = AudioUnitTables<String>(run: { work in pending.withLockedValue { $0.append(work) } })
        let build: @Sendable () throws -> AudioUnitTable? = {
            try AudioUnitTable.record(plan: Self.plan(), encoder: CountingEncoder())
        }
        let live = CountingEncoder()
        let encoder = try ReplayingAudioEncoder(lookup: { tables.table(for: "tone", build: build) }, makeLive: { live })
        #expect(!encoder.isReplaying)
        #expect(encoder.samplesPerUnit == 4)
        let first = try encoder.encodeUnit(firstSample: 0, wallClockNanos: 0) { Self.bytes($0) }
        #expect(first == [[0, 1], [0xEE]], "the live encoder's first unit")
        for work in pending.withLockedValue({ $0 }) { work() }
        let second = try encoder.encodeUnit(firstSample: 4, wallClockNanos: 0) { Self.bytes($0) }
        #expect(encoder.isReplaying)
        #expect(live.made == 1)
        let recorded = Self.plan().recordedUnit(forEntry: 1)
        #expect(second == [[1, UInt8(recorded + 1)]])
        // A new track finds the table at once and opens no live encoder.
        let next = try ReplayingAudioEncoder(lookup: { tables.table(for: "tone", build: build) }, makeLive: {
            Issue.record("opened a live encoder")
            return CountingEncoder()
        })
        #expect(next.isReplaying)
        #expect(next.formatParameters.fmtpValue == "config=AB")
    }

    /// A key whose table cannot be made is encoded live for good.
    @Test func encodesLiveWithoutATable() throws {
        let tables = AudioUnitTables<String>(run: { $0() })
        let live = CountingEncoder()
        let encoder = try ReplayingAudioEncoder(lookup: { tables.table(for: "x", build: { nil }) }, makeLive: { live })
        for unit: Int64 in 0..<4 {
            _ = try encoder.encodeUnit(firstSample: unit * 4, wallClockNanos: 0) { _ in () }
        }
        #expect(!encoder.isReplaying)
        #expect(live.made == 4)
    }
}
