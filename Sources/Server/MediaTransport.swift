import NIOCore

/// Where a session's RTP and RTCP packets go. Every method runs on `eventLoop`.
///
/// Writes may queue until `flush`. The viewer flushes once per access unit (its RTP
/// packets and any sender report together), after a BYE, and after each packet a
/// network fault sends late. A UDP socket puts its flush off until the loop's waiting tasks
/// have run, so the viewers of one frame tick share a flush (`UDPMediaSocket`).
protocol MediaTransport: Sendable {
    var eventLoop: any EventLoop { get }
    /// False when the viewer cannot take more now (a TCP viewer whose queue is full).
    var canAcceptMore: Bool { get }
    func writeRTP(_ packet: ByteBuffer)
    func writeRTCP(_ packet: ByteBuffer)
    func flush()
}
