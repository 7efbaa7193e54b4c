import Cameras
import Config

extension RecordingArchive {
    /// A camera's `recording:` as the server plays it.
    init(_ recording: RecordingConfig) {
        let end: Int64? = switch recording.end {
        case .growing: nil
        case .at(let unixNanoseconds): unixNanoseconds
        }
        self.init(
            startNanoseconds: recording.startNanoseconds, endNanoseconds: end,
            gaps: recording.gaps.map { $0.startNanoseconds..<$0.endNanoseconds }, loops: recording.loop)
    }
}
