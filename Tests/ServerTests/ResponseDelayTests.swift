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

    @Test(arguments: ["", "?loss=5", "?loss=5&seed=3"])
    func successiveDelaysFollowTheCamerasGenerator(query: String) throws {
        var faults = FaultProfile.empty
        faults.control.responseDelay = 200_000_000
        faults.control.responseJitter = 150_000_000
        let server = FakeRTSPServer(cameraFaults: faults, seed: 11)
        let camera = try #require(server.faults["cam"])
        var model = ControlFaultModel(profile: faults.control, seed: 11, origin: camera.origin)
        let client = try server.connect()
        var delays: [Int64] = []
        for cseq in 1...6 {
            let expected = model.responseDelay(at: server.clock.nanoseconds())
            delays.append(expected)
            let timing = try Self.answers(client, "OPTIONS \(Self.url)\(query) RTSP/1.0\r\nCSeq: \(cseq)\r\n\r\n", after: expected)
            #expect(timing.early == 0, "request \(cseq) with \(query.debugDescription) answered before \(expected) ns")
            #expect(timing.onTime == 1, "request \(cseq) with \(query.debugDescription) not answered at \(expected) ns")
        }
        #expect(Set(delays).count == delays.count, "the jitter advances: \(delays)")
        client.close()
        server.shutdown()
    }

    /// A URL with response jitter of its own draws from one model per connection and
    /// query, so successive answers on the connection follow that model's generator.
    @Test
    func aQueryWithItsOwnJitterAdvancesAcrossRequests() throws {
        let server = FakeRTSPServer(seed: 11)
        let camera = try #require(server.faults["cam"])
        var profile = FaultProfile.empty
        profile.control.responseDelay = 200_000_000
        profile.control.responseJitter = 150_000_000
        var model = ControlFaultModel(profile: profile.control, seed: 11, origin: camera.origin)
        let client = try server.connect()
        let query = "?response_delay=200ms&response_jitter=150ms"
        var delays: [Int64] = []
        for cseq in 1...6 {
            let expected = model.responseDelay(at: server.clock.nanoseconds())
            delays.append(expected)
            let timing = try Self.answers(client, "OPTIONS \(Self.url)\(query) RTSP/1.0\r\nCSeq: \(cseq)\r\n\r\n", after: expected)
            #expect(timing.early == 0, "request \(cseq) answered before \(expected) ns")
            #expect(timing.onTime == 1, "request \(cseq) not answered at \(expected) ns")
        }
        #expect(Set(delays).count == delays.count, "the query's jitter repeats: \(delays)")
        client.close()
        server.shutdown()
    }
}
