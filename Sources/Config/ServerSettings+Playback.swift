import Foundation

extension ServerSettings {
    /// `server.max_playback_sessions` when the configuration gives none: two per core,
    /// since each playback session renders and encodes a picture of its own.
    public static var defaultMaxPlaybackSessions: Int {
        2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Bounds of `server.max_playback_sessions`.
    static let playbackSessionsRange = 0...4096

    /// Decodes `max_playback_sessions`, reporting a value outside its bounds at its field.
    static func decodeMaxPlaybackSessions(_ field: YAMLField) -> Int? {
        guard let value = field.int() else { return nil }
        guard playbackSessionsRange.contains(value) else {
            field.fail("max_playback_sessions must be between \(playbackSessionsRange.lowerBound) and \(playbackSessionsRange.upperBound), found \(value)")
            return nil
        }
        return value
    }
}
