import Testing
@testable import Faults

@Suite("Media faults")
struct MediaFaultTests {
    /// 30 fps frames with an IDR every `gop` frames.
    func frames(_ count: Int, gop: Int = 30) -> [FrameInfo] {
        (0..<count).map { FrameInfo(index: $0, isIDR: $0 % gop == 0, rtpTimestamp: UInt32($0 * 3000)) }
    }

    func decideAll(_ model: inout MediaFaultModel, _ frames: [FrameInfo]) -> [FrameFate] {
        frames.map { model.decide(frame: $0, at: Int64($0.index) * sec / 30) }
    }

    @Test func dropEveryNth() {
        var model = MediaFaultModel(profile: MediaFaultProfile(dropEvery: 10), seed: 1)
        let fates = decideAll(&model, frames(100))
        #expect(fates.indices.filter { fates[$0] == .drop(.everyNth) } == [9, 19, 29, 39, 49, 59, 69, 79, 89, 99])
    }

    @Test func randomFrameDrops() {
        var model = MediaFaultModel(profile: MediaFaultProfile(dropFrames: 0.1), seed: 1)
        let fates = decideAll(&model, frames(20_000))
        let dropped = fates.filter { $0 == .drop(.random) }.count
        #expect(abs(Double(dropped) / 20_000 - 0.1) < 0.01)
        #expect(model.counters.dropped[.random] == dropped)
    }

    @Test func idrLossTakesTheWholeGOP() {
        var model = MediaFaultModel(profile: MediaFaultProfile(dropIDR: 0.5), seed: 3)
        let fates = decideAll(&model, frames(3000))
        for gop in stride(from: 0, to: 3000, by: 30) {
            let slice = fates[gop..<gop + 30]
            #expect(slice.allSatisfy { $0 == .drop(.idrLoss) } || slice.allSatisfy { $0 == .send })
        }
        let lostGOPs = stride(from: 0, to: 3000, by: 30).filter { fates[$0] == .drop(.idrLoss) }.count
        #expect(lostGOPs > 30 && lostGOPs < 70)
    }

    @Test func freezeAndFrozenPicture() {
        let profile = MediaFaultProfile(freeze: FaultWindow(start: 1 * sec, duration: 1 * sec),
                                        frozenPicture: FaultWindow(start: 3 * sec, duration: 1 * sec))
        var model = MediaFaultModel(profile: profile, seed: 1, origin: 0)
        let fates = decideAll(&model, frames(150))
        #expect(fates[29] == .send)
        #expect(fates[30...59].allSatisfy { $0 == .drop(.freeze) })
        #expect(fates[60] == .send)
        #expect(fates[90...119].allSatisfy { $0 == .repeatPrevious })
        #expect(fates[120] == .send)
    }

    @Test func describedFaults() {
        let profile = MediaFaultProfile(
            suppressIDROnJoin: true, gopOverride: 600, stripParameterSets: true,
            resolutionChange: ResolutionChange(at: 10 * sec, width: 640, height: 360),
            timestampJump: TimestampJump(at: 20 * sec, offset: -500 * ms),
            rtcpDriftPPM: 100, declaredFrameRate: 25, ssrcChangeAt: 30 * sec,
            payloadTypeChange: PayloadTypeChange(at: 40 * sec, payloadType: 98)
        )
        let model = MediaFaultModel(profile: profile, seed: 77)
        #expect(model.suppressesIDROnJoin && model.stripsParameterSets && model.gopOverride == 600)
        #expect(model.resolution(at: 10 * sec - 1) == nil)
        #expect(model.resolution(at: 10 * sec)! == (640, 360))
        #expect(model.rtpTimestampOffset(at: 19 * sec, clockRate: 90_000) == 0)
        #expect(model.rtpTimestampOffset(at: 20 * sec, clockRate: 90_000) == -45_000)
        #expect(model.rtpTimestampOffset(at: 20 * sec, clockRate: 8000) == -4000)
        // 100 ppm over 1000 s is 100 ms.
        #expect(model.driftedNTP(wallNanos: 5 * sec, sinceStart: 1000 * sec) == 5 * sec + 100 * ms)
        #expect(model.declaredFrameRate(real: 30) == 25)
        #expect(model.ssrc(base: 0x1234, at: 29 * sec) == 0x1234)
        let changed = model.ssrc(base: 0x1234, at: 30 * sec)
        #expect(changed != 0x1234)
        #expect(model.ssrc(base: 0x1234, at: 99 * sec) == changed)
        #expect(model.payloadType(base: 96, at: 39 * sec) == 96)
        #expect(model.payloadType(base: 96, at: 40 * sec) == 98)
    }
}

@Suite("Control faults")
struct ControlFaultTests {
    @Test func rebootsAndEpochs() {
        let profile = ControlFaultProfile(reboot: FaultWindow(start: 60 * sec, duration: 10 * sec, every: 300 * sec))
        let model = ControlFaultModel(profile: profile, seed: 1, origin: 1000 * sec)
        #expect(!model.isDown(at: 1059 * sec))
        #expect(model.rebootCount(at: 1059 * sec) == 0)
        #expect(model.isDown(at: 1060 * sec))
        #expect(model.rebootCount(at: 1060 * sec) == 1)
        #expect(!model.isDown(at: 1070 * sec))
        #expect(model.rebootCount(at: 1360 * sec) == 2)
        #expect(model.identitySeed(base: 5, at: 1000 * sec) == 5)
        let first = model.identitySeed(base: 5, at: 1100 * sec)
        let second = model.identitySeed(base: 5, at: 1400 * sec)
        #expect(first != 5 && second != first)
    }

    @Test func timelineRebootsCount() {
        let schedule = FaultSchedule(timeline: [TimelineEntry(at: 45 * sec, duration: 5 * sec, action: .reboot)])
        let model = ControlFaultModel(profile: ControlFaultProfile(), schedule: schedule, seed: 1, origin: 0)
        #expect(model.rebootCount(at: 44 * sec) == 0)
        #expect(model.isDown(at: 45 * sec))
        #expect(!model.isDown(at: 50 * sec))
        #expect(model.rebootCount(at: 50 * sec) == 1)
    }

    @Test func requestDeciders() {
        let profile = ControlFaultProfile(
            resetConnectionAfter: 30 * sec, statusOverrides: ["SETUP": 503, "GET_PARAMETER": 454],
            responseDelay: 200 * ms, responseJitter: 50 * ms, deniedTransports: [.udp],
            closeSessionAfter: 20 * sec, noRTCP: true, maxViewers: 2, maxViewersStatus: 503
        )
        var model = ControlFaultModel(profile: profile, seed: 1, origin: 0)
        #expect(model.responseOverride(for: "SETUP", at: 0) == 503)
        #expect(model.responseOverride(for: "get_parameter", at: 0) == 454)
        #expect(model.responseOverride(for: "PLAY", at: 0) == nil)
        #expect(model.transportRefusal(.udp) == 461)
        #expect(model.transportRefusal(.tcp) == nil)
        #expect(model.admissionRefusal(currentViewers: 1) == nil)
        #expect(model.admissionRefusal(currentViewers: 2) == 503)
        #expect(model.connectionResetTime(connectedAt: 5 * sec) == 35 * sec)
        #expect(model.sessionCloseTime(createdAt: 5 * sec) == 25 * sec)
        #expect(!model.sendsRTCP)
        for _ in 0..<1000 {
            let delay = model.responseDelay(at: 0)
            #expect(delay >= 150 * ms && delay <= 250 * ms)
        }
        let offline = ControlFaultModel(profile: ControlFaultProfile(offline: true), seed: 1, origin: 0)
        #expect(offline.isDown(at: 0))
        #expect(ControlFaultModel(profile: ControlFaultProfile(maxViewers: 0), seed: 1, origin: 0)
            .admissionRefusal(currentViewers: 0) == 453)
    }
}
