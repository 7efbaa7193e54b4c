import Foundation
import RTSPAuth
import Testing

extension Integration {
    /// The POST half of an authenticated HTTP tunnel: without credentials it inherits the
    /// GET's user; with credentials (ffmpeg copies the GET's into it) they are checked
    /// like any request's, and must name the GET's user.
    @Suite
    struct AuthTunnelPostTests {
        static let users = [AuthUser(name: "second", password: "second-pass")]

        /// Opens a tunnel's GET half with `authorization` and checks it is accepted.
        static func openGET(_ port: Int, cookie: String, authorization: String) throws -> ViewerSocket {
            let get = try ViewerSocket(port: port)
            try get.send("GET /bars HTTP/1.0\r\nx-sessioncookie: \(cookie)\r\nAuthorization: \(authorization)\r\n\r\n")
            let opened = try #require(HTTPTunnelTests.read(get, until: "\r\n\r\n"), "no reply to the GET")
            #expect(opened.hasPrefix("HTTP/1.0 200 OK"), "\(opened)")
            return get
        }

        /// Sends a POST half carrying `request` (base64), with `authorization` when given.
        static func post(_ port: Int, cookie: String, authorization: String?, request: String) throws -> ViewerSocket {
            let post = try ViewerSocket(port: port)
            let field = authorization.map { "Authorization: \($0)\r\n" } ?? ""
            try post.send("POST /bars HTTP/1.0\r\nx-sessioncookie: \(cookie)\r\n\(field)Content-Length: 32767\r\n\r\n"
                + Data(request.utf8).base64EncodedString())
            return post
        }

        static func describe(_ url: String, cSeq: Int) -> String { "DESCRIBE \(url) RTSP/1.0\r\nCSeq: \(cSeq)\r\n\r\n" }

        @Test
        func aPostWithWrongCredentialsIsRefusedAndItsRequestsGoNowhere() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars", mode: .basic)], extraUsers: Self.users) { server in
                let url = server.url(forPath: "bars")
                let get = try Self.openGET(server.port, cookie: "w1", authorization: AuthRig.basic())

                // A wrong password: HTTP 401 with the camera's challenge, and closed.
                let wrong = try Self.post(
                    server.port, cookie: "w1", authorization: AuthRig.basic(password: "wrong"), request: Self.describe(url, cSeq: 3))
                let refused = HTTPTunnelTests.read(wrong, until: "\r\n\r\n")
                #expect(refused?.hasPrefix("HTTP/1.0 401 Unauthorized\r\n") == true, "\(String(describing: refused))")
                #expect(refused?.contains("WWW-Authenticate: Basic realm=\"camsim\"") == true, "\(String(describing: refused))")

                // Good credentials of another user than the GET's: 403.
                let other = try Self.post(
                    server.port, cookie: "w1", authorization: AuthRig.basic(user: "second", password: "second-pass"),
                    request: Self.describe(url, cSeq: 4))
                let forbidden = HTTPTunnelTests.read(other, until: "\r\n\r\n")
                #expect(forbidden?.hasPrefix("HTTP/1.0 403 Forbidden\r\n") == true, "\(String(describing: forbidden))")

                // A POST without credentials still inherits the GET's user; what the two
                // refused POSTs carried was never answered on the GET half.
                _ = try Self.post(server.port, cookie: "w1", authorization: nil, request: Self.describe(url, cSeq: 5))
                let answers = try #require(HTTPTunnelTests.read(get, until: "CSeq: 5"), "the inheriting POST went unanswered")
                #expect(answers.contains("RTSP/1.0 200 OK"), "\(answers)")
                #expect(!answers.contains("CSeq: 3") && !answers.contains("CSeq: 4"), "\(answers)")
            }
        }

        /// Digest on the POST is over method `POST` and its own path, with the GET's nonce
        /// and a higher nc (as ffmpeg sends it); the same answer for `GET` is refused.
        @Test
        func aPostWithTheGetsDigestCredentialsIsAccepted() async throws {
            try await AuthRig.with(cameras: [try AuthRig.camera("bars")]) { server in
                let url = server.url(forPath: "bars")
                let challenge = try ViewerSocket(port: server.port)
                try challenge.send("GET /bars HTTP/1.0\r\nx-sessioncookie: d1\r\n\r\n")
                let unauthorized = try #require(HTTPTunnelTests.read(challenge, until: "\r\n\r\n"))
                let digest = try #require(unauthorized.split(separator: "\r\n").last { $0.hasPrefix("WWW-Authenticate: Digest") })
                let nonce = try #require(AuthRig.parameter("nonce", in: String(digest)))

                let get = try Self.openGET(
                    server.port, cookie: "d1", authorization: AuthRig.digest(method: "GET", uri: "/bars", nonce: nonce, nc: 1))
                let replayed = try Self.post(
                    server.port, cookie: "d1", authorization: AuthRig.digest(method: "GET", uri: "/bars", nonce: nonce, nc: 2),
                    request: Self.describe(url, cSeq: 3))
                let refused = HTTPTunnelTests.read(replayed, until: "\r\n\r\n")
                #expect(refused?.hasPrefix("HTTP/1.0 401") == true, "\(String(describing: refused))")

                _ = try Self.post(
                    server.port, cookie: "d1", authorization: AuthRig.digest(method: "POST", uri: "/bars", nonce: nonce, nc: 3),
                    request: Self.describe(url, cSeq: 4))
                let answers = try #require(HTTPTunnelTests.read(get, until: "CSeq: 4"), "the POST's request went unanswered")
                #expect(answers.contains("RTSP/1.0 200 OK"), "\(answers)")
                #expect(!answers.contains("CSeq: 3"), "\(answers)")
            }
        }
    }
}
