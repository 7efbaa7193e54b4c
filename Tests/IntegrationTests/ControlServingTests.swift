import Foundation
import Testing

extension Integration {
    /// The control endpoint itself: health, JSON errors for unknown routes and wrong
    /// methods, the body limit, the bearer token, and no CORS.
    @Suite
    struct ControlServingTests {
        @Test func healthAnswersOKAsJSONWithoutCORSHeaders() async throws {
            try await TestControlServer.with { api in
                let reply = try await api.client().get("/health")
                #expect(reply.status == 200, "\(reply)")
                #expect(reply.json["status"] as? String == "ok", "\(reply)")
                #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true, "\(reply)")
                #expect(!reply.headers.keys.contains { $0.hasPrefix("access-control-") }, "\(reply)")
            }
        }

        @Test func unknownRoutesGet404AndWrongMethods405AsJSON() async throws {
            try await TestControlServer.with { api in
                let client = api.client()
                let missing = try await client.get("/api/v1/no-such-thing")
                #expect(missing.status == 404, "\(missing)")
                #expect((missing.json["error"] as? String)?.isEmpty == false, "\(missing)")

                let wrong = try await client.send("DELETE", "/health")
                #expect(wrong.status == 405, "\(wrong)")
                #expect(wrong.headers["allow"] == "GET", "\(wrong)")
                #expect((wrong.json["error"] as? String)?.contains("DELETE") == true, "\(wrong)")
            }
        }

        @Test func aBodyOverTheLimitGets413() async throws {
            try await TestControlServer.with { api in
                let big = Data(repeating: UInt8(ascii: " "), count: 300 * 1024)
                let reply = try await api.client().send("POST", "/health", data: big)
                #expect(reply.status == 413, "\(reply)")
                #expect((reply.json["error"] as? String)?.contains("limit") == true, "\(reply)")
            }
        }

        @Test func aTokenIsDemandedAndComparedWhenSet() async throws {
            try await TestControlServer.with(token: "s3cret-token") { api in
                let without = try await api.client(token: .some(nil)).get("/api/v1/version")
                #expect(without.status == 401, "\(without)")
                #expect(without.headers["www-authenticate"]?.hasPrefix("Bearer") == true, "\(without)")
                #expect(without.json["error"] != nil, "\(without)")

                let wrong = try await api.client(token: "s3cret-tokeN").get("/api/v1/version")
                #expect(wrong.status == 401, "\(wrong)")
                let longer = try await api.client(token: "s3cret-token-and-more").get("/api/v1/version")
                #expect(longer.status == 401, "\(longer)")

                let right = try await api.client().get("/api/v1/version")
                #expect(right.status == 200, "\(right)")
            }
        }

        @Test func theDashboardPageAndHealthOpenWithoutTheTokenButTheDataDoesNot() async throws {
            try await TestControlServer.with(token: "s3cret-token") { api in
                let anonymous = api.client(token: .some(nil))
                for path in ["/", "/dashboard/dashboard.js", "/dashboard/dashboard.css", "/health"] {
                    let page = try await anonymous.get(path)
                    #expect(page.status == 200, "\(path): \(page)")
                }
                for path in ["/api/v1/cameras", "/api/v1/config", "/api/v1/sessions", "/metrics", "/health/",
                             "/dashboard/../api/v1/config", "/api/v1/cameras/cam/snapshot.jpg"] {
                    let data = try await anonymous.get(path)
                    #expect(data.status == 401, "\(path): \(data)")
                }
            }
        }
    }
}
