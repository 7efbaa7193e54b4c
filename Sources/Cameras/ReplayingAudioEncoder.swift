/// The encoder of a track whose signal is periodic: it hands out each unit from the
/// process's table for the track's settings (`AudioUnitTables`), which holds one period of
/// units encoded once, and encodes live with an encoder of its own only until that table
/// is ready (or for good if it cannot be made). Replaying a unit costs an index and no copy:
/// the unit for sample n is the bytes the live encoder would have made for it.
public final class ReplayingAudioEncoder: AudioEncoding, @unchecked Sendable {
    public let samplesPerUnit: Int
    public let formatParameters: SourceFormatParameters
    private let lookup: @Sendable () -> AudioUnitTableLookup
    private var table: AudioUnitTable?
    private var live: (any AudioEncoding)?
    /// False once the table is known never to come: stop asking.
    private var mayReplay = true

    /// - Parameters:
    ///   - lookup: asks the process's registry for the table (starting its build the first time).
    ///   - makeLive: opens the live encoder used until the table is ready.
    public init(
        lookup: @escaping @Sendable () -> AudioUnitTableLookup,
        makeLive: () throws -> any AudioEncoding
    ) throws {
        self.lookup = lookup
        if case .ready(let table) = lookup() {
            self.table = table
            samplesPerUnit = Int(table.plan.samplesPerUnit)
            formatParameters = table.formatParameters
        } else {
            let live = try makeLive()
            self.live = live
            samplesPerUnit = live.samplesPerUnit
            formatParameters = live.formatParameters
        }
    }

    /// Whether units come from the table now.
    public var isReplaying: Bool { table != nil }

    /// The plan of the table replayed, once it is.
    public var plan: AudioReplayPlan? { table?.plan }

    public func encodeUnit<Result>(
        firstSample: Int64, wallClockNanos: Int64, _ body: ([UnsafeRawBufferPointer]) throws -> Result
    ) throws -> Result? {
        if table == nil, mayReplay {
            switch lookup() {
            case .ready(let ready) where Int(ready.plan.samplesPerUnit) == samplesPerUnit:
                table = ready
                live = nil
            case .building:
                break
            default:
                mayReplay = false
            }
        }
        if let table { return try body(table.parts(ofSample: firstSample)) }
        return try live?.encodeUnit(firstSample: firstSample, wallClockNanos: wallClockNanos, body)
    }
}
