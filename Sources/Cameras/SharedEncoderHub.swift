import Frames
import NIOConcurrencyHelpers
import RTP

/// One encoder shared by every camera stream of one key (`mode: shared`). It encodes
/// frames in order, each when the first camera needs it, and keeps the last few in a ring
/// (`SharedUnitRing`) from which every sharing camera takes them in order, at its own
/// frame slots, and packetizes them with its own RTP identity.
///
/// Its frames are numbered from 0 by the hub, so a scene's `{frame}` counts the hub's
/// frames; the wall clock drawn is the slot of the camera that asked first.
final class SharedEncoderHub: @unchecked Sendable {
    let key: SharedEncodingKey
    let formatParameters: SourceFormatParameters
    private let lock = NIOLock()
    private let encoder: any SceneEncodingSource
    private var capture: any RTPPacketizer
    private var ring: SharedUnitRing<SharedAccessUnit>
    private let framesPerSecond: Double
    private var statistics = SharedEncoderStatus.Frames()

    /// The ring holds a GOP and a few units more, so a camera that lost slots finds an
    /// IDR to catch up on before it falls out.
    static func ringCapacity(gop: Int) -> Int { min(max(gop + 4, 8), 300) }

    init(key: SharedEncodingKey, encoder: any SceneEncodingSource, definition: StreamDefinition) {
        self.key = key
        self.encoder = encoder
        formatParameters = encoder.formatParameters
        capture = AccessUnitCapture(
            format: definition.makePacketizer(0, 0, definition.format.payloadType, definition.maxPacketSize))
        ring = SharedUnitRing(capacity: Self.ringCapacity(gop: definition.encoder.gop))
        framesPerSecond = definition.encoder.frameRate.framesPerSecond
    }

    /// The unit after `cursor` for one camera's `request`, encoding it if that camera is
    /// the first to need it; nil when the encoder produced nothing.
    func next(after cursor: inout Int64?, for request: AccessUnitRequest) throws -> SharedAccessUnit? {
        try lock.withLock {
            var step = ring.step(&cursor, wantsIDR: request.forceIDR)
            if case .encode(let index, let forceIDR) = step {
                guard let unit = try encode(index: index, forceIDR: forceIDR, wallClockNanos: request.context.wallClockNanos)
                else { return nil }
                ring.append(unit, isIDR: unit.isIDR)
                statistics.encoded += 1
                if unit.isIDR { statistics.idrs += 1 }
                step = ring.step(&cursor, wantsIDR: false)
            }
            guard case .deliver(let entry) = step else { return nil }
            return entry.unit
        }
    }

    /// Frames and IDRs encoded so far.
    var frames: SharedEncoderStatus.Frames { lock.withLock { statistics } }

    /// Releases the encoder; called once the last camera has let go.
    func close() {
        lock.withLock { encoder.close() }
    }

    private func encode(index: Int64, forceIDR: Bool, wallClockNanos: Int64) throws -> SharedAccessUnit? {
        let context = FrameContext(
            frameIndex: index, mediaTime: Double(index) / framesPerSecond, wallClockNanos: wallClockNanos,
            cameraName: key.pictureName ?? "", seed: key.pictureSeed, frameRate: framesPerSecond)
        encoder.render(context)
        guard try encoder.encode(frameIndex: index, forceIDR: forceIDR, timestamp: 0, packetizer: &capture) != nil
        else { return nil }
        return (capture as? AccessUnitCapture)?.captured
    }
}
