import Crypto
import Faults
import Foundation
import RTSPAuth
import Server
import Testing

/// Servers with users, and a Digest/Basic answerer for the raw-socket auth tests. The
/// responses are computed here from the RFC formulas with swift-crypto, not with the
/// server's own code.
enum AuthRig {
    static let user = "admin"
    static let password = "s3cret pass"

    /// Starts a server whose cameras ask for credentials, with `admin` and any `extraUsers`;
    /// `configure` changes the server's configuration (RTSPS, multicast...) first.
    static func with<T>(
        cameras: [CameraDefinition], extraUsers: [AuthUser] = [], defaultMode: AuthMode? = nil,
        nonceLifetimeSeconds: Int64 = 60, configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (CamsimServer) async throws -> T
    ) async throws -> T {
        let setup = AuthenticationSetup(
            users: [AuthUser(name: user, password: password)] + extraUsers, defaultMode: defaultMode,
            nonceLifetime: nonceLifetimeSeconds * 1_000_000_000)
        var configuration = ServerConfiguration(bindHost: "127.0.0.1", port: 0)
        configure(&configuration)
        let server = CamsimServer(configuration: configuration, cameras: cameras, authentication: setup)
        return try await TestServer.running(server, body)
    }

    /// A test camera at `path` with its own auth mode (nil: the server's) and faults.
    static func camera(_ path: String, mode: AuthMode? = nil, faults: FaultProfile = .empty) throws -> CameraDefinition {
        var camera = try TestServer.camera(path)
        camera.authentication = CameraAuthentication(mode: mode)
        camera.faults = faults
        return camera
    }

    /// The value of `name="..."` or `name=token` in a challenge.
    static func parameter(_ name: String, in challenge: String) -> String? {
        for quoted in [true, false] {
            let pattern = quoted ? "\(name)=\"([^\"]*)\"" : "\(name)=([^,\" ]+)"
            if let range = challenge.range(of: pattern, options: .regularExpression) {
                let match = String(challenge[range])
                let value = match.dropFirst(name.count + 1)
                return quoted ? String(value.dropFirst().dropLast()) : String(value)
            }
        }
        return nil
    }

    /// Every `WWW-Authenticate` value of a reply, in order.
    static func challenges(_ reply: RTSPReply) -> [String] {
        reply.headers.filter { $0.name.lowercased() == "www-authenticate" }.map(\.value)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    static func hash(_ text: String, sha256: Bool) -> String {
        sha256 ? hex(SHA256.hash(data: Array(text.utf8))) : hex(Insecure.MD5.hash(data: Array(text.utf8)))
    }

    /// An `Authorization: Digest` value: RFC 7616 §3.4.1 with qop=auth when `nc` is given,
    /// the RFC 2069 form otherwise.
    static func digest(
        method: String, uri: String, nonce: String, realm: String = "camsim", algorithm: String = "MD5",
        nc: Int? = 1, user: String = AuthRig.user, password: String = AuthRig.password, cnonce: String = "0a4f113b"
    ) -> String {
        let sha = algorithm.uppercased().hasPrefix("SHA-256")
        var ha1 = hash("\(user):\(realm):\(password)", sha256: sha)
        if algorithm.lowercased().hasSuffix("-sess") { ha1 = hash("\(ha1):\(nonce):\(cnonce)", sha256: sha) }
        let ha2 = hash("\(method):\(uri)", sha256: sha)
        var text = "Digest username=\"\(user)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", "
        if let nc {
            let ncText = String(format: "%08x", nc)
            let response = hash("\(ha1):\(nonce):\(ncText):\(cnonce):auth:\(ha2)", sha256: sha)
            text += "response=\"\(response)\", algorithm=\(algorithm), qop=auth, nc=\(ncText), cnonce=\"\(cnonce)\""
        } else {
            text += "response=\"\(hash("\(ha1):\(nonce):\(ha2)", sha256: sha))\", algorithm=\(algorithm)"
        }
        return text
    }

    static func basic(user: String = AuthRig.user, password: String = AuthRig.password) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// DESCRIBE `url` without credentials and returns the nonce of the last Digest challenge.
    static func nonce(_ client: RawRTSPClient, url: String) throws -> String {
        let reply = try client.request("DESCRIBE", url)
        #expect(reply.status == 401, "\(reply)")
        let digest = try #require(challenges(reply).last { $0.hasPrefix("Digest") }, "\(reply)")
        return try #require(parameter("nonce", in: digest), "\(digest)")
    }

    static let transportTCP = ("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")
}
