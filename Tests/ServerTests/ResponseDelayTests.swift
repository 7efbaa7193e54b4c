import Faults
import NIOCore
import Testing
@testable import Server

/// The camera's response delay draws its jitter from the camera's own control model,
/// so successive answers follow that model's generator, with or without a URL query
/// that adds no control faults.
@Suite struct ResponseDelayTests {
    static let url = "rtsp://127.0.0.1:8554/cam"

    /// When the answer to `request` appears, in nanoseconds of the channel's loop time,
    /// checked exactly: not 1 ns before `expected`, but at `expected`.
    static func answers(
        _ client: FakeRTSPClient, _ request: String, after expected: Int64
    ) throws -> (early: Int, onTime: Int) {
        let loop = client.channel.embeddedEventLoop
        let early = try client.send(request).count
        loop.advanceTime(by: .nanoseconds(expected - 1))
        let beforeDue = try client.responses().count
        loop.advanceTime(by: .nanoseconds(1))
        return (early + beforeDue, try client.responses().count)
    }

    /// 200 ms of delay with ±150 ms of jitter.
    static var jitteryControl: ControlFaultProfile {
        var control = ControlFaultProfile()
        control.responseDelay = 200_000_000
        control.responseJitter = 150_000_000
        return control
    }

    /// Sends six OPTIONS to `url` on one connection and expects each answer exactly when
    /// `model`'s generator says, and every delay different from the others.
    static func expectAnswersFollow(
        _ model: ControlFaultModel, server: FakeRTSPServer, url: String
    ) throws {
        var model = model
        let client = try server.connect()
        var delays: [Int64] = []
        for cseq in 1...6 {
            let expected = model.responseDelay(at: server.clock.nanoseconds())
            delays.append(expected)
            let timing = try answers(client, "OPTIONS \(url) RTSP/1.0\r\nCSeq: \(cseq)\r\n\r\n", after: expected)
            #expect(timing.early == 0, "request \(cseq) to \(url) answered before \(expected) ns")
            #expect(timing.onTime == 1, "request \(cseq) to \(url) not answered at \(expected) ns")
        }
        #expect(Set(delays).count == delays.count, "the jitter repeats: \(delays)")
        client.close()
    }

    @Test(arguments: ["", "?loss=5", "?loss=5&seed=3"])
    func successiveDelaysFollowTheCamerasGenerator(query: String) throws {
        var faults = FaultProfile.empty
        faults.control = Self.jitteryControl
        let server = FakeRTSPServer(cameraFaults: faults, seed: 11)
        let camera = try #require(server.faults["cam"])
        let model = ControlFaultModel(profile: faults.control, seed: 11, origin: camera.origin)
        try Self.expectAnswersFollow(model, server: server, url: Self.url + query)
        server.shutdown()
    }

    /// A URL with response jitter of its own draws from one model per connection and
    /// query, so successive answers on the connection follow that model's generator.
    @Test
    func aQueryWithItsOwnJitterAdvancesAcrossRequests() throws {
        let server = FakeRTSPServer(seed: 11)
        let camera = try #require(server.faults["cam"])
        let model = ControlFaultModel(profile: Self.jitteryControl, seed: 11, origin: camera.origin)
        try Self.expectAnswersFollow(
            model, server: server, url: Self.url + "?response_delay=200ms&response_jitter=150ms")
        server.shutdown()
    }
}
