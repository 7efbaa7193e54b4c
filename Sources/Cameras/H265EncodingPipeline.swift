import Foundation
import Frames
import H265
import H265Syntax
import RTP

/// The synthetic media source of an H.265 stream: render the scene into the encoder's
/// picture, encode with x265, packetize (RFC 7798). Exactly one request of a stream runs at
/// a time, so the encoder, renderer and packetizer are never touched concurrently.
public final class H265EncodingPipeline: SceneEncodingSource, @unchecked Sendable {
    public let encoder: H265Encoder
    public let source: any FrameSource
    public let parameterSets: H265ParameterSets
    public let formatParameters: SourceFormatParameters

    public init(definition: StreamDefinition) throws {
        encoder = try H265Encoder(settings: definition.encoder)
        source = try definition.makeSource(definition.encoder.width, definition.encoder.height)
        parameterSets = try encoder.parameterSets()
        formatParameters = SourceFormatParameters(fmtp: parameterSets.formatParameterPairs)
    }

    /// Draws the scene into x265's input picture.
    public func render(_ context: FrameContext) {
        source.render(into: encoder.inputPicture, context: context)
    }

    /// Encodes x265's input picture and packetizes it (RFC 7798). Nil when x265 produced nothing.
    public func encode(frameIndex: Int64, forceIDR: Bool, timestamp: UInt32, packetizer: inout any RTPPacketizer) throws -> RTPPacketBatch? {
        try encoder.encode(frameIndex: frameIndex, forceIDR: forceIDR) { nalUnits, _ in
            packetizer.packetize(units: nalUnits, timestamp: timestamp)
        }
    }

    /// Nothing to do: x265 and the renderer are freed with the last reference to the pipeline.
    public func close() {}
}

extension H265ParameterSets {
    /// The RFC 7798 §7.1 fmtp parameters of a stream with these parameter sets: profile-id,
    /// tier-flag and level-id from the SPS's profile_tier_level (profile-space too when it
    /// is not 0), then sprop-vps, sprop-sps and sprop-pps in base64.
    public var formatParameterPairs: [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        if let ptl = profileTierLevel {
            if ptl.profileSpace != 0 { pairs.append(("profile-space", String(ptl.profileSpace))) }
            pairs.append(("profile-id", String(ptl.profileIDC)))
            pairs.append(("tier-flag", ptl.tierFlag ? "1" : "0"))
            pairs.append(("level-id", String(ptl.levelIDC)))
        }
        pairs.append(("sprop-vps", Data(videoParameterSet).base64EncodedString()))
        pairs.append(("sprop-sps", Data(sequenceParameterSet).base64EncodedString()))
        pairs.append(("sprop-pps", Data(pictureParameterSet).base64EncodedString()))
        return pairs
    }
}
