import NIOCore

extension CamsimServer {
    /// An RTP datagram on one of the server's RTP ports: the audio of an ONVIF backchannel
    /// (ONVIF Streaming Specification §5.3), sent from the client_port its SETUP named.
    /// A client that sends from another port of the same host is matched when it has the
    /// only backchannel from there. Anything else (a client's NAT-opening packet, a stray
    /// sender) is dropped. The sessions are searched: a server has few, and a backchannel
    /// sends 50 packets a second.
    func receiveRTP(from source: SocketAddress, _ datagram: ByteBuffer) {
        guard let host = source.ipAddress, let port = source.port else { return }
        var sameHost: [(RTSPServerSession, BackchannelTrack)] = []
        for session in sessions.all {
            for binding in session.bindings {
                guard let backchannel = binding.track as? BackchannelTrack,
                      case .udp(let client, let rtpPort, _) = binding.transport, client.ipAddress == host
                else { continue }
                if rtpPort == port { return deliver(datagram, to: backchannel, of: session) }
                sameHost.append((session, backchannel))
            }
        }
        if sameHost.count == 1 { deliver(datagram, to: sameHost[0].1, of: sameHost[0].0) }
    }

    private func deliver(_ datagram: ByteBuffer, to backchannel: BackchannelTrack, of session: RTSPServerSession) {
        backchannel.receive(datagram.readableBytesView, arrivalNanoseconds: clock.nanoseconds())
        session.noteActivity()
    }
}
