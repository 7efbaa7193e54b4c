import Config
import Foundation
import PTZ
import Testing

extension Integration {
    /// onvif-zeep, a client we did not write, drives a camera's virtual PTZ: the position
    /// AbsoluteMove asks for is what GetStatus reports once IDLE and what the picture's QR
    /// code says (read by zbar from the snapshot and from a frame ffmpeg decodes off RTSP);
    /// a ContinuousMove runs until its Timeout; presets and home round-trip; bad tokens and
    /// positions get the faults the PTZ specification names.
    @Suite(.serialized)
    struct ONVIFPTZTests {
        static func config() -> CamsimConfig {
            var config = TestControlServer.config(cameras: ["dome", "fixed"])
            config.cameras[0].ptz = PTZSettings(canvas: 2, maxZoom: 4, speed: 1)
            config.cameras[0].onDemand = false
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            return config
        }

        struct Position: Decodable, Equatable {
            var pan, tilt, zoom: Double
        }

        struct Move: Decodable {
            var position: Position
            var saw_moving: Bool
            var seconds: Double
        }

        struct Preset: Decodable {
            var token, name: String
            var pan, zoom: Double
        }

        struct Report: Decodable {
            struct Node: Decodable {
                var token: String
                var max_presets: Int
                var home_supported: Bool
                var pan_range: [Double]
            }
            var configurations: [String]
            /// The media profile's `PTZConfiguration` token, which NVRs look for.
            var profile_ptz: String?
            var default_timeout: String
            var node: Node
            var options_spaces: Int
            var absolute: Move
            var absolute_qr: [String]
            var continuous: Move
            struct Stop: Decodable {
                var idle: Bool
                var zoom: Double
            }
            var stop: Stop
            var preset_token: String
            var presets: [Preset]
            var after_goto_preset: Position
            var presets_after_remove: [String]
            var after_home: Position
            var bad_preset, bad_position, bad_profile: String
        }

        static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-4 }

        @Test func onvifZeepMovesTheHeadAndThePictureFollows() async throws {
            try await TestControlServer.with(config: Self.config()) { running in
                let url = try #require(URL(string: running.baseURL))
                let result = try await PythonClients.runScript(
                    "Tests/IntegrationTests/Python/onvif_ptz.py",
                    [url.host!, "\(url.port!)", "admin", "s3cret"], timeoutSeconds: 120)
                try #require(result.succeeded, "onvif_ptz.py failed\n\(result)")
                let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
                #expect(report.configurations == ["PTZConfig_1"])
                #expect(report.profile_ptz == "PTZConfig_1")
                #expect(report.default_timeout == "0:00:10")
                #expect(report.node.token == "PTZNode_1" && report.node.home_supported)
                #expect(report.node.max_presets == PTZSettings.maxPresets)
                #expect(report.node.pan_range == [-1, 1])
                #expect(report.options_spaces == 1)

                // AbsoluteMove: 0.5 of pan at speed 1 takes half a second.
                #expect(report.absolute.position == Position(pan: 0.5, tilt: -0.25, zoom: 0.5))
                #expect(report.absolute.saw_moving)
                #expect(report.absolute_qr.contains("ptz pan=0.500 tilt=-0.250 zoom=0.500"), "\(report.absolute_qr)")

                // ContinuousMove at -0.5 for PT1S: half a unit to the left, then IDLE.
                #expect(Self.close(report.continuous.position.pan, 0), "\(report.continuous)")
                #expect(report.continuous.position.tilt == -0.25 && report.continuous.position.zoom == 0.5)
                #expect(report.continuous.saw_moving)
                #expect(report.continuous.seconds > 0.6 && report.continuous.seconds < 5, "\(report.continuous.seconds)")

                // Stop holds the head between 0.5 and 1 of zoom, IDLE.
                #expect(report.stop.idle && report.stop.zoom > 0.5 && report.stop.zoom < 1, "\(report.stop)")

                // Presets round-trip.
                #expect(report.preset_token == "Preset_1")
                let gate = try #require(report.presets.first { $0.token == report.preset_token })
                #expect(gate.name == "gate")
                #expect(Self.close(report.after_goto_preset.pan, gate.pan) && Self.close(report.after_goto_preset.zoom, gate.zoom))
                #expect(Self.close(report.after_goto_preset.zoom, report.stop.zoom))
                #expect(!report.presets_after_remove.contains(report.preset_token))
                #expect(report.after_home == report.after_goto_preset)

                #expect(report.bad_preset.contains("NoToken"), "\(report.bad_preset)")
                #expect(report.bad_position.contains("InvalidPosition"), "\(report.bad_position)")
                #expect(report.bad_profile.contains("NoProfile"), "\(report.bad_profile)")

                // The RTSP picture shows the home position too.
                let home = report.after_home
                let expected = "ptz " + PTZVector(pan: home.pan, tilt: home.tilt, zoom: home.zoom).description
                let rtsp = "rtsp://admin:s3cret@127.0.0.1:\(running.server.port)/dome"
                let frames = try await PictureDecoder.requireFrames(rtsp, width: 640, height: 360, count: 1)
                let texts = try await QRCodeReader.read(frames)
                #expect(texts == [expected])
            }
        }

        /// A camera without `ptz:` offers no PTZ service: its operations are ActionNotSupported,
        /// while a camera with one answers them.
        @Test func aCameraWithoutPTZHasNoPTZService() async throws {
            var config = TestControlServer.config(cameras: ["dome", "fixed"])
            config.cameras[0].ptz = PTZSettings()
            try await TestControlServer.with(config: config) { running in
                let body = #"<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>"#
                    + #"<GetNodes xmlns="http://www.onvif.org/ver20/ptz/wsdl"/></s:Body></s:Envelope>"#
                let client = running.client()
                let fixed = try await ONVIFHTTPTests.post(client, "/onvif/fixed/ptz_service", body)
                #expect(fixed.status == 500, "\(fixed)")
                #expect(fixed.text.contains("ter:ActionNotSupported"), "\(fixed)")
                let dome = try await ONVIFHTTPTests.post(client, "/onvif/dome/ptz_service", body)
                #expect(dome.status == 200, "\(dome)")
                #expect(dome.text.contains(#"<tptz:PTZNode token="PTZNode_1""#), "\(dome)")
            }
        }

        /// The head belongs to the camera: a reload that changes another camera keeps its
        /// position and presets; one that changes the camera's own entry starts it afresh.
        @Test func theHeadSurvivesReloadsOfOtherCameras() async throws {
            var config = TestControlServer.config(cameras: ["dome", "fixed"])
            config.cameras[0].ptz = PTZSettings()
            try await TestControlServer.with(config: config) { running in
                let head = try #require(running.server.cameraDefinition(path: "dome")?.ptz)
                let t0: Int64 = 1_795_687_200_000_000_000
                let token = try head.withState { (state: inout PTZState) throws(PTZError) -> String in
                    try state.absoluteMove(panTilt: (0.5, 0.5), zoom: 1, now: t0)
                    return try state.setPreset(token: nil, name: "gate", now: t0 + 10_000_000_000)
                }
                var next = config
                next.cameras[1].idleStopSeconds = 7
                let summary = try await running.running.apply(next)
                #expect(summary.restarted == ["fixed"])
                let after = try #require(running.server.cameraDefinition(path: "dome")?.ptz)
                #expect(after === head)
                #expect(after.position(at: t0 + 20_000_000_000) == PTZVector(pan: 0.5, tilt: 0.5, zoom: 1))
                #expect(after.withState { $0.presets.map(\.token) } == [token])

                next.cameras[0].ptz = PTZSettings(speed: 2)
                _ = try await running.running.apply(next)
                let fresh = try #require(running.server.cameraDefinition(path: "dome")?.ptz)
                #expect(fresh !== head)
                #expect(fresh.settings.speed == 2)
            }
        }
    }
}
