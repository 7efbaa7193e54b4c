import Cameras
import Faults
import NIOCore
import RTSP
import Randomness

extension RTSPConnection {
    /// SETUP (RFC 2326 §10.4): picks the first offered transport camsim serves and
    /// answers with exactly that one, client_port/interleaved echoed and the real
    /// server_port pair.
    func setup(_ request: RTSPRequest) -> RTSPResponse {
        do throws(Refusal) {
            let mount = try self.mount(for: request)
            guard let value = request.headers[TransportHeader.headerName] else { throw Refusal(.badRequest) }
            guard let offered = try? TransportHeader.parse(value) else { throw Refusal(.badRequest) }
            let faultQuery = try viewerFaultQuery(request, mount: mount)
            let existing = try namedSession(request)
            if let existing {
                // One track per session: a second SETUP may only change the same track's transport.
                guard existing.stream === mount.stream else { throw Refusal(.aggregateOperationNotAllowed) }
            }
            let control = controlFaults(for: request, mount: mount)
            let usable = TransportHeader(specs: offered.specs.filter { spec in
                control.transportRefusal(spec.lowerTransport == .tcp ? .tcp : .udp) == nil
            })
            guard let (transport, reply) = chooseTransport(from: usable, ssrc: mount.stream.identity.ssrc) else {
                throw Refusal(.unsupportedTransport)
            }
            if existing == nil {
                let owned = ownedSessions.count
                guard owned < RTSPConnection.maximumSessionsPerConnection else {
                    throw Refusal(.notEnoughBandwidth, reason: "at most \(RTSPConnection.maximumSessionsPerConnection) sessions per connection")
                }
                let watching = server.sessions.all.filter { $0.stream === mount.stream }.count
                if let code = control.admissionRefusal(currentViewers: watching) {
                    throw Refusal(RTSPStatus(code: code), reason: "camera allows \(control.profile.maxViewers ?? 0) viewers")
                }
            }
            let session = existing ?? makeSession(for: mount.stream)
            if case .failure(let status) = session.handle(.setup) { throw Refusal(status) }
            if let old = session.viewer { mount.stream.stop(old) }
            let faults = makeViewerFaults(mount: mount, query: faultQuery, sessionID: session.id)
            session.keyframeOnJoin = !faults.media.suppressesIDROnJoin
            session.setTransport(transport, viewer: makeViewer(for: session, transport: transport, faults: faults))
            if existing == nil {
                server.sessions.add(session)
                armSessionClose(session, control: control)
            }
            if case .udp(let client, _, let rtcpPort) = transport,
               let source = try? SocketAddress(ipAddress: client.ipAddress ?? "", port: rtcpPort) {
                server.sessions.register(rtcpSource: source, for: session)
            }
            var response = answer(.ok)
            response.headers.add(TransportHeader.headerName, reply.serialized)
            response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            return response
        } catch {
            return answer(error)
        }
    }

    private func makeSession(for stream: CameraStream) -> RTSPServerSession {
        var generator = SeededGenerator.fromEntropy()
        return RTSPServerSession(
            id: RTSPSessionID.generate(using: &generator),
            stream: stream,
            ownerConnection: id,
            ownerChannel: channel,
            timeoutSeconds: server.configuration.sessionTimeoutSeconds,
            store: server.sessions,
            clock: server.clock,
            logger: logger
        )
    }

    /// `close_session_after`: the session ends that long after SETUP, whatever its timeout says.
    private func armSessionClose(_ session: RTSPServerSession, control: ControlFaultModel) {
        let now = server.clock.nanoseconds()
        guard let at = control.sessionCloseTime(createdAt: now) else { return }
        eventLoop.scheduleTask(in: .nanoseconds(max(0, at - now))) { [weak session] in
            session?.end(reason: nil, sayGoodbye: false)
        }
    }

    private func makeViewer(
        for session: RTSPServerSession, transport: RTSPServerSession.Transport, faults: ViewerFaults
    ) -> SessionViewer {
        let media: any MediaTransport
        switch transport {
        case .udp(let client, let rtpPort, let rtcpPort):
            let ports = server.udpPorts!.pair(for: eventLoop)
            let host = client.ipAddress ?? "127.0.0.1"
            media = UDPMediaTransport(
                ports: ports,
                rtpDestination: (try? SocketAddress(ipAddress: host, port: rtpPort)) ?? client,
                rtcpDestination: (try? SocketAddress(ipAddress: host, port: rtcpPort)) ?? client
            )
        case .interleaved(let rtp, let rtcp):
            media = InterleavedMediaTransport(channel: channel, rtpChannel: rtp, rtcpChannel: rtcp)
        }
        let channel = self.channel
        return SessionViewer(
            transport: media,
            faults: faults,
            cname: "camsim@\(server.urlHost)",
            clock: server.clock,
            onStart: { _, _ in },
            onEnd: { [weak session] in
                // The camera went away: the session ends and so does its connection, a clean end for the client.
                session?.end(reason: nil)
                channel.close(promise: nil)
            }
        )
    }

    /// The first offer camsim can serve: RTP/AVP unicast over UDP with client ports,
    /// or RTP/AVP/TCP interleaved (channels chosen here when the client names none).
    private func chooseTransport(
        from offered: TransportHeader, ssrc: UInt32
    ) -> (RTSPServerSession.Transport, TransportSpec)? {
        for spec in offered.specs {
            guard spec.transportProtocol.uppercased() == "RTP", spec.profile.uppercased() == "AVP",
                  spec.delivery != .multicast, spec.mode.map({ $0.uppercased() == "PLAY" }) ?? true
            else { continue }
            switch spec.lowerTransport {
            case .udp:
                guard let clientPort = spec.clientPort, let client = channel.remoteAddress,
                      let ports = server.udpPorts?.pair(for: eventLoop), let rtcpPort = clientPort.rtcpPort
                else { continue }
                let reply = TransportSpec(
                    profile: "AVP", lowerTransport: .udp, delivery: .unicast,
                    clientPort: clientPort,
                    serverPort: PortRange(start: UInt16(ports.rtpPort), end: UInt16(ports.rtcpPort)),
                    ssrc: ssrc
                )
                return (.udp(client: client, rtpPort: Int(clientPort.rtpPort), rtcpPort: Int(rtcpPort)), reply)
            case .tcp:
                let channels = spec.interleaved ?? nextFreeInterleavedChannels()
                guard let rtcp = channels.rtcpChannel else { continue }
                let reply = TransportSpec(
                    profile: "AVP", lowerTransport: .tcp, delivery: .unicast, interleaved: channels, ssrc: ssrc)
                return (.interleaved(rtp: channels.rtpChannel, rtcp: rtcp), reply)
            }
        }
        return nil
    }

    /// The lowest even channel pair no session on this connection uses.
    private func nextFreeInterleavedChannels() -> ChannelRange {
        var used = Set<UInt8>()
        for session in ownedSessions {
            if case .interleaved(let rtp, let rtcp) = session.transport {
                used.insert(rtp)
                used.insert(rtcp)
            }
        }
        var channel: UInt8 = 0
        while used.contains(channel) || used.contains(channel + 1), channel < 254 { channel += 2 }
        return ChannelRange(start: channel, end: channel + 1)
    }
}
