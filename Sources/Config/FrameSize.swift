import Foundation

/// A picture size in pixels, written `WIDTHxHEIGHT` (e.g. `1280x720`).
struct FrameSize: Equatable {
    var width: Int
    var height: Int

    /// Parses `1280x720` (also `1280X720` or `1280×720`); nil if malformed.
    init?(text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces)
            .split(whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" })
        guard parts.count == 2,
              let width = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let height = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { return nil }
        self.width = width
        self.height = height
    }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
