import Spelling

/// The accepted range of every bounded setting, shared by file decoding and
/// command-line overrides. Each check returns a message, or nil when the value
/// is acceptable.
enum Limits {
    static let maxFPS = 240.0
    static let maxWidth = 7680
    static let maxHeight = 4320
    static let maxBitrateKbps = 1_000_000
    static let crfRange = 0.0...51.0
    static let mtuRange = 576...9000
    static let portRange = 0...65535
    static let templateCountRange = 1...10_000
    static let sessionTimeoutRange = 1...86_400
    static let headerTimeoutRange = 0...3_600
    static let idleTimeoutRange = 0...86_400
    static let connectionsPerAddressRange = 0...1_000_000
    static let idleStopRange = 0.0...86_400.0

    static func fps(_ value: Double) -> String? {
        value > 0 && value <= maxFPS ? nil : "fps must be greater than 0 and at most \(Int(maxFPS)), got \(format(value))"
    }

    /// Width or height: positive, even (4:2:0 chroma is subsampled by 2), and within 8K UHD.
    static func dimension(_ name: String, _ value: Int) -> String? {
        let maximum = name == "width" ? maxWidth : maxHeight
        if value <= 0 || value > maximum {
            return "\(name) must be between 2 and \(maximum) (8K UHD is \(maxWidth)x\(maxHeight)), got \(value)"
        }
        if value % 2 != 0 {
            return "\(name) must be even for 4:2:0 chroma subsampling, got \(value)"
        }
        return nil
    }

    static func bitrate(kbps: Int) -> String? {
        kbps > 0 && kbps <= maxBitrateKbps
            ? nil : "bitrate must be greater than 0 and at most \(maxBitrateKbps / 1000)M, got \(kbps)k"
    }

    static func crf(_ value: Double) -> String? {
        crfRange.contains(value) ? nil : "crf must be between 0 and 51, got \(format(value))"
    }

    static func gop(_ value: Int) -> String? {
        value >= 1 ? nil : "gop must be at least 1 frame, got \(value)"
    }

    /// A loop stream's length: from one second (a GOP of at most a second fits) to ten
    /// minutes (what memory holds for it grows with the length).
    static let loopSecondsRange = 1.0...600.0

    static func loopSeconds(_ value: Double) -> String? {
        loopSecondsRange.contains(value) ? nil : "loop must be between 1s and 10m, got \(format(value))s"
    }

    static func port(_ value: Int) -> String? {
        portRange.contains(value) ? nil : "port must be between 0 and 65535, got \(value)"
    }

    static func mtu(_ value: Int) -> String? {
        if value < mtuRange.lowerBound {
            return "mtu must be at least 576, the smallest datagram every IPv4 host must accept, got \(value)"
        }
        if value > mtuRange.upperBound {
            return "mtu must be at most 9000, the usual jumbo-frame limit, got \(value)"
        }
        return nil
    }

    static func templateCount(_ value: Int) -> String? {
        templateCountRange.contains(value) ? nil : "count must be between 1 and 10000, got \(value)"
    }

    static func sessionTimeout(_ value: Int) -> String? {
        sessionTimeoutRange.contains(value)
            ? nil : "session_timeout must be between 1 and 86400 seconds, got \(value)"
    }

    static func headerTimeout(_ value: Int) -> String? {
        headerTimeoutRange.contains(value)
            ? nil : "header_timeout must be between 0 (no limit) and 3600 seconds, got \(value)"
    }

    static func idleTimeout(_ value: Int) -> String? {
        idleTimeoutRange.contains(value)
            ? nil : "idle_timeout must be between 0 (no limit) and 86400 seconds, got \(value)"
    }

    static func connectionsPerAddress(_ value: Int) -> String? {
        connectionsPerAddressRange.contains(value)
            ? nil : "max_connections_per_address must be between 0 (no cap) and 1000000, got \(value)"
    }

    static func idleStop(_ value: Double) -> String? {
        idleStopRange.contains(value)
            ? nil : "idle_stop must be between 0 and 86400 seconds, got \(format(value))"
    }

    /// Log levels understood by the server's logger.
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    static func logLevel(_ value: String) -> (message: String, suggestion: String?)? {
        logLevels.contains(value) ? nil : (
            "unknown log level '\(value)'; valid levels: \(logLevels.joined(separator: ", "))",
            Spelling.didYouMean(value, in: logLevels)
        )
    }

    /// Longest control token accepted: comfortably more than any generated secret.
    static let controlTokenMaxLength = 1024

    /// A control token is sent as `Authorization: Bearer <token>`: visible ASCII, no spaces.
    static func controlToken(_ value: String) -> String? {
        if value.isEmpty { return "control_token must not be empty" }
        if value.utf8.count > controlTokenMaxLength {
            return "control_token must be at most \(controlTokenMaxLength) bytes"
        }
        if value.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            return "control_token must be visible ASCII characters without spaces"
        }
        return nil
    }

    /// Whole numbers without a trailing `.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
