import Foundation
import Probe
import ProbeAnalysis
import Testing

extension Integration {
    /// `camsim probe` of camsim's own `codec: h265` camera: the codec, the size from the
    /// SPS, the frame rate, GOP and loss from the RFC 7798 packets.
    @Suite
    struct ProbeH265Tests {
        @Test(arguments: [ProbeTransport.tcp, .udp])
        func reportsTheH265Stream(transport: ProbeTransport) async throws {
            try await H265StreamTests.withServer { url, _ in
                var options = ProbeOptions(url: url)
                options.seconds = 3
                options.transport = transport
                let report = await ProbeSession.run(options)
                print("probe h265: \(report.jsonText())")
                #expect(report.error == nil)
                #expect(report.codec == "H265")
                #expect(report.width == 320)
                #expect(report.height == 240)
                #expect(report.profile == "Main")
                #expect(report.level != nil)
                #expect(abs((report.fps ?? 0) - 15) < 0.5, "fps \(String(describing: report.fps))")
                #expect(report.gop == 15)
                #expect(report.lossPct == 0)
                #expect((report.bitrateKbps ?? 0) > 0)
                #expect(report.ttffMs != nil)
                #expect(report.incompleteFrames == 0)
            }
        }
    }
}
