import NIOCore
import RTP

/// One access unit's RTP packets, serialized once per stream and shared by every viewer.
/// `packets` are slices of one buffer, so handing them to many viewers copies nothing.
public struct RTPDelivery: Sendable {
    /// The packets in send order; each is a complete RTP packet (RFC 3550 §5.1).
    public var packets: [ByteBuffer]
    public var rtpTimestamp: UInt32
    public var firstSequenceNumber: UInt16
    public var ssrc: UInt32
    public var isIDR: Bool
    /// RTP payload bytes in this access unit (for RTCP octet counts, RFC 3550 §6.4.1).
    public var payloadOctets: Int
    /// Wall-clock capture time of the frame, nanoseconds since the Unix epoch.
    public var captureWallClockNanos: Int64
    /// Index of the frame in the stream's frame clock.
    public var frameIndex: Int64
    /// The payload format the packets are in (payload type, clock rate).
    public var format: RTPPayloadFormat
    /// The stream made this unit only once its viewer could take more (an unpaced replay):
    /// the viewer sends it even if its queue filled meanwhile, rather than skip to an IDR.
    public var waitedForViewer = false

    public init(
        packets: [ByteBuffer], rtpTimestamp: UInt32, firstSequenceNumber: UInt16, ssrc: UInt32,
        isIDR: Bool, payloadOctets: Int, captureWallClockNanos: Int64, frameIndex: Int64,
        format: RTPPayloadFormat = .h264
    ) {
        self.packets = packets
        self.rtpTimestamp = rtpTimestamp
        self.firstSequenceNumber = firstSequenceNumber
        self.ssrc = ssrc
        self.isIDR = isIDR
        self.payloadOctets = payloadOctets
        self.captureWallClockNanos = captureWallClockNanos
        self.frameIndex = frameIndex
        self.format = format
    }
}

/// Somebody watching a stream: an RTSP session's transport.
/// The stream calls these on its own event loop, in order.
public protocol StreamViewer: AnyObject, Sendable {
    /// The viewer's first packet will be the first of the next delivery: this is the
    /// `seq` and `rtptime` that PLAY's RTP-Info reports (RFC 2326 §12.33).
    func streamWillStart(firstSequenceNumber: UInt16, rtpTimestamp: UInt32, captureWallClockNanos: Int64)
    func deliver(_ delivery: RTPDelivery)
    /// The stream is going away (camera removed or server stopping).
    func streamDidEnd()
    /// The camera "rebooted": the viewer was dropped with no goodbye.
    func streamWasDropped()
}
