import JPEGSyntax

/// One JPEG rebuilt from an RTP/JPEG frame.
public struct JPEGDepayloadedFrame: Hashable, Sendable {
    /// A complete JFIF-style baseline JPEG: headers made per RFC 2435 Appendix B, the scan, EOI.
    public var jpeg: [UInt8]
    public var timestamp: UInt32
    public var parameters: JPEGFrameParameters
    /// The main header's Q of the frame.
    public var q: UInt8
}

/// Rebuilds JPEGs from RTP/JPEG payloads (RFC 2435): collects a frame's fragments in offset
/// order and, at the marker bit, writes the headers a decoder needs in front of the scan.
/// Handles types 0 and 1 with or without restart markers (64, 65), Q 1-99 (the tables of
/// Appendix A) and Q 128-255 (in-band tables, remembered per Q for frames that omit them).
///
/// Loss drops the whole frame: a sequence gap, a fragment whose offset is not where the
/// previous one ended, a frame without its first fragment, a new timestamp before the
/// marker, or a header that changes within the frame.
public struct JPEGDepayloader: Sendable {
    /// Largest scan reassembled; bigger frames are dropped.
    public static let maxScanSize = 8 << 20

    private struct Assembly: Sendable {
        var timestamp: UInt32
        var main: JPEGMainHeader
        var restartInterval: Int
        var tables: [JPEGQuantizationTable]
        var scan: [UInt8]
    }

    private enum State: Sendable {
        case idle
        case assembling(Assembly)
        /// Skipping the rest of a frame already known to be broken (its timestamp).
        case discarding(UInt32)
    }

    private var state = State.idle
    private var lastSequenceNumber: UInt16?
    /// In-band tables of Q 128-254, for frames that send Length 0 (§3.1.8).
    private var tablesByQ: [UInt8: [JPEGQuantizationTable]] = [:]

    /// Frames given up because a piece was missing, they grew too big or their headers changed.
    public private(set) var droppedFrames = 0
    /// Payloads ignored because they were malformed or of a type this depayloader does not know.
    public private(set) var malformedPayloads = 0

    public init() {}

    /// Feeds one RTP payload (the octets after the RTP header, padding removed) and returns
    /// the frame it completes, if any. Pass `sequenceNumber` to have gaps detected.
    public mutating func depayload(
        _ payload: some RandomAccessCollection<UInt8>, marker: Bool, timestamp: UInt32, sequenceNumber: UInt16? = nil
    ) -> JPEGDepayloadedFrame? {
        if let sequenceNumber {
            if let last = lastSequenceNumber, sequenceNumber != last &+ 1 { abandon() }
            lastSequenceNumber = sequenceNumber
        }
        if case .assembling(let assembly) = state, assembly.timestamp != timestamp { abandon() }
        if case .discarding(let broken) = state, broken != timestamp { state = .idle }

        guard let parsed = parseHeaders(payload) else {
            malformedPayloads += 1
            abandon(timestamp: timestamp)
            return finish(marker: marker)
        }
        let (main, restart, tables, dataStart) = parsed
        let data = payload.dropFirst(dataStart)
        if main.fragmentOffset == 0 {
            abandon()
            guard let tables = resolveTables(main: main, inBand: tables) else {
                droppedFrames += 1
                state = .discarding(timestamp)
                return finish(marker: marker)
            }
            var scan: [UInt8] = []
            scan.reserveCapacity(data.count * 8)
            scan.append(contentsOf: data)
            state = .assembling(Assembly(
                timestamp: timestamp, main: main, restartInterval: Int(restart?.interval ?? 0), tables: tables, scan: scan))
        } else {
            switch state {
            case .assembling(var assembly):
                var expected = assembly.main
                expected.fragmentOffset = main.fragmentOffset
                guard main == expected, Int(main.fragmentOffset) == assembly.scan.count,
                      assembly.scan.count + data.count <= Self.maxScanSize
                else {
                    abandon(timestamp: timestamp)
                    return finish(marker: marker)
                }
                state = .idle  // release the array so appending does not copy
                assembly.scan.append(contentsOf: data)
                state = .assembling(assembly)
            case .idle:
                // A continuation with no start: its frame is broken. Count it once.
                droppedFrames += 1
                state = .discarding(timestamp)
            case .discarding:
                break
            }
        }
        return finish(marker: marker)
    }

    /// At the marker bit (§3: the last packet of a frame), the frame being assembled is complete.
    private mutating func finish(marker: Bool) -> JPEGDepayloadedFrame? {
        guard marker else { return nil }
        defer { state = .idle }
        guard case .assembling(let assembly) = state else { return nil }
        let sampling: JPEGChromaSampling = assembly.main.type & 0x3F == 1 ? .yuv420 : .yuv422
        let parameters = JPEGFrameParameters(
            width: Int(assembly.main.width) * 8, height: Int(assembly.main.height) * 8, sampling: sampling,
            quantizationTables: assembly.tables, restartInterval: assembly.restartInterval)
        var jpeg = parameters.headers()
        jpeg.reserveCapacity(jpeg.count + assembly.scan.count + 2)
        jpeg += assembly.scan
        if !(assembly.scan.count >= 2 && assembly.scan[assembly.scan.count - 2] == 0xFF && assembly.scan.last == JPEGMarker.endOfImage) {
            jpeg += [0xFF, JPEGMarker.endOfImage]
        }
        return JPEGDepayloadedFrame(jpeg: jpeg, timestamp: assembly.timestamp, parameters: parameters, q: assembly.main.q)
    }

    /// The headers of a payload and where its data starts, or nil for a malformed payload or
    /// an unknown type (only 0, 1, 64 and 65 are defined for this use).
    private func parseHeaders(
        _ payload: some RandomAccessCollection<UInt8>
    ) -> (JPEGMainHeader, JPEGRestartHeader?, JPEGQuantizationHeader?, Int)? {
        guard let main = try? JPEGMainHeader.parse(payload), [0, 1, 64, 65].contains(main.type),
              main.width > 0, main.height > 0, main.q != 0, !(100...127).contains(main.q)
        else { return nil }
        var offset = JPEGMainHeader.size
        var restart: JPEGRestartHeader?
        if main.hasRestartHeader {
            guard let header = try? JPEGRestartHeader.parse(payload, at: offset) else { return nil }
            restart = header
            offset += JPEGRestartHeader.size
        }
        var tables: JPEGQuantizationHeader?
        if main.hasQuantizationHeader {
            guard let parsed = try? JPEGQuantizationHeader.parse(payload, at: offset) else { return nil }
            tables = parsed.0
            offset += parsed.1
        }
        return (main, restart, tables, offset)
    }

    /// The luma and chroma tables of a frame: Appendix A's for Q 1-99, the in-band ones
    /// (remembered for Q 128-254), or the remembered ones when the frame sends Length 0.
    private mutating func resolveTables(main: JPEGMainHeader, inBand: JPEGQuantizationHeader?) -> [JPEGQuantizationTable]? {
        if main.q < 128 {
            let tables = JPEGQuantizationTable.rfc2435(q: Int(main.q))
            return [tables.luminance, tables.chrominance]
        }
        guard let inBand else { return nil }
        if inBand.tables.isEmpty {
            return main.q == 255 ? nil : tablesByQ[main.q]
        }
        // One table serves both; a third or fourth one is not used by types 0 and 1.
        let tables = Array((inBand.tables.count == 1 ? inBand.tables + inBand.tables : inBand.tables).prefix(2))
        if main.q != 255 { tablesByQ[main.q] = tables }
        return tables
    }

    /// Drops the frame being assembled, if any.
    private mutating func abandon() {
        if case .assembling(let assembly) = state {
            droppedFrames += 1
            state = .discarding(assembly.timestamp)
        }
    }

    /// Drops the frame being assembled and skips the rest of the frame of `timestamp`.
    private mutating func abandon(timestamp: UInt32) {
        if case .assembling = state { droppedFrames += 1 }
        state = .discarding(timestamp)
    }
}
