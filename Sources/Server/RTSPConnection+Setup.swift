import Cameras
import Faults
import NIOCore
import RTP
import RTSP
import Randomness

extension RTSPConnection {
    /// SETUP (RFC 2326 §10.4): picks the first offered transport camsim serves and
    /// answers with exactly that one, client_port/interleaved echoed and the real
    /// server_port pair, or the stream's multicast group. Each track of the stream
    /// (`trackID=N`) is SETUP on its own within one session, each with its own transport
    /// (interleaved channels 0-1, 2-3, … when the client names none); SETUP again on a
    /// track of the session changes that track's transport, at once when it is playing.
    /// Multicast carries the video track only.
    func setup(_ context: RTSPRequestContext) -> RTSPResponse {
        let request = context.request
        do throws(Refusal) {
            let mount = try context.requireMount()
            guard let value = request.headers[TransportHeader.headerName] else { throw Refusal(.badRequest) }
            // A header none of whose alternatives parses is 400; alternatives that parse
            // but name a transport camsim does not serve are passed over (461 if none is left).
            let offered: [TransportSpec]
            do throws(TransportHeaderError) {
                offered = try TransportHeader.parseOffer(value)
            } catch {
                throw Refusal(error.status)
            }
            let faultQuery = try context.requireViewerFaults()
            let existing = try context.namedSession()
            if let existing {
                // One stream per session: its tracks may be added, or their transports changed.
                guard existing.stream === mount.stream else { throw Refusal(.aggregateOperationNotAllowed) }
            }
            let trackIndex = mount.track ?? 0
            // The backchannel track is the session's own, made once and kept on a new SETUP.
            let earlierBackchannel = existing?.binding(track: trackIndex)?.track as? BackchannelTrack
            var backchannelIdentity: StreamIdentity?
            if mount.isBackchannel {
                var generator = SeededGenerator.fromEntropy()
                backchannelIdentity = earlierBackchannel?.identity ?? StreamIdentity(using: &generator)
            }
            let streamTrack = mount.isBackchannel ? nil : mount.stream.track(trackIndex)
            guard let ssrc = streamTrack?.identity.ssrc ?? backchannelIdentity?.ssrc else { throw Refusal(.notFound) }
            if existing?.multicastGroup != nil, trackIndex != 0 {
                throw Refusal(.unsupportedTransport, reason: "multicast sessions carry the video track only")
            }
            let control = context.controlOverlay ?? mount.faults.control
            let usable = TransportHeader(specs: try servableOverThisConnection(offered, context: context).filter { spec in
                control.transportRefusal(spec.lowerTransport == .tcp ? .tcp : .udp) == nil
            })
            let (transport, reply) = try chooseTransport(
                from: usable, mount: mount, ssrc: ssrc, allowMulticast: trackIndex == 0)
            if case .multicast = transport, Self.hasPerViewerFaults(faultQuery) {
                throw Refusal(.parameterNotUnderstood, reason: Self.multicastFaultsRefusal)
            }
            if existing == nil {
                let owned = ownedSessions.count
                guard owned < RTSPConnection.maximumSessionsPerConnection else {
                    throw Refusal(.notEnoughBandwidth, reason: "at most \(RTSPConnection.maximumSessionsPerConnection) sessions per connection")
                }
                let watching = environment.sessions.all.filter { $0.stream === mount.stream }.count
                if let code = control.admissionRefusal(currentViewers: watching) {
                    throw Refusal(RTSPStatus(code: code), reason: "camera allows \(control.profile.maxViewers ?? 0) viewers")
                }
            }
            if existing == nil { try admitPlayback(mount) }
            let session = existing ?? makeSession(for: mount, user: context.user)
            if existing == nil { session.playback = mount.playback }
            if case .failure(let status) = session.handle(.setup) { throw Refusal(status) }
            if case .multicast = transport, let group = mount.multicast {
                joinMulticast(session, group: group, isNew: existing == nil, control: control)
                var response = answer(.ok)
                response.headers.add(TransportHeader.headerName, reply)
                response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
                return response
            }
            let track: any MediaTrack
            if let streamTrack {
                track = streamTrack
            } else if let earlierBackchannel {
                track = earlierBackchannel
            } else if let settings = mount.backchannel, let backchannelIdentity {
                track = BackchannelTrack(
                    settings: settings, identity: backchannelIdentity, cameraPath: mount.cameraPath, sessionID: session.id)
            } else {
                throw Refusal(.notFound)
            }
            let faults = makeViewerFaults(mount: mount, query: faultQuery, sessionID: session.id)
            guard let viewer = makeViewer(for: session, transport: transport, faults: faults, track: trackIndex, format: track.format) else {
                throw Refusal(.unsupportedTransport)
            }
            session.multicastGroup?.leave(session)
            if trackIndex == 0 { session.keyframeOnJoin = !faults.media.suppressesIDROnJoin }
            if let old = session.setTransport(transport, viewer: viewer, track: trackIndex, of: track) {
                old.track.stop(old.viewer)
            }
            // A new transport while playing takes effect at once (RFC 2326 §10.4): the
            // new viewer joins the stream as PLAY would have it, on an IDR.
            if session.isPlaying { track.play(viewer, keyframeOnJoin: session.keyframeOnJoin) }
            if existing == nil {
                environment.sessions.add(session)
                session.announceStart()
                armSessionClose(session, control: control)
            }
            // The session's first track's RTCP source finds the session for UDP receiver reports.
            if session.bindings.first?.index == trackIndex {
                var rtcpSource: SocketAddress?
                if case .udp(let client, _, let rtcpPort) = transport {
                    rtcpSource = try? SocketAddress(ipAddress: client.ipAddress ?? "", port: rtcpPort)
                }
                environment.sessions.register(rtcpSource: rtcpSource, for: session)
            }
            var response = answer(.ok)
            response.headers.add(TransportHeader.headerName, reply)
            response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            return response
        } catch {
            return answer(error)
        }
    }

    /// Makes `session` a member of the stream's multicast group, leaving its unicast
    /// viewer if it had one; a playing session plays the group at once.
    private func joinMulticast(
        _ session: RTSPServerSession, group: MulticastGroup, isNew: Bool, control: ControlFaultModel
    ) {
        session.stopTracks()
        session.setMulticast(group)
        if session.isPlaying { group.play(session) { _ in } }
        if isNew {
            environment.sessions.add(session)
            armSessionClose(session, control: control)
        }
        environment.sessions.register(rtcpSource: nil, for: session)
    }

    /// Whether the URL query has faults of one viewer's packets: network and media
    /// faults, their schedule and seed, or no RTCP. A multicast session cannot take them
    /// (451); control-plane faults, which act on the connection's requests, it can.
    static func hasPerViewerFaults(_ query: FaultQuery) -> Bool {
        let profile = query.profile
        return !profile.network.isEmpty || !profile.media.isEmpty || profile.schedule != nil
            || profile.control.noRTCP != nil || query.seed != nil
    }

    /// The reason of the 451 a multicast session gets for faults of its own.
    static let multicastFaultsRefusal = "multicast viewers share one send of each packet: faults apply to the "
        + "camera's multicast group as a whole, not to one viewer; set them in the camera's fault profile"

    private func makeSession(for mount: CameraRegistry.Mount, user: String?) -> RTSPServerSession {
        var generator = SeededGenerator.fromEntropy()
        return RTSPServerSession(
            id: RTSPSessionID.generate(using: &generator),
            stream: mount.stream,
            ownerConnection: id,
            ownerChannel: channel,
            timeoutSeconds: environment.settings.sessionTimeoutSeconds,
            viaHTTPTunnel: carriesHTTPTunnel,
            viaTLS: isTLS,
            store: environment.sessions,
            clock: clock,
            logger: logger,
            user: user,
            cameraPath: mount.cameraPath,
            events: environment.events
        )
    }

    /// `close_session_after`: the session ends that long after SETUP, whatever its timeout says.
    private func armSessionClose(_ session: RTSPServerSession, control: ControlFaultModel) {
        let now = clock.nanoseconds()
        guard let at = control.sessionCloseTime(createdAt: now) else { return }
        eventLoop.scheduleTask(in: .nanoseconds(max(0, at - now))) { [weak session] in
            session?.end(reason: nil, sayGoodbye: false)
        }
    }

    private func makeViewer(
        for session: RTSPServerSession, transport: RTSPServerSession.Transport, faults: ViewerFaults,
        track: Int, format: RTPPayloadFormat
    ) -> SessionViewer? {
        let media: any MediaTransport
        switch transport {
        case .udp(let client, let rtpPort, let rtcpPort):
            let host = client.ipAddress ?? "127.0.0.1"
            guard let udp = environment.mediaPorts.udpTransport(
                rtpDestination: (try? SocketAddress(ipAddress: host, port: rtpPort)) ?? client,
                rtcpDestination: (try? SocketAddress(ipAddress: host, port: rtcpPort)) ?? client,
                near: eventLoop
            ) else { return nil }
            media = udp
        case .interleaved(let rtp, let rtcp):
            media = InterleavedMediaTransport(channel: channel, rtpChannel: rtp, rtcpChannel: rtcp)
        case .multicast:
            return nil
        }
        let channel = self.channel
        return SessionViewer(
            transport: media,
            faults: faults,
            cname: "camsim@\(environment.settings.urlHost)",
            clock: clock,
            statistics: session.stream.viewerStatistics,
            sessionID: session.id,
            streamName: session.stream.definition.streamName,
            track: track,
            format: format,
            onStart: { _, _ in },
            onEnd: { [weak session] in
                // The camera went away: the session ends and so does its connection, a clean end for the client.
                session?.end(reason: nil)
                channel.close(promise: nil)
            }
        )
    }

    /// The first offer camsim can serve: RTP/AVP unicast over UDP with usable client
    /// ports, RTP/AVP/TCP interleaved (channels chosen here when the client names none),
    /// or RTP/AVP multicast when the stream has a group. The answer is the transport
    /// chosen as the Transport header writes it.
    ///
    /// A multicast answer names the stream's group, port pair and scope, whatever the
    /// client asked for: the group is fixed per stream and shared by its viewers
    /// (RFC 2326 §12.39 lets the server choose the destination).
    ///
    /// With none, 461 Unsupported Transport (RFC 2326 §12.39), unless a UDP offer camsim
    /// would serve named a client_port pair it will not send to (`ClientPortPolicy`):
    /// that is the request's mistake, not a transport camsim lacks, so it is 400 Bad
    /// Request with the reason.
    private func chooseTransport(
        from offered: TransportHeader, mount: CameraRegistry.Mount, ssrc: UInt32, allowMulticast: Bool
    ) throws(Refusal) -> (RTSPServerSession.Transport, String) {
        var unusablePorts: PortRange?
        for spec in offered.specs {
            // RTP/AVP over UDP or TCP only (not SAVP, AVPF, SCTP, RAW, ...: RFC 2326 §12.39).
            guard spec.unsupported == nil, spec.mode.map({ $0.uppercased() == "PLAY" }) ?? true else { continue }
            if spec.delivery == .multicast {
                guard allowMulticast, let group = mount.multicast, (try? MulticastOffer(spec)) != nil else { continue }
                return (.multicast(group.answer), group.answer.serialized)
            }
            switch spec.lowerTransport {
            case .udp:
                guard let clientPort = spec.clientPort, let client = channel.remoteAddress,
                      let ports = environment.mediaPorts.serverPortPair(near: eventLoop)
                else { continue }
                guard let destination = ClientPortPolicy.destination(of: spec) else {
                    unusablePorts = unusablePorts ?? clientPort
                    continue
                }
                let reply = TransportSpec(
                    profile: "AVP", lowerTransport: .udp, delivery: .unicast,
                    clientPort: clientPort,
                    serverPort: PortRange(start: UInt16(ports.rtp), end: UInt16(ports.rtcp)),
                    ssrc: ssrc
                )
                return (.udp(client: client, rtpPort: Int(destination.rtp), rtcpPort: Int(destination.rtcp)), reply.serialized)
            case .tcp:
                let channels = spec.interleaved ?? nextFreeInterleavedChannels()
                guard let rtcp = channels.rtcpChannel else { continue }
                let reply = TransportSpec(
                    profile: "AVP", lowerTransport: .tcp, delivery: .unicast, interleaved: channels, ssrc: ssrc)
                return (.interleaved(rtp: channels.rtpChannel, rtcp: rtcp), reply.serialized)
            }
        }
        if let unusablePorts { throw Refusal(.badRequest, reason: ClientPortPolicy.refusal(unusablePorts)) }
        throw Refusal(.unsupportedTransport)
    }

    /// The lowest even channel pair no track of a session on this connection uses.
    private func nextFreeInterleavedChannels() -> ChannelRange {
        var used = Set<UInt8>()
        for session in ownedSessions {
            for binding in session.bindings {
                if case .interleaved(let rtp, let rtcp) = binding.transport {
                    used.insert(rtp)
                    used.insert(rtcp)
                }
            }
        }
        var channel: UInt8 = 0
        while used.contains(channel) || used.contains(channel + 1), channel < 254 { channel += 2 }
        return ChannelRange(start: channel, end: channel + 1)
    }
}
