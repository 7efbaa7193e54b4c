import Config
import Foundation
import Testing

extension Integration {
    /// ONVIF's SOAP endpoints over real HTTP: PRE_AUTH and authenticated operations, the
    /// hostile-XML battery answered with faults in bounded time, and the control API's
    /// bearer token not standing in ONVIF's way.
    @Suite(.serialized)
    struct ONVIFHTTPTests {
        static let device = "http://www.onvif.org/ver10/device/wsdl"

        static func envelope(_ body: String, prolog: String = "") -> String {
            #"\#(prolog)<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>\#(body)</s:Body></s:Envelope>"#
        }

        static func post(_ client: ControlClient, _ path: String, _ body: String) async throws -> ControlClient.Reply {
            try await client.send(
                "POST", path, data: Data(body.utf8), headers: ["Content-Type": "application/soap+xml; charset=utf-8"])
        }

        @Test func authenticationAndFaultsOverHTTP() async throws {
            var config = TestControlServer.config(cameras: ["lobby", "site/door"])
            config.users = [UserConfig(name: "admin", password: Secret("s3cret"))]
            try await TestControlServer.with(config: config, token: "api-token") { running in
                // No bearer token: ONVIF clients never send one.
                let client = running.client(token: .some(nil))
                let time = try await Self.post(client, "/onvif/device_service", Self.envelope(#"<GetSystemDateAndTime xmlns="\#(Self.device)"/>"#))
                #expect(time.status == 200, "\(time)")
                #expect(time.headers["content-type"]?.hasPrefix("application/soap+xml") == true)
                #expect(time.text.contains("<tt:UTCDateTime>"))

                let info = try await Self.post(client, "/onvif/site%2Fdoor/device_service", Self.envelope(#"<GetDeviceInformation xmlns="\#(Self.device)"/>"#))
                // Neither WS-Security nor HTTP credentials: 401 with a Digest challenge.
                #expect(info.status == 401, "\(info)")
                #expect(info.headers["www-authenticate"]?.contains("Digest") == true, "\(info)")
                #expect(info.text.contains("<env:Value>ter:NotAuthorized</env:Value>"))

                let unknown = try await Self.post(client, "/onvif/nowhere/device_service", Self.envelope(#"<GetScopes xmlns="\#(Self.device)"/>"#))
                #expect(unknown.status == 404)

                // The JSON API still wants its token.
                #expect(try await client.get("/api/v1/cameras").status == 401)
            }
        }

        /// Each hostile body gets a fault well within a second, and the server still answers.
        @Test func hostileXMLBattery() async throws {
            try await TestControlServer.with { running in
                let client = running.client()
                var bomb = "<!DOCTYPE s:Envelope [<!ENTITY e0 \"lol\">"
                for level in 1...9 { bomb += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">" }
                bomb += "]>"
                let cases: [(String, String, Int)] = [
                    ("entity expansion bomb", Self.envelope(#"<GetScopes xmlns="\#(Self.device)">&e9;</GetScopes>"#, prolog: bomb), 400),
                    ("external entity", Self.envelope(
                        #"<GetScopes xmlns="\#(Self.device)">&x;</GetScopes>"#,
                        prolog: #"<!DOCTYPE s:Envelope [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#), 400),
                    ("10 MB body", Self.envelope(String(repeating: "A", count: 10 * 1024 * 1024)), 413),
                    ("deep nesting", Self.envelope(String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)), 400),
                ]
                for (name, body, status) in cases {
                    let start = ContinuousClock.now
                    let reply = try await Self.post(client, "/onvif/cam/device_service", body)
                    let elapsed = ContinuousClock.now - start
                    #expect(reply.status == status, "\(name): \(reply)")
                    #expect(reply.text.contains("<env:Value>ter:WellFormed</env:Value>"), "\(name): \(reply)")
                    #expect(!reply.text.contains("root:"), "\(name) leaked a file")
                    #expect(elapsed < .seconds(2), "\(name) took \(elapsed)")
                }
                let after = try await Self.post(client, "/onvif/cam/device_service", Self.envelope(#"<GetScopes xmlns="\#(Self.device)"/>"#))
                #expect(after.status == 200, "\(after)")
            }
        }
    }
}
