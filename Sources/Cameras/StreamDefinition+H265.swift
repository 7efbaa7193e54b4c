import RTP

extension StreamDefinition {
    /// Sends this stream as H.265: the scene rendered and encoded by x265
    /// (`H265EncodingPipeline`), packetized per RFC 7798 and announced as `H265/90000`.
    public mutating func encodeAsH265() {
        format = .h265
        makePacketizer = H265Packetizer.factory
        openMediaSource = { sized in try H265EncodingPipeline(definition: sized) }
    }
}
