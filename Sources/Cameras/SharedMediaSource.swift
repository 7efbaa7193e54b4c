import RTP

/// A `mode: shared` stream's media source: the units of its key's `SharedEncoderHub`,
/// taken in order at the stream's own frame slots and packetized with the stream's own
/// RTP identity (SSRC, sequence numbers, timestamps from its own clock).
///
/// A frozen-picture fault does not hold a shared picture: the encoder is the other
/// cameras' too.
public final class SharedMediaSource: MediaSource, @unchecked Sendable {
    let hub: SharedEncoderHub
    private let hubs: SharedEncoders
    /// The hub index of the next unit this stream sends; nil before the first. Read and
    /// written by one request at a time (`MediaSource`'s contract).
    private var cursor: Int64?
    private var closed = false

    public var formatParameters: SourceFormatParameters { hub.formatParameters }

    /// Uses the encoder of `sized`'s key in `hubs`, opening it if nobody does yet.
    public init(definition sized: StreamDefinition, sharing: SharedEncoding, hubs: SharedEncoders) throws {
        self.hubs = hubs
        hub = try hubs.attach(sized, sharing: sharing)
    }

    /// The key of the encoder this source uses.
    public var key: SharedEncodingKey { hub.key }

    public func makeAccessUnit(_ request: AccessUnitRequest, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        guard let unit = try hub.next(after: &cursor, for: request) else { return nil }
        return unit.packetize(with: &packetizer, timestamp: request.rtpTimestamp)
    }

    public func close() {
        guard !closed else { return }
        closed = true
        hubs.detach(hub)
    }

    deinit { close() }
}
