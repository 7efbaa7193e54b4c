import Foundation

/// The keys of a fault profile whose value is one scalar, shared by the YAML
/// and URL forms, with the notation each expects and how it sets the profile.
struct ScalarFaultKey: Sendable {
    /// The snake_case key.
    let name: String
    /// The expected notation, for messages: "a percentage like 5% or a fraction like 0.05".
    let expected: String
    /// Parses `text` into `profile`; false when the text does not fit.
    /// `url` is true for URL parameters (bare probabilities are then percentages).
    let apply: @Sendable (_ profile: inout FaultProfile, _ text: String, _ url: Bool) -> Bool
}

enum FaultKeys {
    static let probabilityYAML = "a percentage like 5% or a fraction like 0.05"
    static let probabilityURL = "a percentage like 5 or 5%"
    static let msDuration = "a duration like 200ms or 1.5s (a bare number is milliseconds)"
    static let sDuration = "a duration like 10s, 1.5s or 2m (a bare number is seconds)"

    static func expected(_ key: ScalarFaultKey, url: Bool) -> String {
        key.expected == probabilityYAML && url ? probabilityURL : key.expected
    }

    private static func probability(
        _ name: String, _ set: @escaping @Sendable (inout FaultProfile, Double) -> Void
    ) -> ScalarFaultKey {
        ScalarFaultKey(name: name, expected: probabilityYAML) { profile, text, url in
            guard let value = FaultValues.probability(text, bareIsPercent: url) else { return false }
            set(&profile, value)
            return true
        }
    }

    private static func duration(
        _ name: String, bare: Int64, allowNegative: Bool = false,
        _ set: @escaping @Sendable (inout FaultProfile, Int64) -> Void
    ) -> ScalarFaultKey {
        ScalarFaultKey(name: name, expected: bare == FaultTime.millisecond ? msDuration : sDuration) { profile, text, _ in
            guard let value = FaultValues.duration(text, bareUnit: bare, allowNegative: allowNegative) else {
                return false
            }
            set(&profile, value)
            return true
        }
    }

    private static func bool(_ name: String, _ set: @escaping @Sendable (inout FaultProfile, Bool) -> Void) -> ScalarFaultKey {
        ScalarFaultKey(name: name, expected: "true or false") { profile, text, _ in
            guard let value = FaultValues.bool(text) else { return false }
            set(&profile, value)
            return true
        }
    }

    private static func integer(
        _ name: String, _ range: ClosedRange<Int>, _ set: @escaping @Sendable (inout FaultProfile, Int) -> Void
    ) -> ScalarFaultKey {
        let upper = range.upperBound == .max ? "" : "–\(range.upperBound)"
        let expected = upper.isEmpty ? "a whole number of at least \(range.lowerBound)"
            : "a whole number \(range.lowerBound)\(upper)"
        return ScalarFaultKey(name: name, expected: expected) { profile, text, _ in
            guard let value = FaultValues.integer(text), range.contains(value) else { return false }
            set(&profile, value)
            return true
        }
    }

    /// Every scalar key, in documentation order.
    static let scalar: [ScalarFaultKey] = [
        // Network
        probability("loss") { $0.network.loss = $1 },
        duration("delay", bare: FaultTime.millisecond) { $0.network.delay = $1 },
        duration("jitter", bare: FaultTime.millisecond) { $0.network.jitter = $1 },
        ScalarFaultKey(name: "jitter_distribution", expected: "normal or uniform") { profile, text, _ in
            guard let value = JitterDistribution(rawValue: text.lowercased()) else { return false }
            profile.network.jitterDistribution = value
            return true
        },
        bool("allow_reorder") { $0.network.allowReorder = $1 },
        probability("reorder") { profile, value in
            var spec = profile.network.reorder ?? ReorderSpec(probability: value)
            spec.probability = value
            profile.network.reorder = spec
        },
        probability("duplicate") { $0.network.duplicate = $1 },
        probability("corrupt") { profile, value in
            var spec = profile.network.corrupt ?? CorruptionSpec(probability: value)
            spec.probability = value
            profile.network.corrupt = spec
        },
        ScalarFaultKey(name: "bandwidth", expected: "a bit rate like 2mbit, 500kbit or 2M") { profile, text, _ in
            guard let rate = FaultValues.bitrate(text) else { return false }
            var spec = profile.network.bandwidth ?? BandwidthSpec(rate: rate)
            spec.rate = rate
            profile.network.bandwidth = spec
            return true
        },
        bool("apply_to_rtcp") { $0.network.applyToRTCP = $1 },
        // Media
        probability("drop_frames") { $0.media.dropFrames = $1 },
        integer("drop_every", 1...Int.max) { $0.media.dropEvery = $1 },
        probability("drop_idr") { $0.media.dropIDR = $1 },
        bool("suppress_idr_on_join") { $0.media.suppressIDROnJoin = $1 },
        integer("gop", 1...100_000) { $0.media.gopOverride = $1 },
        bool("strip_parameter_sets") { $0.media.stripParameterSets = $1 },
        ScalarFaultKey(name: "rtcp_drift_ppm", expected: "parts per million, -100000 to 100000") { profile, text, _ in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), abs(value) <= 100_000 else {
                return false
            }
            profile.media.rtcpDriftPPM = value
            return true
        },
        ScalarFaultKey(name: "declared_fps", expected: "a frame rate greater than 0, at most 240") { profile, text, _ in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value <= 240 else {
                return false
            }
            profile.media.declaredFrameRate = value
            return true
        },
        duration("ssrc_change", bare: FaultTime.second) { $0.media.ssrcChangeAt = $1 },
        ScalarFaultKey(name: "audio_offset", expected: "a duration like 200ms or -0.5s, within ±60s (a bare number is milliseconds)") { profile, text, _ in
            guard let value = FaultValues.duration(text, bareUnit: FaultTime.millisecond, allowNegative: true),
                  abs(value) <= 60 * FaultTime.second
            else { return false }
            profile.media.audioOffset = value
            return true
        },
        ScalarFaultKey(name: "audio_drift_ppm", expected: "parts per million, -100000 to 100000") { profile, text, _ in
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, abs(value) <= 100_000 else {
                return false
            }
            profile.media.audioDriftPPM = value
            return true
        },
        // Control
        bool("offline") { $0.control.offline = $1 },
        duration("reset_connection_after", bare: FaultTime.second) { $0.control.resetConnectionAfter = $1 },
        duration("response_delay", bare: FaultTime.millisecond) { $0.control.responseDelay = $1 },
        duration("response_jitter", bare: FaultTime.millisecond) { $0.control.responseJitter = $1 },
        ScalarFaultKey(name: "deny_transport", expected: "udp, tcp or udp,tcp") { profile, text, _ in
            var kinds = Set<TransportKind>()
            for part in text.split(separator: ",") {
                guard let kind = TransportKind(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    return false
                }
                kinds.insert(kind)
            }
            guard !kinds.isEmpty else { return false }
            profile.control.deniedTransports = kinds
            return true
        },
        duration("close_session_after", bare: FaultTime.second) { $0.control.closeSessionAfter = $1 },
        bool("no_rtcp") { $0.control.noRTCP = $1 },
        integer("max_viewers", 0...100_000) { $0.control.maxViewers = $1 },
        ScalarFaultKey(name: "max_viewers_status", expected: "453 or 503") { profile, text, _ in
            guard let value = FaultValues.integer(text), value == 453 || value == 503 else { return false }
            profile.control.maxViewersStatus = value
            return true
        },
        // Authentication
        duration("auth_stale_every", bare: FaultTime.second) { $0.control.auth.staleEvery = $1 },
        integer("auth_reject_first", 0...1000) { $0.control.auth.rejectFirst = $1 },
        duration("auth_realm_change_at", bare: FaultTime.second) { $0.control.auth.realmChangeAt = $1 },
        duration("auth_reauth_after", bare: FaultTime.second) { $0.control.auth.reauthAfter = $1 },
        integer("auth_lockout_after", 1...1000) { $0.control.auth.lockoutAfter = $1 },
        duration("auth_lockout_for", bare: FaultTime.second) { $0.control.auth.lockoutFor = $1 },
        ScalarFaultKey(name: "auth_challenge", expected: "missing_nonce or unknown_algorithm") { profile, text, _ in
            guard let value = AuthFaultProfile.ChallengeDefect(rawValue: text.lowercased()) else { return false }
            profile.control.auth.challengeDefect = value
            return true
        },
        ScalarFaultKey(name: "auth_only", expected: "basic or sha256") { profile, text, _ in
            guard let value = AuthFaultProfile.OnlyScheme(rawValue: text.lowercased()) else { return false }
            profile.control.auth.only = value
            return true
        },
        // ONVIF
        ScalarFaultKey(name: "onvif_fault", expected: "operation names like GetProfiles, comma-separated, or *") { profile, text, _ in
            let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy({ $0 == "*" || (!$0.isEmpty && $0.count <= 64 && $0.allSatisfy(\.isLetter)) })
            else { return false }
            profile.control.onvif.faultOperations = Set(names)
            return true
        },
        duration("onvif_slow", bare: FaultTime.millisecond) { $0.control.onvif.slow = $1 },
        duration("onvif_clock_skew", bare: FaultTime.second, allowNegative: true) { $0.control.onvif.clockSkew = $1 },
        bool("discovery_silent") { $0.control.onvif.discoverySilent = $1 },
        integer("discovery_duplicates", 1...10) { $0.control.onvif.discoveryDuplicates = $1 },
        duration("events_stop_after", bare: FaultTime.second) { $0.control.onvif.eventsStopAfter = $1 },
        duration("events_late", bare: FaultTime.second) { $0.control.onvif.eventsLate = $1 },
        duration("subscription_expires_after", bare: FaultTime.second) { $0.control.onvif.subscriptionExpiresAfter = $1 },
    ]

    static let scalarByName: [String: ScalarFaultKey] = Dictionary(uniqueKeysWithValues: scalar.map { ($0.name, $0) })

    /// Keys that take a mapping in YAML (some also take a scalar).
    static let structured = [
        "burst_loss", "reorder", "corrupt", "bandwidth", "outage", "freeze", "frozen_picture",
        "resolution_change", "timestamp_jump", "payload_type_change", "reboot", "respond",
        "deny_transport", "schedule", "preset", "queue", "bucket",
    ]

    /// Every key a YAML profile may have.
    static let allYAML: [String] = {
        var keys = scalar.map(\.name)
        for key in structured where !keys.contains(key) { keys.append(key) }
        return keys
    }()

    /// RTSP status codes a `respond` entry may use.
    static let statusRange = 300...599
}
