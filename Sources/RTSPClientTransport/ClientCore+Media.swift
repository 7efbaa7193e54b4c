import Foundation
import NIOCore
import NIOPosix
import RTP
import RTSPClient

extension ClientCore {
    /// Attempts at finding a free even/odd UDP port pair per track.
    static let portPairAttempts = 32

    /// After DESCRIBE: binds a UDP port pair per selected track, or goes straight to SETUP.
    func prepareTransports(description: RTSPClientDescription, selected: [Int]) {
        guard configuration.transport == .udp else {
            feed { $0.setUp(now: now) }
            return
        }
        var future = loop.makeSucceededFuture([RTSPClientPortPair]())
        for track in selected {
            future = future.flatMap { pairs in
                self.bindPortPair(track: track, attempt: 0).map { pairs + [$0] }
            }
        }
        future.whenComplete { result in
            switch result {
            case .success(let pairs):
                self.feed { $0.setUp(clientPorts: pairs, now: self.now) }
            case .failure(let error):
                self.finish(RTSPClientError.connectionClosed(reason: "cannot bind UDP ports: \(error)"))
            }
        }
    }

    /// An even RTP port and the odd port after it (RFC 3550 §11), both bound.
    private func bindPortPair(track: Int, attempt: Int) -> EventLoopFuture<RTSPClientPortPair> {
        bindUDP(port: 0, track: track, isRTCP: false).flatMap { rtp in
            let port = rtp.localAddress?.port ?? 1
            guard port % 2 == 0, port < 65535 else {
                rtp.close(promise: nil)
                return self.retryPair(track: track, attempt: attempt)
            }
            return self.bindUDP(port: port + 1, track: track, isRTCP: true).map { rtcp in
                self.udpChannels += [rtp, rtcp]
                self.media[track, default: TrackMedia(track: self.description!.tracks[track],
                                                     assemblesAccessUnits: self.options.assemblesAccessUnits)]
                    .rtcpSocket = rtcp
                return RTSPClientPortPair(rtp: UInt16(port), rtcp: UInt16(port + 1))
            }.flatMapError { _ in
                rtp.close(promise: nil)
                return self.retryPair(track: track, attempt: attempt)
            }
        }
    }

    private func retryPair(track: Int, attempt: Int) -> EventLoopFuture<RTSPClientPortPair> {
        guard attempt + 1 < Self.portPairAttempts else {
            return loop.makeFailedFuture(RTSPClientError.connectionClosed(reason: "no free UDP port pair"))
        }
        return bindPortPair(track: track, attempt: attempt + 1)
    }

    private func bindUDP(port: Int, track: Int, isRTCP: Bool) -> EventLoopFuture<any Channel> {
        DatagramBootstrap(group: loop)
            .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        MediaDatagramHandler(core: self, track: track, isRTCP: isRTCP))
                }
            }
            .bind(host: options.udpBindHost, port: port)
    }

    /// After PLAY: the channel map and RTCP destinations.
    func startMedia(_ session: RTSPClientSession) {
        guard let description else { return }
        for transport in session.transports {
            var state = media[transport.track]
                ?? TrackMedia(track: description.tracks[transport.track], assemblesAccessUnits: options.assemblesAccessUnits)
            if let rtp = transport.rtpChannel, let rtcp = transport.rtcpChannel {
                channelMap[rtp] = (transport.track, false)
                channelMap[rtcp] = (transport.track, true)
                state.rtcpChannel = rtcp
            }
            if let server = transport.serverPorts, let remote = readChannel?.remoteAddress,
               let address = try? SocketAddress(ipAddress: remote.ipAddress ?? "127.0.0.1", port: Int(server.rtcp)) {
                state.rtcpDestination = address
            }
            media[transport.track] = state
        }
        nextReceiverReport = .now + .seconds(1)
    }

    /// One interleaved frame (RFC 2326 §10.12).
    func interleaved(channel: UInt8, payload: [UInt8]) {
        guard let (track, isRTCP) = channelMap[channel] else { return }
        handleMedia(payload, track: track, isRTCP: isRTCP)
    }

    /// One datagram on a track's UDP socket.
    func mediaPacket(_ bytes: [UInt8], track: Int, isRTCP: Bool, from address: SocketAddress) {
        guard !isClosed else { return }
        if isRTCP { media[track]?.rtcpDestination = address }
        handleMedia(bytes, track: track, isRTCP: isRTCP)
    }

    private func handleMedia(_ bytes: [UInt8], track: Int, isRTCP: Bool) {
        guard !isClosed, var state = media[track] else { return }
        let arrival = ContinuousClock.now
        if isRTCP {
            guard let packets = try? RTCPCompound.parse(bytes) else { return }
            for case .senderReport(let report) in packets {
                state.reception.lastSR = NTPTimestamp(rawValue: report.ntpTimestamp).middle32
                state.reception.lastSRArrival = arrival
            }
            media[track] = state
            if options.reportsPackets {
                emit(.rtcp(RTSPClientRTCPPacket(
                    track: track, packets: packets, bytes: bytes, arrival: arrival,
                    arrivalWallClock: NTPTimestamp(unixNanoseconds: Self.unixNanoseconds()))))
            }
            return
        }
        guard let (header, payloadRange) = try? RTPHeader.parse(bytes) else { return }
        let clockRate = Double(state.track.clockRate ?? 90000)
        let elapsed = arrival - origin
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        state.reception.count(
            sequence: header.sequenceNumber, timestamp: header.timestamp, ssrc: header.ssrc,
            arrival: seconds * clockRate)
        var units: [H264AccessUnit] = []
        if state.assembler != nil {
            units = state.assembler!.push(
                bytes[payloadRange], timestamp: header.timestamp, sequenceNumber: header.sequenceNumber,
                marker: header.marker)
        }
        media[track] = state
        if options.reportsPackets {
            emit(.rtp(RTSPClientRTPPacket(
                track: track, header: header, bytes: bytes, payloadRange: payloadRange, arrival: arrival)))
        }
        for unit in units { emit(.accessUnit(RTSPClientAccessUnit(track: track, unit: unit, arrival: arrival))) }
    }

    /// RR + SDES CNAME per track (RFC 3550 §6.4.2, §6.1: a compound starts with a report).
    func sendReceiverReports() {
        let now = ContinuousClock.now
        for track in media.keys.sorted() {
            guard var state = media[track] else { continue }
            let block = state.reception.reportBlock(now: now)
            media[track] = state
            let report = RTCPReceiverReport(ssrc: ssrc, reportBlocks: block.map { [$0] } ?? [])
            let bytes = RTCPCompound.serialize([
                .receiverReport(report), .sourceDescription(RTCPSourceDescription(ssrc: ssrc, cname: "camsim-client")),
            ])
            if let channel = state.rtcpChannel {
                var frame: [UInt8] = [UInt8(ascii: "$"), channel, UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)]
                frame += bytes
                write(frame)
            } else if let socket = state.rtcpSocket, let destination = state.rtcpDestination {
                let envelope = AddressedEnvelope(remoteAddress: destination, data: socket.allocator.buffer(bytes: bytes))
                socket.writeAndFlush(envelope, promise: nil)
            }
        }
    }

    static func unixNanoseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1e9)
    }
}
