import Foundation
import Server
import Testing

extension Integration.BackchannelTests {
    /// GStreamer's `rtspsrc backchannel=onvif`, a client camsim did not write, SETUPs the
    /// camera's tracks with the sendonly one and pushes 5 s of PCMU through
    /// `push-backchannel-sample` (Python/gst_backchannel_sender.py, run with the system
    /// interpreter that has python3-gi): camsim counts all 250 packets and the WAV file
    /// holds the bytes the script made.
    @Test(arguments: ["tcp", "udp"])
    func gstreamerSendsOnTheBackchannel(transport: String) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await ConfigServer.with(try ConfigServer.parse(Self.config(directory: directory.path))) { server in
            let ended = EndedSessions(server)
            let script = PythonClients.repositoryRoot
                .appendingPathComponent("Tests/IntegrationTests/Python/gst_backchannel_sender.py").path
            let python = GStreamerRTSPServer.python
            try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) with python3-gi is needed")
            let result = await ClientProcess.run(
                python, [script, server.url(forPath: "door"), "5", transport], timeoutSeconds: 60)
            #expect(result.succeeded && result.stdout.contains("pushed=250 bytes=40000"), "\(result)")
            #expect(result.stdout.contains("backchannel stream=1"), "\(result)")
            #expect(!result.stderr.contains("CRITICAL"), "\(result)")

            func backchannelEnd() -> ServerEvent? {
                ended.all.first { $0.details["backchannel_packets_received"] != nil }
            }
            let arrived = await Poll.until(timeoutSeconds: 10) { backchannelEnd() != nil }
            try #require(arrived, "no session_ended event with backchannel counters")
            let event = try #require(backchannelEnd())
            #expect(Self.integer(event.details["backchannel_packets_received"]) == 250, "\(event)")
            #expect(Self.integer(event.details["backchannel_bytes_received"]) == 40_000, "\(event)")
            #expect(Self.integer(event.details["backchannel_packets_lost"]) == 0, "\(event)")

            let session = try #require(event.session)
            let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent("door-\(session).wav")))
            let sent = (0..<250).flatMap { Self.pcmuPacket($0, ssrc: 0).payload }
            #expect(bytes.count == 58 + 40_000)
            #expect(Array(bytes.dropFirst(58)) == sent)
        }
    }
}
