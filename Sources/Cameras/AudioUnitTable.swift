/// One period of a track's encoded audio units, recorded once from an encoder run over a
/// periodic signal (`AudioReplayPlan`) and replayed by every track with the same settings:
/// unit k of any stream is entry `plan.index(ofUnit: k)`, the same bytes the encoder would
/// have made for it. The bytes live in one buffer for the table's lifetime, so replaying a
/// unit allocates nothing.
public final class AudioUnitTable: @unchecked Sendable {
    public let plan: AudioReplayPlan
    /// The encoder's SDP format parameters (AAC's `config=`).
    public let formatParameters: SourceFormatParameters
    /// The encoded bytes of the whole period.
    public let byteCount: Int
    private let storage: UnsafeMutableRawBufferPointer
    /// Each entry's parts, as the encoder handed them out, pointing into `storage`.
    private let entries: [[UnsafeRawBufferPointer]]

    /// Records `plan.unitsToEncode` units of `encoder` (a fresh one, which sees sample 0
    /// first) and keeps the last `plan.unitsPerPeriod`; nil when the encoder gave no unit for
    /// one of them.
    public static func record(plan: AudioReplayPlan, encoder: any AudioEncoding) throws -> AudioUnitTable? {
        guard Int64(encoder.samplesPerUnit) == plan.samplesPerUnit else { return nil }
        var bytes: [UInt8] = []
        var ranges = [[Range<Int>]](repeating: [], count: Int(plan.unitsPerPeriod))
        for unit in 0..<plan.unitsToEncode {
            let made = try encoder.encodeUnit(firstSample: unit * plan.samplesPerUnit, wallClockNanos: 0) { parts in
                guard unit >= plan.firstUnit else { return }
                var unitRanges: [Range<Int>] = []
                for part in parts {
                    unitRanges.append(bytes.count..<(bytes.count + part.count))
                    bytes.append(contentsOf: part)
                }
                ranges[plan.index(ofUnit: unit)] = unitRanges
            }
            if made == nil, unit >= plan.firstUnit { return nil }
        }
        return AudioUnitTable(plan: plan, formatParameters: encoder.formatParameters, bytes: bytes, ranges: ranges)
    }

    private init(plan: AudioReplayPlan, formatParameters: SourceFormatParameters, bytes: [UInt8], ranges: [[Range<Int>]]) {
        self.plan = plan
        self.formatParameters = formatParameters
        byteCount = bytes.count
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        let base = UnsafeRawBufferPointer(storage)
        entries = ranges.map { parts in parts.map { UnsafeRawBufferPointer(rebasing: base[$0]) } }
    }

    deinit { storage.deallocate() }

    /// The parts of the unit starting at sample `firstSample` of a stream, valid while the
    /// table lives.
    public func parts(ofSample firstSample: Int64) -> [UnsafeRawBufferPointer] {
        entries[plan.index(ofSample: firstSample)]
    }
}
