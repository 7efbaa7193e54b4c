import Hummingbird
import Snapshots

/// The query of `GET /api/v1/cameras/{path}/snapshot.jpg`: which stream (`stream=sub`,
/// default the main one) and an optional width to shrink to (`width=320`).
struct SnapshotQuery: Equatable {
    var stream: String?
    var width: Int?

    /// Reads the query; a width that is not a whole number in `SnapshotScale.allowedWidths`
    /// or an empty stream name is a 400.
    init(_ parameters: Parameters) throws {
        if let raw = parameters.get("width") {
            guard let width = Int(raw), SnapshotScale.allowedWidths.contains(width) else {
                let limits = SnapshotScale.allowedWidths
                throw ControlError.badRequest(
                    "width must be a whole number of pixels from \(limits.lowerBound) to \(limits.upperBound), not '\(raw)'")
            }
            self.width = width
        }
        if let name = parameters.get("stream") {
            guard !name.isEmpty else { throw ControlError.badRequest("stream must name one of the camera's streams") }
            stream = name
        }
    }
}
