import NIOCore
import Synchronization

/// One event loop's RTP/RTCP socket pair, `server_port` in the SETUP replies of the
/// viewers it carries (RFC 2326 §12.39). RTP goes out of the even port; RTCP goes out
/// of, and receiver reports arrive on, the next one (RFC 3550 §11).
final class UDPMediaPortPair: Sendable {
    let rtp: UDPMediaSocket
    let rtcp: UDPMediaSocket
    /// Datagrams not sent because their destination can never receive them.
    let undeliverable = Atomic<Int>(0)

    init(rtp: UDPMediaSocket, rtcp: UDPMediaSocket) {
        self.rtp = rtp
        self.rtcp = rtcp
    }

    var eventLoop: any EventLoop { rtp.eventLoop }
    var rtpPort: Int { rtp.port }
    var rtcpPort: Int { rtcp.port }

    func close() async {
        await rtp.close()
        await rtcp.close()
    }
}
