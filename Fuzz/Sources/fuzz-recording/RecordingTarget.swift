import Config
import FuzzSupport

/// A camera's `recording:` block: decoding either names at least one problem under
/// `recording`, or gives a recording whose gaps are sorted, disjoint and inside it, and
/// whose end comes after its start and no later than the load time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecording(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    let now: Int64 = 1_795_608_000_000_000_000
    let recording: RecordingConfig
    do {
        recording = try RecordingConfig.parse(yaml: text, file: "fuzz.yaml", now: now)
    } catch {
        invariant(!error.problems.isEmpty, "a refusal without a problem")
        invariant(error.problems.allSatisfy { $0.keyPath.isEmpty || $0.keyPath.hasPrefix("recording") },
                  "a problem outside the recording")
        return 0
    }
    let end: Int64
    switch recording.end {
    case .growing: end = now
    case .at(let value): end = value
    }
    invariant(recording.startNanoseconds < end && end <= now, "a recording that ends before it starts or after now")
    var previousEnd = recording.startNanoseconds
    for gap in recording.gaps {
        invariant(gap.startNanoseconds >= previousEnd && gap.startNanoseconds < gap.endNanoseconds && gap.endNanoseconds <= end,
                  "gaps out of order, overlapping or outside the recording")
        previousEnd = gap.endNanoseconds
    }
    return 0
}
