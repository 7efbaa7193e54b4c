import FuzzSupport
import JPEGSyntax
import RTP

/// RTP/JPEG payloads (RFC 2435 §3.1) fed to the depayloader. The input is a list of
/// records: one octet (bit 0 the marker, bits 1-7 the timestamp), a 16-bit length, the
/// payload. Headers that parse write back to the same octets; every frame that comes out
/// has a size RFC 2435 can describe, the headers of its parameters and a closing EOI.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJPEGDepayloader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    var depayloader = JPEGDepayloader()
    var at = 0
    while at + 3 <= bytes.count {
        let flags = bytes[at]
        let length = min(Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]), bytes.count - at - 3)
        let payload = Array(bytes[(at + 3)..<(at + 3 + length)])
        at += 3 + length
        checkHeaders(payload)
        guard let frame = depayloader.depayload(payload, marker: flags & 1 == 1, timestamp: UInt32(flags >> 1)) else { continue }
        let parameters = frame.parameters
        invariant(parameters.width % 8 == 0 && (8...2040).contains(parameters.width), "width \(parameters.width)")
        invariant(parameters.height % 8 == 0 && (8...2040).contains(parameters.height), "height \(parameters.height)")
        invariant(parameters.quantizationTables.count == 2, "\(parameters.quantizationTables.count) tables")
        invariant(frame.jpeg.starts(with: parameters.headers()), "the JPEG does not start with its headers")
        invariant(frame.jpeg.suffix(2) == [0xFF, 0xD9], "the JPEG does not end with EOI")
    }
    return 0
}

private func checkHeaders(_ payload: [UInt8]) {
    guard let main = try? JPEGMainHeader.parse(payload) else { return }
    var written: [UInt8] = []
    main.write(into: &written)
    invariant(written[...] == payload[..<JPEGMainHeader.size], "main header differs when written back")
    var offset = JPEGMainHeader.size
    if main.hasRestartHeader {
        guard let restart = try? JPEGRestartHeader.parse(payload, at: offset) else { return }
        written = []
        restart.write(into: &written)
        invariant(written[...] == payload[offset..<(offset + JPEGRestartHeader.size)], "restart header differs when written back")
        offset += JPEGRestartHeader.size
    }
    if main.hasQuantizationHeader, let parsed = try? JPEGQuantizationHeader.parse(payload, at: offset) {
        let (tables, size) = parsed
        invariant(size == tables.encodedSize, "table header size \(size), encoded \(tables.encodedSize)")
        invariant(offset + size <= payload.count, "table header runs past the payload")
    }
}
