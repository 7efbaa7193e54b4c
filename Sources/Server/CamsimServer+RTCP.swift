import NIOCore

extension CamsimServer {
    /// An RTCP datagram on the server's RTCP port: a receiver report keeps the session
    /// registered for its source alive, unless it left one of the server's own sockets
    /// (a `client_port` naming the server's own pair loops our sender reports back).
    func receiveRTCP(from source: SocketAddress, _ datagram: ByteBuffer) {
        guard let session = sessions.session(rtcpSource: source), let ports = udpPorts else { return }
        let serverPorts: Set<Int> = [ports.rtpPort, ports.rtcpPort]
        guard !RTCPLiveness.isServerEndpoint(source, serverPorts: serverPorts, serverAddress: session.serverAddress) else {
            return
        }
        session.noteReceiverReport(datagram.readableBytesView)
    }
}
