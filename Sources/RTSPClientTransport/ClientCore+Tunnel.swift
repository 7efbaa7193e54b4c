import NIOCore
import RTSP
import RTSPClient

extension ClientCore {
    /// The QuickTime RTSP-over-HTTP tunnel as camsim (and live555, Axis) serve it: a GET
    /// connection carries the server's responses and interleaved media after an HTTP
    /// reply; a POST connection with the same `x-sessioncookie` carries the client's
    /// requests, each base64-encoded. Both go to the RTSP URL's host, port and path.
    func openTunnel(_ url: ClientURL) {
        let cookie = Self.tunnelCookie()
        tunnelReplyPending = true
        let get = "GET \(url.pathAndQuery) HTTP/1.0\r\nUser-Agent: \(configuration.userAgent)\r\n"
            + "x-sessioncookie: \(cookie)\r\nAccept: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\n\r\n"
        let post = "POST \(url.pathAndQuery) HTTP/1.0\r\nUser-Agent: \(configuration.userAgent)\r\n"
            + "x-sessioncookie: \(cookie)\r\nContent-Type: application/x-rtsp-tunnelled\r\nPragma: no-cache\r\n"
            + "Cache-Control: no-cache\r\nContent-Length: 32767\r\nExpires: Sun, 9 Jan 1972 00:00:00 GMT\r\n\r\n"
        connect(url, role: .tunnelGet).flatMap { getChannel in
            self.readChannel = getChannel
            return getChannel.writeAndFlush(getChannel.allocator.buffer(string: get)).flatMap {
                self.connect(url, role: .tunnelPost)
            }
        }.flatMap { postChannel in
            self.writeChannel = postChannel
            return postChannel.writeAndFlush(postChannel.allocator.buffer(string: post))
        }.whenComplete { result in
            switch result {
            case .success:
                self.feed { $0.connected(now: self.now) }
            case .failure(let error):
                self.finish(RTSPClientError.connectionClosed(reason: "cannot open the HTTP tunnel to \(url.authority): \(error)"))
            }
        }
    }

    /// 22 random letters and digits, as QuickTime's cookies look.
    static func tunnelCookie() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<22).map { _ in alphabet.randomElement()! })
    }
}
