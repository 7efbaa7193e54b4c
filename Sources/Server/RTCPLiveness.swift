import NIOCore
import RTP

/// Which RTCP from a viewer proves the viewer is alive and keeps its session (RFC 2326
/// §12.37 counts RTCP as activity; RFC 3550 §6.4.2 receiver reports).
///
/// A session whose `client_port` names the server's own RTP/RTCP pair receives the
/// server's own sender reports, which would keep it alive with no viewer at all. So a
/// packet counts only when
/// - it is a well-formed compound that carries a report (SR or RR, RFC 3550 §6.1);
/// - no report in it is sent under the stream's own SSRC: that is our own packet come
///   back (the loop test of RFC 3550 §8.2);
/// - over UDP, it does not come from one of the server's own media sockets.
/// Sans-IO; the session asks it for every RTCP packet.
struct RTCPLiveness: Sendable {
    /// The SSRC the stream sends under.
    var streamSSRC: UInt32

    func counts(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
        guard let packets = try? RTCPCompound.parse(bytes) else { return false }
        return counts(packets)
    }

    /// The same test on a compound already parsed.
    func counts(_ packets: [RTCPPacket]) -> Bool {
        var hasReport = false
        for packet in packets {
            switch packet {
            case .senderReport(let report):
                guard report.ssrc != streamSSRC else { return false }
                hasReport = true
            case .receiverReport(let report):
                guard report.ssrc != streamSSRC else { return false }
                hasReport = true
            case .sourceDescription, .bye, .unknown:
                continue
            }
        }
        return hasReport
    }

    /// Whether a datagram from `source` left one of the server's own UDP sockets: it came
    /// from one of `serverPorts` at the address the viewer reached the server at, or at
    /// a loopback address.
    static func isServerEndpoint(_ source: SocketAddress, serverPorts: Set<Int>, serverAddress: String?) -> Bool {
        guard let port = source.port, serverPorts.contains(port), let ip = source.ipAddress else { return false }
        return ip == serverAddress || ip.hasPrefix("127.") || ip == "::1" || ip == "::ffff:127.0.0.1"
    }
}
