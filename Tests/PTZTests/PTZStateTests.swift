import PTZ
import Testing

@Suite struct PTZStateTests {
    static let second: Int64 = 1_000_000_000
    /// An arbitrary start, so no test leans on a zero clock.
    static let t0: Int64 = 1_795_687_200 * second

    static func head(_ settings: PTZSettings = PTZSettings()) -> PTZState { PTZState(settings: settings) }

    @Test func startsAtHome() {
        let state = Self.head(PTZSettings(home: PTZVector(pan: 0.5, tilt: -0.5, zoom: 0.25)))
        #expect(state.position(at: Self.t0) == PTZVector(pan: 0.5, tilt: -0.5, zoom: 0.25))
        #expect(!state.isPanTiltMoving(at: Self.t0) && !state.isZoomMoving(at: Self.t0))
    }

    @Test func absoluteMoveIsLinearAndPanTiltArriveTogether() throws {
        var state = Self.head(PTZSettings(speed: 1))
        try state.absoluteMove(panTilt: (0.5, -0.25), zoom: 0.5, now: Self.t0)
        // Pan has the longer way (0.5 at 1/s): 0.5 s; tilt covers its 0.25 in the same time.
        let quarter = state.position(at: Self.t0 + Self.second / 4)
        #expect(quarter.pan == 0.25)
        #expect(quarter.tilt == -0.125)
        #expect(quarter.zoom == 0.25)
        #expect(state.isPanTiltMoving(at: Self.t0 + Self.second / 4))
        #expect(state.position(at: Self.t0 + Self.second / 2) == PTZVector(pan: 0.5, tilt: -0.25, zoom: 0.5))
        #expect(!state.isPanTiltMoving(at: Self.t0 + Self.second / 2))
        #expect(!state.isZoomMoving(at: Self.t0 + Self.second / 2))
        #expect(state.position(at: Self.t0 + 100 * Self.second) == PTZVector(pan: 0.5, tilt: -0.25, zoom: 0.5))
    }

    @Test func speedSlowsTheMove() throws {
        var state = Self.head(PTZSettings(speed: 2))
        try state.absoluteMove(panTilt: (1, 0), zoom: nil, speed: PTZSpeedRequest(panTilt: 0.25), now: Self.t0)
        // 2 units/s × 0.25 = 0.5 units/s: 1 unit takes 2 s.
        #expect(state.position(at: Self.t0 + Self.second).pan == 0.5)
        #expect(state.isPanTiltMoving(at: Self.t0 + Self.second))
        #expect(!state.isPanTiltMoving(at: Self.t0 + 2 * Self.second))
        #expect(throws: PTZError.invalidSpeed) { try state.absoluteMove(panTilt: (0, 0), zoom: nil, speed: PTZSpeedRequest(panTilt: 1.5), now: Self.t0) }
    }

    @Test func absoluteMoveOutsideTheSpacesIsRefusedAndChangesNothing() {
        var state = Self.head()
        let before = state
        #expect(throws: PTZError.invalidPosition(PTZVector(pan: 1.5, tilt: 0, zoom: 0))) {
            try state.absoluteMove(panTilt: (1.5, 0), zoom: nil, now: Self.t0)
        }
        #expect(throws: PTZError.self) { try state.absoluteMove(panTilt: nil, zoom: -0.1, now: Self.t0) }
        #expect(throws: PTZError.self) { try state.absoluteMove(panTilt: (.nan, 0), zoom: nil, now: Self.t0) }
        #expect(state == before)
    }

    @Test func zoomAloneLeavesPanTiltMoving() throws {
        var state = Self.head()
        try state.absoluteMove(panTilt: (1, 1), zoom: nil, now: Self.t0)
        try state.absoluteMove(panTilt: nil, zoom: 1, now: Self.t0 + Self.second / 2)
        #expect(state.position(at: Self.t0 + Self.second) == PTZVector(pan: 1, tilt: 1, zoom: 0.5))
        #expect(state.position(at: Self.t0 + 3 * Self.second / 2) == PTZVector(pan: 1, tilt: 1, zoom: 1))
    }

    @Test func continuousMoveRunsUntilTheTimeout() throws {
        var state = Self.head(PTZSettings(speed: 1))
        try state.continuousMove(panTilt: (0.5, 0), zoom: nil, timeout: Self.second, now: Self.t0)
        #expect(state.position(at: Self.t0 + Self.second / 2).pan == 0.25)
        #expect(state.isPanTiltMoving(at: Self.t0 + Self.second / 2))
        #expect(state.position(at: Self.t0 + Self.second).pan == 0.5)
        #expect(state.position(at: Self.t0 + 5 * Self.second).pan == 0.5)
        #expect(!state.isPanTiltMoving(at: Self.t0 + Self.second))
    }

    @Test func continuousMoveStopsAtTheBorder() throws {
        var state = Self.head(PTZSettings(speed: 1))
        try state.continuousMove(panTilt: (-1, 1), zoom: 1, timeout: nil, now: Self.t0)
        // The default timeout is 10 s; the border is 1 s away on each axis.
        #expect(state.position(at: Self.t0 + Self.second / 2) == PTZVector(pan: -0.5, tilt: 0.5, zoom: 0.5))
        #expect(state.position(at: Self.t0 + 2 * Self.second) == PTZVector(pan: -1, tilt: 1, zoom: 1))
        #expect(!state.isPanTiltMoving(at: Self.t0 + Self.second) && !state.isZoomMoving(at: Self.t0 + Self.second))
        #expect(throws: PTZError.invalidVelocity) { try state.continuousMove(panTilt: (2, 0), zoom: nil, timeout: nil, now: Self.t0) }
        #expect(throws: PTZError.invalidTimeout) { try state.continuousMove(panTilt: (1, 0), zoom: nil, timeout: -1, now: Self.t0) }
    }

    @Test func stopFreezesOnlyTheNamedAxes() throws {
        var state = Self.head(PTZSettings(speed: 1))
        try state.continuousMove(panTilt: (1, 0), zoom: 1, timeout: nil, now: Self.t0)
        state.stop(panTilt: true, zoom: false, now: Self.t0 + Self.second / 4)
        #expect(state.position(at: Self.t0 + Self.second / 2) == PTZVector(pan: 0.25, tilt: 0, zoom: 0.5))
        #expect(!state.isPanTiltMoving(at: Self.t0 + Self.second / 2))
        #expect(state.isZoomMoving(at: Self.t0 + Self.second / 2))
        state.stop(now: Self.t0 + Self.second / 2)
        #expect(state.position(at: Self.t0 + 3 * Self.second) == PTZVector(pan: 0.25, tilt: 0, zoom: 0.5))
    }

    @Test func relativeMoveStopsAtTheBorder() throws {
        var state = Self.head(PTZSettings(speed: 1))
        try state.relativeMove(panTilt: (0.75, -0.5), zoom: nil, now: Self.t0)
        try state.relativeMove(panTilt: (0.75, 0), zoom: 0.25, now: Self.t0 + 10 * Self.second)
        #expect(state.position(at: Self.t0 + 20 * Self.second) == PTZVector(pan: 1, tilt: -0.5, zoom: 0.25))
        #expect(throws: PTZError.invalidTranslation) { try state.relativeMove(panTilt: (3, 0), zoom: nil, now: Self.t0) }
    }

    @Test func presetsRoundTrip() throws {
        var state = Self.head(PTZSettings(presets: [PTZPreset(token: "door", name: "door", position: PTZVector(pan: -1, tilt: 0, zoom: 1))]))
        try state.absoluteMove(panTilt: (0.5, 0.5), zoom: 0, now: Self.t0)
        let t1 = Self.t0 + 10 * Self.second
        #expect(throws: PTZError.moving) { try state.setPreset(token: nil, name: "early", now: Self.t0) }
        let token = try state.setPreset(token: nil, name: "window", now: t1)
        #expect(token == "Preset_1")
        #expect(state.presets.map(\.name) == ["door", "window"])
        #expect(throws: PTZError.presetExists("door")) { try state.setPreset(token: nil, name: "door", now: t1) }
        #expect(throws: PTZError.invalidPresetName) { try state.setPreset(token: nil, name: "", now: t1) }
        try state.gotoPreset(token: "door", now: t1)
        #expect(state.position(at: t1 + 10 * Self.second) == PTZVector(pan: -1, tilt: 0, zoom: 1))
        try state.gotoPreset(token: token, now: t1 + 10 * Self.second)
        #expect(state.position(at: t1 + 20 * Self.second) == PTZVector(pan: 0.5, tilt: 0.5, zoom: 0))
        // Overwrite in place keeps the token and the name.
        #expect(try state.setPreset(token: "door", name: nil, now: t1 + 20 * Self.second) == "door")
        #expect(state.presets.first?.position == PTZVector(pan: 0.5, tilt: 0.5, zoom: 0))
        try state.removePreset(token: token)
        #expect(state.presets.map(\.token) == ["door"])
        #expect(throws: PTZError.noToken(token)) { try state.removePreset(token: token) }
        #expect(throws: PTZError.noToken("nope")) { try state.gotoPreset(token: "nope", now: t1) }
        // Tokens are not reused.
        #expect(try state.setPreset(token: nil, name: nil, now: t1 + 20 * Self.second) == "Preset_2")
    }

    @Test func presetsAreBounded() throws {
        var state = Self.head()
        for _ in 0..<PTZSettings.maxPresets { _ = try state.setPreset(token: nil, name: nil, now: Self.t0) }
        #expect(throws: PTZError.tooManyPresets) { try state.setPreset(token: nil, name: nil, now: Self.t0) }
    }

    @Test func homeIsSetAndVisited() throws {
        var state = Self.head()
        try state.absoluteMove(panTilt: (-0.5, 0.5), zoom: 0.5, now: Self.t0)
        state.setHome(now: Self.t0 + 5 * Self.second)
        try state.absoluteMove(panTilt: (1, 1), zoom: 1, now: Self.t0 + 5 * Self.second)
        state.gotoHome(now: Self.t0 + 10 * Self.second)
        #expect(state.isPanTiltMoving(at: Self.t0 + 10 * Self.second + 1))
        #expect(state.position(at: Self.t0 + 20 * Self.second) == PTZVector(pan: -0.5, tilt: 0.5, zoom: 0.5))
    }

    @Test func viewportMapsPositionToCanvas() {
        let settings = PTZSettings(canvas: 2, maxZoom: 4)
        #expect(settings.viewport(for: .origin) == PTZViewport(x: 0.25, y: 0.25, width: 0.5, height: 0.5))
        #expect(settings.viewport(for: PTZVector(pan: -1, tilt: 1, zoom: 0)) == PTZViewport(x: 0, y: 0, width: 0.5, height: 0.5))
        #expect(settings.viewport(for: PTZVector(pan: 1, tilt: -1, zoom: 0)) == PTZViewport(x: 0.5, y: 0.5, width: 0.5, height: 0.5))
        // Zoom 1 is 4×: an eighth of the canvas, centred.
        #expect(settings.viewport(for: PTZVector(pan: 0, tilt: 0, zoom: 1)) == PTZViewport(x: 0.4375, y: 0.4375, width: 0.125, height: 0.125))
    }

    @Test func positionsPrintWithThreeDecimals() {
        #expect(PTZVector(pan: 0.25, tilt: -0.1, zoom: 0.5).description == "pan=0.250 tilt=-0.100 zoom=0.500")
        #expect(PTZVector.format(-0.0001) == "0.000")
        #expect(PTZVector.format(-1) == "-1.000")
        #expect(PTZVector.format(0.9996) == "1.000")
    }
}
