import Foundation
import Spelling

/// A fault profile read from a URL query, with the seed it asked for.
public struct FaultQuery: Sendable, Equatable {
    public var profile: FaultProfile
    /// `seed=` when given: the viewer's fault decisions then repeat across runs.
    public var seed: UInt64?

    public init(profile: FaultProfile, seed: UInt64? = nil) {
        self.profile = profile
        self.seed = seed
    }
}

extension FaultProfile {
    /// Parameters that only the URL form has (the YAML form uses mappings instead).
    static let queryOnlyKeys = [
        "profile", "seed", "burst_loss", "mean_burst", "reorder_hold", "reorder_gap", "corrupt_bits",
        "queue", "bucket", "outage_at", "outage_for", "outage_every", "freeze_at", "freeze_for",
        "respond", "timestamp_jump_at", "timestamp_jump_by", "payload_type_at", "payload_type",
    ]

    /// Faults that act on the camera's one encoder, which every viewer shares, so a URL
    /// or SET_PARAMETER cannot give them to one viewer; the configuration can.
    static let cameraWideQueryKeys: [String: String] = [
        "gop": "gop (a long GOP)",
        "frozen_at": "a frozen picture",
        "frozen_for": "a frozen picture",
        "resolution_change": "a resolution change",
    ]

    /// Faults of the camera's ONVIF device, which no RTSP viewer's URL can carry.
    static let onvifDeviceKeys: Set<String> = [
        "onvif_fault", "onvif_slow", "onvif_clock_skew", "discovery_silent", "discovery_duplicates",
        "events_stop_after", "events_late", "subscription_expires_after",
    ]

    /// Every parameter name the URL form accepts.
    public static var queryKeys: [String] {
        FaultKeys.scalar.map(\.name).filter { cameraWideQueryKeys[$0] == nil && !onvifDeviceKeys.contains($0) } + queryOnlyKeys
    }

    /// Reads fault parameters from a URL query, e.g.
    /// `?profile=lte&loss=5&jitter=30ms&delay=100ms&seed=7`.
    ///
    /// - Probabilities are percentages: `loss=5` and `loss=5%` both mean 5 %.
    /// - `profile=NAME` starts from that profile (looked up in `catalog`, then
    ///   the presets); the other parameters override it, whatever their order.
    /// - `burst_loss=2&mean_burst=4`; `reorder=10&reorder_hold=30ms&reorder_gap=5`;
    ///   `corrupt=1&corrupt_bits=3`; `bandwidth=2mbit&queue=100ms&bucket=16KB`;
    ///   `outage_at=10s&outage_for=5s[&outage_every=60s]`; `freeze_at`/`freeze_for`;
    ///   `timestamp_jump_at=20s&timestamp_jump_by=-2s`; `payload_type_at=30s&payload_type=97`;
    ///   `respond=SETUP:503,GET_PARAMETER:454`.
    /// - Faults that change the camera's shared encoder (`gop`, a frozen picture, a
    ///   resolution change) are refused, also inside a `profile=`: they belong in the
    ///   camera's configuration.
    /// - `-` and `_` are interchangeable in names; names are case-insensitive.
    ///
    /// Parameters that are not about faults must be removed by the caller first.
    /// An unknown parameter or bad value throws; the error's description is the
    /// reason, fit for a 400 response.
    public static func parse(
        query: [(name: String, value: String)], catalog: [String: FaultProfile] = [:]
    ) throws(FaultProfileError) -> FaultQuery {
        var problems: [FaultProblem] = []
        func fail(_ key: String, _ message: String, suggestion: String? = nil) {
            problems.append(FaultProblem(key: key, message: message, suggestion: suggestion))
        }
        var values: [(String, String)] = []
        var seen = Set<String>()
        for (rawName, value) in query {
            let name = rawName.lowercased().replacingOccurrences(of: "-", with: "_")
            if let what = cameraWideQueryKeys[name] {
                fail(rawName, "\(what) changes the camera's encoder, which every viewer shares; "
                     + "set it in the camera's faults in the configuration, not in a URL")
                continue
            }
            if onvifDeviceKeys.contains(name) {
                fail(rawName, "\(name) is a fault of the camera's ONVIF device, not of an RTSP viewer; "
                     + "set it in the camera's faults in the configuration or through the control API")
                continue
            }
            guard FaultKeys.scalarByName[name] != nil || queryOnlyKeys.contains(name) else {
                fail(rawName, "unknown fault parameter '\(rawName)'",
                     suggestion: Spelling.didYouMean(name, in: queryKeys))
                continue
            }
            guard seen.insert(name).inserted else {
                fail(rawName, "fault parameter '\(name)' is given twice")
                continue
            }
            values.append((name, value))
        }
        let byName = Dictionary(values, uniquingKeysWith: { first, _ in first })

        var profile = FaultProfile.empty
        var seed: UInt64?
        if let name = byName["profile"] {
            if let base = catalog[name] ?? FaultPresets.named[name] {
                let cameraWide = base.media.cameraWideFaultNames
                if cameraWide.isEmpty {
                    profile = base
                } else {
                    fail("profile", "profile '\(name)' has faults that change the camera's shared encoder ("
                         + cameraWide.joined(separator: ", ") + "); give them to the camera in the configuration")
                }
            } else {
                fail("profile", "unknown fault profile '\(name)'",
                     suggestion: Spelling.didYouMean(name, in: catalog.keys.sorted() + FaultPresets.names))
            }
        }
        if let text = byName["seed"] {
            if let value = UInt64(text) { seed = value } else { fail("seed", "seed must be a whole number 0–18446744073709551615, got '\(text)'") }
        }
        for (name, text) in values {
            guard let key = FaultKeys.scalarByName[name] else { continue }
            if !key.apply(&profile, text, true) {
                fail(name, "\(name) must be \(FaultKeys.expected(key, url: true)), got '\(text)'")
            }
        }

        func duration(_ name: String, bare: Int64, allowNegative: Bool = false) -> Int64? {
            guard let text = byName[name] else { return nil }
            guard let value = FaultValues.duration(text, bareUnit: bare, allowNegative: allowNegative) else {
                let expected = bare == FaultTime.millisecond ? FaultKeys.msDuration : FaultKeys.sDuration
                fail(name, "\(name) must be \(expected), got '\(text)'")
                return nil
            }
            return value
        }
        func integer(_ name: String, _ range: ClosedRange<Int>) -> Int? {
            guard let text = byName[name] else { return nil }
            guard let value = FaultValues.integer(text), range.contains(value) else {
                fail(name, "\(name) must be a whole number \(range.lowerBound)–\(range.upperBound), got '\(text)'")
                return nil
            }
            return value
        }
        func requires(_ name: String, _ other: String) -> Bool {
            guard byName[name] != nil else { return false }
            if byName[other] == nil {
                fail(name, "\(name) needs \(other)")
                return false
            }
            return true
        }

        // Burst loss: rate and mean burst together.
        if let text = byName["burst_loss"] {
            if let rate = FaultValues.probability(text, bareIsPercent: true) {
                if let burstText = byName["mean_burst"] {
                    if let burst = Double(burstText), burst >= 1 {
                        if let parameters = GilbertElliottParameters(lossRate: rate, meanBurst: burst) {
                            profile.network.burstLoss = parameters
                        } else {
                            fail("burst_loss", "no Gilbert channel has \(text)% loss in bursts of \(burstText) packets")
                        }
                    } else {
                        fail("mean_burst", "mean_burst must be a number of packets of at least 1, got '\(burstText)'")
                    }
                } else {
                    fail("burst_loss", "burst_loss needs mean_burst (the mean burst length in packets)")
                }
            } else {
                fail("burst_loss", "burst_loss must be \(FaultKeys.probabilityURL), got '\(text)'")
            }
        } else if byName["mean_burst"] != nil {
            fail("mean_burst", "mean_burst needs burst_loss")
        }

        // Modifiers of reorder, corrupt, bandwidth.
        if requires("reorder_hold", "reorder"), let hold = duration("reorder_hold", bare: FaultTime.millisecond) {
            profile.network.reorder?.hold = hold
        }
        if requires("reorder_gap", "reorder"), let gap = integer("reorder_gap", 0...1_000_000) {
            profile.network.reorder?.gap = gap
        }
        if requires("corrupt_bits", "corrupt"), let bits = integer("corrupt_bits", 1...64) {
            profile.network.corrupt?.bits = bits
        }
        if let text = byName["queue"] {
            if profile.network.bandwidth == nil {
                fail("queue", "queue needs bandwidth")
            } else if let limit = FaultValues.queue(text) {
                profile.network.bandwidth?.queue = limit
            } else {
                fail("queue", "queue must be a duration like 100ms or a size like 64KB, got '\(text)'")
            }
        }
        if let text = byName["bucket"] {
            if profile.network.bandwidth == nil {
                fail("bucket", "bucket needs bandwidth")
            } else if let bytes = FaultValues.bytes(text) {
                profile.network.bandwidth?.burst = bytes
            } else {
                fail("bucket", "bucket must be a size like 1500 or 16KB, got '\(text)'")
            }
        }

        // Windows.
        func window(_ prefix: String, hasEvery: Bool) -> FaultWindow? {
            let atName = "\(prefix)_at", forName = "\(prefix)_for", everyName = "\(prefix)_every"
            let names = hasEvery ? [atName, forName, everyName] : [atName, forName]
            guard names.contains(where: { byName[$0] != nil }) else { return nil }
            guard byName[forName] != nil else {
                fail(forName, "\(prefix) needs \(forName) (how long it lasts)")
                return nil
            }
            let start = duration(atName, bare: FaultTime.second) ?? 0
            guard let length = duration(forName, bare: FaultTime.second) else { return nil }
            var result = FaultWindow(start: start, duration: length)
            if hasEvery, let every = duration(everyName, bare: FaultTime.second) {
                guard every > 0, every >= length else {
                    fail(everyName, "\(everyName) must be greater than 0 and at least \(forName)")
                    return nil
                }
                result.every = every
            }
            return result
        }
        if let outage = window("outage", hasEvery: true) { profile.network.outage = outage }
        if let freeze = window("freeze", hasEvery: false) { profile.media.freeze = freeze }

        // Header rewrites at a time: the time defaults to the start of the session.
        if let by = duration("timestamp_jump_by", bare: FaultTime.millisecond, allowNegative: true) {
            profile.media.timestampJump = TimestampJump(at: duration("timestamp_jump_at", bare: FaultTime.second) ?? 0, offset: by)
        } else if byName["timestamp_jump_at"] != nil, byName["timestamp_jump_by"] == nil {
            fail("timestamp_jump_at", "timestamp_jump_at needs timestamp_jump_by (how far the timestamps jump)")
        }
        if let type = integer("payload_type", 0...127) {
            profile.media.payloadTypeChange = PayloadTypeChange(
                at: duration("payload_type_at", bare: FaultTime.second) ?? 0, payloadType: UInt8(type))
        } else if byName["payload_type_at"] != nil, byName["payload_type"] == nil {
            fail("payload_type_at", "payload_type_at needs payload_type (the new payload type, 0–127)")
        }

        if let text = byName["respond"] {
            var overrides = profile.control.statusOverrides ?? [:]
            for item in text.split(separator: ",") {
                let parts = item.split(separator: ":")
                guard parts.count == 2, let status = Int(parts[1]), FaultKeys.statusRange.contains(status) else {
                    fail("respond", "respond must be METHOD:STATUS[,METHOD:STATUS…] like SETUP:503, got '\(item)'")
                    continue
                }
                let method = parts[0].uppercased()
                guard FaultProfileYAMLBuilder.rtspMethods.contains(method) else {
                    fail("respond", "unknown RTSP method '\(parts[0])'",
                         suggestion: Spelling.didYouMean(method, in: FaultProfileYAMLBuilder.rtspMethods))
                    continue
                }
                overrides[method] = status
            }
            profile.control.statusOverrides = overrides
        }

        if !problems.isEmpty { throw FaultProfileError(problems: problems) }
        return FaultQuery(profile: profile, seed: seed)
    }
}
