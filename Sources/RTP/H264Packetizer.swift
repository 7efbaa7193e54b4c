import H264Syntax
import NIOCore

/// Turns the NAL units of one H.264 access unit into RTP packets (RFC 6184,
/// packetization-mode=1). Payload layout is decided by `H264Payloader`; this type writes
/// the RTP headers and copies the NAL bytes, once, into one `ByteBuffer` whose slices are
/// the packets that fan-out hands to every viewer.
///
/// The buffer's storage is reused for the next access unit once nobody holds a packet of
/// the previous one, so a stream whose viewers keep up allocates no packet memory in steady state.
public struct H264Packetizer: Sendable {
    /// Smallest `maxPacketSize` accepted: an RTP header plus one FU-A octet.
    public static let minimumMaxPacketSize = RTPHeader.fixedSize + H264Payloader.minimumBudget

    public var ssrc: UInt32
    public var payloadType: UInt8
    public private(set) var nextSequenceNumber: UInt16
    /// Largest RTP packet (header included) produced.
    public let maxPacketSize: Int
    /// Where the next access unit is written; shared with the batches it returned until they go.
    private var storage = ByteBuffer()

    /// `maxPacketSize` below `minimumMaxPacketSize` is raised to it.
    public init(
        ssrc: UInt32, initialSequenceNumber: UInt16,
        payloadType: UInt8 = RTPPayloadFormat.h264.payloadType, maxPacketSize: Int = 1400
    ) {
        self.ssrc = ssrc
        self.payloadType = payloadType
        self.nextSequenceNumber = initialSequenceNumber
        self.maxPacketSize = max(maxPacketSize, Self.minimumMaxPacketSize)
    }

    /// Largest RTP payload: the packet size minus the 12-octet RTP header.
    public var payloadBudget: Int { maxPacketSize - RTPHeader.fixedSize }

    /// Packetizes one access unit. `nalUnits` are its NAL units without Annex B start codes,
    /// valid for the duration of the call. Sets the marker on the last packet (RFC 6184 §5.1).
    public mutating func packetize(nalUnits: [UnsafeRawBufferPointer], timestamp: UInt32) -> RTPPacketBatch {
        var summaries: [H264NALSummary] = []
        summaries.reserveCapacity(nalUnits.count)
        var containsIDR = false
        for nal in nalUnits {
            let header = H264NALHeader(rawValue: nal.first ?? 0)
            summaries.append(H264NALSummary(header: header, size: nal.count))
            if !nal.isEmpty && header.type == H264NALType.idrSlice { containsIDR = true }
        }
        let layouts = H264Payloader.plan(summaries, budget: payloadBudget)
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
            containsIDR: containsIDR,
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

    private static func writePayload(_ kind: H264PayloadLayout.Kind, nalUnits: [UnsafeRawBufferPointer], into buffer: inout ByteBuffer) {
        switch kind {
        case .single(let nal):
            buffer.writeBytes(nalUnits[nal])

        case .stapA(let nals):
            // RFC 6184 §5.7.1: STAP-A NAL HDR | NALU 1 Size | NALU 1 HDR | NALU 1 Data | ...
            // F is the OR of the aggregated F bits, NRI the maximum of their NRIs.
            var forbidden = false
            var nri: UInt8 = 0
            for nal in nals {
                let header = H264NALHeader(rawValue: nalUnits[nal][0])
                forbidden = forbidden || header.forbidden
                nri = max(nri, header.nri)
            }
            buffer.writeInteger(H264NALHeader(forbidden: forbidden, nri: nri, type: H264NALType.stapA).rawValue)
            for nal in nals {
                buffer.writeInteger(UInt16(nalUnits[nal].count))
                buffer.writeBytes(nalUnits[nal])
            }

        case .fuA(let nal, let range, let isStart, let isEnd):
            // RFC 6184 §5.8: FU indicator (F, NRI of the NAL; type 28), then the FU header:
            //     +---------------+
            //     |0|1|2|3|4|5|6|7|
            //     +-+-+-+-+-+-+-+-+
            //     |S|E|R|  Type   |
            //     +---------------+
            let header = nalUnits[nal][0]
            buffer.writeInteger(header & ~H264NALHeader.typeMask | H264NALType.fuA)
            var fuHeader = header & H264NALHeader.typeMask
            if isStart { fuHeader |= H264FUHeader.startMask }
            if isEnd { fuHeader |= H264FUHeader.endMask }
            buffer.writeInteger(fuHeader)
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: nalUnits[nal][range]))
        }
    }
}

/// Bits of the FU header octet (RFC 6184 §5.8).
enum H264FUHeader {
    static let startMask: UInt8 = 0x80
    static let endMask: UInt8 = 0x40
}
