/// The virtual head of one camera: where it is and how it moves, as a function of time.
///
/// Each axis is a straight-line motion from where it was to where it is going
/// (``PTZAxisMotion``), so the position at any instant is computed, not stepped: the
/// picture of a frame and a `GetStatus` at the same instant read the same numbers. Commands
/// take the time they happen at (nanoseconds on a clock the owner injects) and replace
/// the motion of the axes they name, starting from where those axes are then.
public struct PTZState: Sendable, Equatable {
    public let settings: PTZSettings
    var pan: PTZAxisMotion
    var tilt: PTZAxisMotion
    var zoom: PTZAxisMotion
    /// The stored presets, in the order they were made.
    public internal(set) var presets: [PTZPreset]
    /// Where `GotoHomePosition` sends the head.
    public internal(set) var home: PTZVector
    /// The number of the next `Preset_N` token made.
    var nextPresetNumber = 1

    /// A head standing at its home position, with the configured presets.
    public init(settings: PTZSettings) {
        self.settings = settings
        let home = settings.home.clamped
        pan = .still(home.pan)
        tilt = .still(home.tilt)
        zoom = .still(home.zoom)
        presets = settings.presets
        self.home = home
    }

    /// The position at `time`.
    public func position(at time: Int64) -> PTZVector {
        PTZVector(pan: pan.value(at: time), tilt: tilt.value(at: time), zoom: zoom.value(at: time))
    }

    /// Whether pan or tilt is moving at `time` (`MoveStatus/PanTilt`).
    public func isPanTiltMoving(at time: Int64) -> Bool { pan.isMoving(at: time) || tilt.isMoving(at: time) }

    /// Whether zoom is moving at `time` (`MoveStatus/Zoom`).
    public func isZoomMoving(at time: Int64) -> Bool { zoom.isMoving(at: time) }

    /// `AbsoluteMove`: pan and tilt (when given) and zoom (when given) go to `target`, pan
    /// and tilt arriving together. Speeds are fractions of full speed, 0…1 (0 or nil: full).
    public mutating func absoluteMove(
        panTilt: (pan: Double, tilt: Double)?, zoom target: Double?, speed: PTZSpeedRequest = PTZSpeedRequest(), now: Int64
    ) throws(PTZError) {
        let here = position(at: now)
        let goal = PTZVector(pan: panTilt?.pan ?? here.pan, tilt: panTilt?.tilt ?? here.tilt, zoom: target ?? here.zoom)
        guard goal.isInRange else { throw .invalidPosition(goal) }
        let rates = try speed.rates(settings.speed)
        if panTilt != nil { movePanTilt(to: goal, from: here, rate: rates.panTilt, now: now) }
        if target != nil { zoom = .move(from: here.zoom, to: goal.zoom, start: now, rate: rates.zoom) }
    }

    /// `RelativeMove`: moves by `translation` from the position now (pan and tilt -2…2,
    /// zoom -1…1); a goal beyond the spaces stops at their border, as the specification asks.
    public mutating func relativeMove(
        panTilt: (pan: Double, tilt: Double)?, zoom delta: Double?, speed: PTZSpeedRequest = PTZSpeedRequest(), now: Int64
    ) throws(PTZError) {
        let translation = -2.0...2.0
        if let panTilt, !translation.contains(panTilt.pan) || !translation.contains(panTilt.tilt) { throw .invalidTranslation }
        if let delta, !(-1.0...1.0).contains(delta) { throw .invalidTranslation }
        let here = position(at: now)
        let goal = PTZVector(
            pan: here.pan + (panTilt?.pan ?? 0), tilt: here.tilt + (panTilt?.tilt ?? 0), zoom: here.zoom + (delta ?? 0)
        ).clamped
        try absoluteMove(
            panTilt: panTilt.map { _ in (goal.pan, goal.tilt) }, zoom: delta.map { _ in goal.zoom }, speed: speed, now: now)
    }

    /// `ContinuousMove`: each axis given a velocity (-1…1, a fraction of full speed) moves
    /// at it until `timeout` has passed or it meets the border of its space; axes not
    /// given keep what they were doing.
    public mutating func continuousMove(
        panTilt velocity: (pan: Double, tilt: Double)?, zoom zoomVelocity: Double?, timeout: Int64?, now: Int64
    ) throws(PTZError) {
        let unit = -1.0...1.0
        if let velocity, !unit.contains(velocity.pan) || !unit.contains(velocity.tilt) { throw .invalidVelocity }
        if let zoomVelocity, !unit.contains(zoomVelocity) { throw .invalidVelocity }
        let timeout = timeout ?? PTZSettings.defaultTimeoutNanoseconds
        guard timeout >= 0, timeout <= PTZSettings.maxTimeoutNanoseconds else { throw .invalidTimeout }
        let seconds = Double(timeout) / 1e9
        let here = position(at: now)
        func motion(_ value: Double, _ v: Double, _ range: ClosedRange<Double>) -> PTZAxisMotion {
            let rate = abs(v) * settings.speed
            let goal = PTZVector.clamp(value + v * settings.speed * seconds, range)
            return .move(from: value, to: goal, start: now, rate: rate)
        }
        if let velocity {
            pan = motion(here.pan, velocity.pan, PTZVector.panTiltRange)
            tilt = motion(here.tilt, velocity.tilt, PTZVector.panTiltRange)
        }
        if let zoomVelocity { zoom = motion(here.zoom, zoomVelocity, PTZVector.zoomRange) }
    }

    /// `Stop`: the named axes stay where they are at `now`.
    public mutating func stop(panTilt: Bool = true, zoom stopZoom: Bool = true, now: Int64) {
        if panTilt {
            pan = .still(pan.value(at: now))
            tilt = .still(tilt.value(at: now))
        }
        if stopZoom { zoom = .still(zoom.value(at: now)) }
    }

    /// `GotoHomePosition`.
    public mutating func gotoHome(speed: PTZSpeedRequest = PTZSpeedRequest(), now: Int64) {
        try? absoluteMove(panTilt: (home.pan, home.tilt), zoom: home.zoom, speed: speed, now: now)
    }

    /// `SetHomePosition`: home becomes the position now.
    public mutating func setHome(now: Int64) {
        home = position(at: now)
    }

    /// Pan and tilt from `here` to `goal`, at `rate` along the longer of the two, so both arrive together.
    private mutating func movePanTilt(to goal: PTZVector, from here: PTZVector, rate: Double, now: Int64) {
        let longer = max(abs(goal.pan - here.pan), abs(goal.tilt - here.tilt))
        let panTiltMove = PTZAxisMotion.move(from: 0, to: longer, start: now, rate: rate)
        pan = PTZAxisMotion(from: here.pan, to: goal.pan, start: now, end: panTiltMove.end)
        tilt = PTZAxisMotion(from: here.tilt, to: goal.tilt, start: now, end: panTiltMove.end)
    }
}

/// The `Speed` of a move: fractions of full speed (`GenericSpeedSpace`, 0…1) for pan and
/// tilt together and for zoom; nil or 0 is full speed.
public struct PTZSpeedRequest: Sendable, Equatable {
    public var panTilt: Double?
    public var zoom: Double?

    public init(panTilt: Double? = nil, zoom: Double? = nil) {
        self.panTilt = panTilt
        self.zoom = zoom
    }

    /// Units per second for pan-tilt and zoom at `full` units per second.
    func rates(_ full: Double) throws(PTZError) -> (panTilt: Double, zoom: Double) {
        func rate(_ fraction: Double?) throws(PTZError) -> Double {
            guard let fraction, fraction != 0 else { return full }
            guard (0...1).contains(fraction) else { throw .invalidSpeed }
            return fraction * full
        }
        return (try rate(panTilt), try rate(zoom))
    }
}
