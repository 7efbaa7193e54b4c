/// A loop's encoded access units, kept compactly: every NAL unit (or JPEG frame) of every
/// frame in one contiguous buffer, with offsets saying where each unit and each frame
/// begins. Immutable once built and shared by every camera that replays it.
public final class EncodedLoop: @unchecked Sendable {
    /// The SDP format parameters of the encoder that recorded the loop (SPS and PPS).
    public let formatParameters: SourceFormatParameters
    /// The frames a decoder can start from (IDR or IRAP), ascending; the first is 0.
    public let randomAccessFrames: [Int]
    /// Frames in the loop.
    public let frameCount: Int
    private let storage: UnsafeMutableRawBufferPointer
    /// Unit `u` is `storage[unitOffsets[u] ..< unitOffsets[u + 1]]`.
    private let unitOffsets: [Int]
    /// Frame `f`'s units are `frameUnits[f] ..< frameUnits[f + 1]`.
    private let frameUnits: [Int]

    init(recording: LoopRecording, formatParameters: SourceFormatParameters) {
        self.formatParameters = formatParameters
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, recording.bytes.count), alignment: 1)
        recording.bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        self.storage = storage
        unitOffsets = Array(recording.unitOffsets)
        frameUnits = Array(recording.frameUnits)
        randomAccessFrames = Array(recording.randomAccessFrames)
        frameCount = recording.frameCount
    }

    deinit { storage.deallocate() }

    /// Octets of encoded media the loop holds.
    public var byteCount: Int { unitOffsets.last ?? 0 }

    /// Octets the loop occupies, its offsets included.
    public var memoryFootprint: Int {
        byteCount + (unitOffsets.count + frameUnits.count + randomAccessFrames.count) * MemoryLayout<Int>.stride
    }

    /// Replaces `units` with views of frame `frame`'s units; the views stay valid while the loop lives.
    public func units(of frame: Int, into units: inout [UnsafeRawBufferPointer]) {
        units.removeAll(keepingCapacity: true)
        let base = UnsafeRawPointer(storage.baseAddress!)
        for unit in frameUnits[frame]..<frameUnits[frame + 1] {
            let start = unitOffsets[unit]
            units.append(UnsafeRawBufferPointer(start: base + start, count: unitOffsets[unit + 1] - start))
        }
    }

    /// Whether frame `frame` is one a decoder can start from.
    public func isRandomAccess(_ frame: Int) -> Bool {
        randomAccessFrames.contains(frame)
    }
}

/// A loop as it is being recorded: units appended frame by frame into one growing buffer.
struct LoopRecording: Sendable {
    var bytes: [UInt8] = []
    var unitOffsets: [Int] = [0]
    var frameUnits: [Int] = [0]
    var randomAccessFrames: [Int] = []

    var frameCount: Int { frameUnits.count - 1 }

    /// Appends one frame's units.
    mutating func append(_ units: [UnsafeRawBufferPointer], randomAccess: Bool) {
        if randomAccess { randomAccessFrames.append(frameCount) }
        for unit in units {
            bytes.append(contentsOf: unit)
            unitOffsets.append(bytes.count)
        }
        frameUnits.append(unitOffsets.count - 1)
    }
}
