import Foundation
import Testing

extension Integration {
    /// `camsim serve --user NAME:PASSWORD` makes every camera ask, and the password stays out of the log.
    @Suite
    struct AuthCommandLineTests {
        @Test
        func serveWithUserChallengesAndKeepsThePasswordOutOfTheLog() async throws {
            let password = "hunter2-\(getpid())"
            let serve = try ServeProcess([
                "--bind", "127.0.0.1", "--port", "0", "--cameras", "1", "--size", "320x180", "--fps", "10",
                "--log-level", "debug", "--user", "\(AuthRig.user):\(password)",
            ])
            let url = try #require(await serve.waitForLines(1).first, "serve printed nothing")
            let port = try #require(URL(string: url)?.port)
            let client = try RawRTSPClient(port: port)
            let nonce = try AuthRig.nonce(client, url: url)
            let good = try client.request("DESCRIBE", url, headers: [
                ("Authorization", AuthRig.digest(method: "DESCRIBE", uri: url, nonce: nonce, password: password)),
            ])
            #expect(good.status == 200, "\(good)")
            let bad = try client.request("DESCRIBE", url, headers: [("Authorization", AuthRig.basic(password: password))])
            #expect(bad.status == 401, "Basic against a digest camera: \(bad)")
            // A client that puts the credentials in the request line does not get them logged.
            let withUserInfo = url.replacingOccurrences(of: "rtsp://", with: "rtsp://\(AuthRig.user):\(password)@")
            _ = try client.request("DESCRIBE", withUserInfo)
            #expect(await Poll.until(timeoutSeconds: 5) { serve.errorText.contains("DESCRIBE rtsp://127.0.0.1:\(port)") })
            _ = await serve.stop()
            #expect(serve.errorText.contains("cameras ask for credentials"), "\(serve.errorText)")
            #expect(!serve.errorText.contains(password), "the password is in the log")
        }
    }
}
