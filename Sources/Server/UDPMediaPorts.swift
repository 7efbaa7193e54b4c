import Logging
import NIOCore
import NIOPosix

/// The server's UDP media sockets: an RTP/RTCP pair on every event loop, so every
/// network thread sends UDP media, not one.
///
/// A viewer is sent from the pair of its RTSP connection's event loop, and its SETUP
/// reply names that pair in `server_port`. Receiver reports may arrive at any pair;
/// each hands them to the server, which finds the session by the report's source. RTP
/// from clients (an ONVIF backchannel) arrives on the RTP ports and goes the same way.
final class UDPMediaPorts: Sendable {
    let pairs: [UDPMediaPortPair]
    /// The loops in the order pairs were bound to them (the first `pairs.count` have one).
    private let loops: [any EventLoop]

    private init(pairs: [UDPMediaPortPair], loops: [any EventLoop]) {
        self.pairs = pairs
        self.loops = loops
    }

    /// The pair bound on `loop`; for a loop without one (a port range too small for
    /// every loop), a fixed other pair, so every call for that loop gives the same one.
    func pair(for loop: any EventLoop) -> UDPMediaPortPair {
        let index = loops.firstIndex { $0 === loop } ?? 0
        return pairs[index % pairs.count]
    }

    /// `20000-20001, 20002-20003`: the bound pairs, for the log.
    var description: String {
        pairs.map { "\($0.rtpPort)-\($0.rtcpPort)" }.joined(separator: ", ")
    }

    /// Binds an even/odd pair on `host` for each of `loops`: from `range` when given
    /// (as many loops as it has pairs for, at least one), else any free pairs.
    static func bind(
        host: String,
        range: ClosedRange<Int>?,
        loops: [any EventLoop],
        logger: Logger,
        onRTP: (@Sendable (SocketAddress, ByteBuffer) -> Void)? = nil,
        onRTCP: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void
    ) async throws -> UDPMediaPorts {
        var candidates = PortCandidates(range: range)
        var pairs: [UDPMediaPortPair] = []
        var lastError: (any Error)?
        for loop in loops {
            do {
                pairs.append(try await bindPair(
                    host: host, candidates: &candidates, loop: loop, logger: logger, onRTP: onRTP, onRTCP: onRTCP))
            } catch {
                lastError = error
                break
            }
        }
        guard !pairs.isEmpty else { throw lastError ?? UDPMediaPortsError.noFreePair }
        if pairs.count < loops.count {
            logger.info("fewer RTP port pairs than event loops; some loops share a pair",
                        metadata: ["pairs": "\(pairs.count)", "loops": "\(loops.count)"])
        }
        return UDPMediaPorts(pairs: pairs, loops: loops)
    }

    func close() async {
        for pair in pairs { await pair.close() }
    }

    private static func bindPair(
        host: String, candidates: inout PortCandidates, loop: any EventLoop, logger: Logger,
        onRTP: (@Sendable (SocketAddress, ByteBuffer) -> Void)?,
        onRTCP: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void
    ) async throws -> UDPMediaPortPair {
        var rtpHandler: (@Sendable () -> any ChannelHandler & Sendable)?
        if let onRTP {
            rtpHandler = { DatagramReceiveHandler(onDatagram: onRTP) }
        }
        var lastError: (any Error)?
        while let candidate = candidates.next() {
            do {
                let rtp = try await UDPMediaSocket.bind(
                    host: host, port: candidate, on: loop, logger: logger, makeHandler: rtpHandler)
                if candidate == 0, rtp.port % 2 != 0 {
                    await rtp.close()
                    continue
                }
                do {
                    let rtcp = try await UDPMediaSocket.bind(
                        host: host, port: rtp.port + 1, on: loop, logger: logger,
                        makeHandler: { DatagramReceiveHandler(onDatagram: onRTCP) })
                    return UDPMediaPortPair(rtp: rtp, rtcp: rtcp)
                } catch {
                    await rtp.close()
                    lastError = error
                }
            } catch {
                lastError = error
            }
        }
        throw lastError ?? UDPMediaPortsError.noFreePair
    }
}

/// The RTP ports to try, shared by every loop's pair so none is tried twice: the even
/// ports of the range, or 64 tries of "any free port".
private struct PortCandidates {
    private var ports: [Int]
    private var index = 0
    private var anyPortTries: Int

    init(range: ClosedRange<Int>?) {
        if let range {
            ports = Array(stride(from: range.lowerBound + (range.lowerBound & 1), to: range.upperBound, by: 2))
            anyPortTries = 0
        } else {
            ports = []
            anyPortTries = 64
        }
    }

    mutating func next() -> Int? {
        if index < ports.count {
            defer { index += 1 }
            return ports[index]
        }
        guard anyPortTries > 0 else { return nil }
        anyPortTries -= 1
        return 0
    }
}

enum UDPMediaPortsError: Error, CustomStringConvertible {
    case noFreePair
    case noLocalAddress
    var description: String {
        switch self {
        case .noFreePair: "no free even/odd UDP port pair for RTP and RTCP"
        case .noLocalAddress: "a bound UDP socket has no local address"
        }
    }
}

/// Hands every datagram that arrives on a media port (RTCP, or RTP from a client) to the server.
private final class DatagramReceiveHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let onDatagram: @Sendable (SocketAddress, ByteBuffer) -> Void

    init(onDatagram: @escaping @Sendable (SocketAddress, ByteBuffer) -> Void) { self.onDatagram = onDatagram }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        onDatagram(envelope.remoteAddress, envelope.data)
    }
}
