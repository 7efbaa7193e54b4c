import H265Syntax
import NIOCore

/// Turns the NAL units of one H.265 access unit into RTP packets (RFC 7798). Payload layout
/// is decided by `H265Payloader`; this type writes the RTP headers and copies the NAL bytes,
/// once, into one `ByteBuffer` whose slices are the packets that fan-out hands to every viewer.
///
/// The buffer's storage is reused for the next access unit once nobody holds a packet of
/// the previous one, so a stream whose viewers keep up allocates no packet memory in steady state.
public struct H265Packetizer: Sendable {
    /// Smallest `maxPacketSize` accepted: an RTP header plus one fragment octet.
    public static let minimumMaxPacketSize = RTPHeader.fixedSize + H265Payloader.minimumBudget

    public var ssrc: UInt32
    public var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    /// Largest RTP packet (header included) produced.
    public let maxPacketSize: Int
    /// Where the next access unit is written; shared with the batches it returned until they go.
    private var storage = ByteBuffer()
    /// Reused between access units so that planning allocates nothing in steady state.
    private var summaries: [H265NALSummary] = []

    /// `maxPacketSize` below `minimumMaxPacketSize` is raised to it.
    public init(ssrc: UInt32, initialSequenceNumber: UInt16, payloadType: UInt8 = 96, maxPacketSize: Int = 1400) {
        self.ssrc = ssrc
        self.payloadType = payloadType
        self.nextSequenceNumber = initialSequenceNumber
        self.maxPacketSize = max(maxPacketSize, Self.minimumMaxPacketSize)
    }

    /// Largest RTP payload: the packet size minus the 12-octet RTP header.
    public var payloadBudget: Int { maxPacketSize - RTPHeader.fixedSize }

    /// Packetizes one access unit. `nalUnits` are its NAL units without Annex B start codes,
    /// valid for the duration of the call. Sets the marker on the last packet (RFC 7798 §4.1).
    /// `containsIDR` of the batch is true when the access unit holds an IRAP slice.
    public mutating func packetize(nalUnits: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        summaries.removeAll(keepingCapacity: true)
        var containsIRAP = false
        for nal in nalUnits {
            let header = nal.count >= H265NALHeader.size ? H265NALHeader(nal[0], nal[1]) : H265NALHeader(rawValue: 0)
            summaries.append(H265NALSummary(header: header, size: nal.count))
            if nal.count >= H265NALHeader.size && H265NALType.isIRAP(header.type) { containsIRAP = true }
        }
        let layouts = H265Payloader.plan(summaries, budget: payloadBudget)
        let first = nextSequenceNumber
        guard !layouts.isEmpty else {
            return RTPPacketBatch(timestamp: timestamp, firstSequenceNumber: first)
        }

        let payloadOctets = layouts.reduce(0) { $0 + $1.size }
        // Allocates only when a packet of an earlier batch is still held, or the unit is bigger.
        storage.clear(minimumCapacity: payloadOctets + layouts.count * RTPHeader.fixedSize)
        for (index, layout) in layouts.enumerated() {
            let header = RTPHeader(
                marker: index == layouts.count - 1,
                payloadType: payloadType,
                sequenceNumber: nextSequenceNumber,
                timestamp: timestamp,
                ssrc: ssrc
            )
            header.write(into: &storage)
            Self.writePayload(layout.kind, nalUnits: nalUnits, into: &storage)
            nextSequenceNumber &+= 1
        }
        // Slices are cut once everything is written: each shares the storage, none copies.
        var packets: [ByteBuffer] = []
        packets.reserveCapacity(layouts.count)
        var offset = storage.readerIndex
        for layout in layouts {
            let size = RTPHeader.fixedSize + layout.size
            packets.append(storage.getSlice(at: offset, length: size)!)
            offset += size
        }
        return RTPPacketBatch(
            bytes: storage,
            packets: packets,
            timestamp: timestamp,
            firstSequenceNumber: first,
            containsIDR: containsIRAP,
            payloadOctets: payloadOctets
        )
    }

    /// Convenience for tests and small callers: the same, from arrays.
    public mutating func packetize(nalUnits: [[UInt8]], timestamp: UInt32) -> RTPPacketBatch {
        let joined = nalUnits.flatMap { $0 }
        return joined.withUnsafeBytes { all in
            var offset = 0
            var buffers: [UnsafeRawBufferPointer] = []
            buffers.reserveCapacity(nalUnits.count)
            for nal in nalUnits {
                buffers.append(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + nal.count)]))
                offset += nal.count
            }
            return packetize(nalUnits: buffers, timestamp: timestamp)
        }
    }

    private static func nalHeader(of nal: UnsafeRawBufferPointer) -> H265NALHeader {
        H265NALHeader(nal[0], nal[1])
    }

    private static func writePayload(_ kind: H265PayloadLayout.Kind, nalUnits: [UnsafeRawBufferPointer], into buffer: inout ByteBuffer) {
        switch kind {
        case .single(let nal):
            buffer.writeBytes(nalUnits[nal])

        case .aggregation(let nals):
            // RFC 7798 §4.4.2: PayloadHdr (Type 48) | NALU 1 Size | NALU 1 | NALU 2 Size | ...
            // F is the OR of the aggregated F bits; LayerId and TID are their lowest values.
            var forbidden = false
            var layerID = UInt8.max
            var temporalIDPlusOne = UInt8.max
            for nal in nals {
                let header = nalHeader(of: nalUnits[nal])
                forbidden = forbidden || header.forbidden
                layerID = min(layerID, header.layerID)
                temporalIDPlusOne = min(temporalIDPlusOne, header.temporalIDPlusOne)
            }
            let payloadHeader = H265NALHeader(
                forbidden: forbidden, type: H265NALType.aggregationPacket,
                layerID: layerID, temporalIDPlusOne: temporalIDPlusOne
            )
            buffer.writeInteger(payloadHeader.rawValue)
            for nal in nals {
                buffer.writeInteger(UInt16(nalUnits[nal].count))
                buffer.writeBytes(nalUnits[nal])
            }

        case .fragment(let nal, let range, let isStart, let isEnd):
            // RFC 7798 §4.4.3: PayloadHdr (F, LayerId, TID of the NAL unit; Type 49), then the
            // FU header (S, E, FuType = the NAL unit's type), then the fragment.
            let header = nalHeader(of: nalUnits[nal])
            buffer.writeInteger(header.with(type: H265NALType.fragmentationUnit).rawValue)
            var fuHeader = header.type & H265FUHeader.typeMask
            if isStart { fuHeader |= H265FUHeader.startMask }
            if isEnd { fuHeader |= H265FUHeader.endMask }
            buffer.writeInteger(fuHeader)
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: nalUnits[nal][range]))
        }
    }
}
