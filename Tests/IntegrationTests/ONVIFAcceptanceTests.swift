import Config
import Foundation
import Testing

extension Integration {
    /// onvif-zeep, a client we did not write, adopts a camera the way an NVR does: over
    /// `/onvif/device_service` with WS-Security digests it reads the device information,
    /// capabilities and profiles, and ffprobe plays the stream URI it gets while the
    /// snapshot URI answers a JPEG. A wrong password and a replayed token get faults.
    @Suite(.serialized)
    struct ONVIFAcceptanceTests {
        static func config() -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["lobby", "door"])
            config.cameras[0].streams = [
                StreamConfig(name: "main", width: 640, height: 360, fps: 15, gop: 30),
                StreamConfig(name: "sub", width: 320, height: 180, fps: 10, gop: 20),
            ]
            config.cameras[0].onvif = ONVIFConfig(manufacturer: "Acme", model: "Lobby One", firmware: "2.5", serial: "SN-42")
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            return config
        }

        struct Report: Decodable {
            struct Profile: Decodable {
                var token, encoding, stream_uri, snapshot_uri: String
                var width, height: Int
            }
            var device_information: [String: String]
            var device_xaddr, media_xaddr: String
            var profiles: [Profile]
            var wrong_password, first_use, replay: String
        }

        @Test func onvifZeepAdoptsTheFirstCamera() async throws {
            try await TestControlServer.with(config: Self.config()) { running in
                let url = try #require(URL(string: running.baseURL))
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_acceptance.py",
                    [url.host!, "\(url.port!)", "admin", "s3cret"], timeoutSeconds: 90)
                try #require(result.succeeded, "onvif_acceptance.py failed\n\(result)")
                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                #expect(report.device_information == [
                    "Manufacturer": "Acme", "Model": "Lobby One", "FirmwareVersion": "2.5", "SerialNumber": "SN-42",
                    "HardwareId": "camsim-1",
                ])
                #expect(report.device_xaddr == "\(running.baseURL)/onvif/lobby/device_service")
                #expect(report.media_xaddr == "\(running.baseURL)/onvif/lobby/media_service")
                #expect(report.profiles.map(\.token) == ["Profile_main", "Profile_sub"])
                #expect(report.profiles.map(\.width) == [640, 320])
                #expect(report.profiles.map(\.encoding) == ["H264", "H264"])
                let port = running.server.port
                #expect(report.profiles.map(\.stream_uri) == ["rtsp://127.0.0.1:\(port)/lobby", "rtsp://127.0.0.1:\(port)/lobby/sub"])
                #expect(report.wrong_password.contains("Sender not authorized"), "\(report.wrong_password)")
                #expect(report.first_use == "accepted")
                #expect(report.replay.contains("already used"), "\(report.replay)")

                // The stream URI plays (with the user's credentials, as an NVR adds them).
                let sub = report.profiles[1].stream_uri.replacingOccurrences(of: "rtsp://", with: "rtsp://admin:s3cret@")
                let probe = try await Clients.ffprobeRTSP(
                    sub, ["-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0"], timeoutSeconds: 30)
                try #require(probe.succeeded, "ffprobe failed\n\(probe)")
                #expect(probe.stdout.contains("h264,320,180"), "\(probe.stdout)")

                // The snapshot URI answers a JPEG, to the camera's users (Basic here).
                let snapshotPath = String(report.profiles[0].snapshot_uri.dropFirst(running.baseURL.count))
                let basic = "Basic " + Data("admin:s3cret".utf8).base64EncodedString()
                let snapshot = try await running.client().send("GET", snapshotPath, headers: ["Authorization": basic])
                #expect(snapshot.status == 200)
                #expect(snapshot.headers["content-type"] == "image/jpeg")
                #expect(Array(snapshot.body.prefix(3)) == [0xFF, 0xD8, 0xFF])
            }
        }
    }
}
