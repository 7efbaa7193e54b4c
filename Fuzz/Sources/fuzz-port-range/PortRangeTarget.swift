import FuzzSupport
import RTSP

/// Port and channel ranges of the Transport header (RFC 2326 §12.39): whatever parses is in
/// order and serializes to text that parses back the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPortRange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(FuzzInput.bytes(data, size))
    if let ports = PortRange(parsing: text) {
        invariant(ports.end.map { $0 >= ports.start } ?? true, "port range out of order: \(ports)")
        invariant(PortRange(parsing: ports.serialized) == ports, "round trip of \(ports)")
    }
    if let channels = ChannelRange(parsing: text) {
        invariant(channels.end.map { $0 >= channels.start } ?? true, "channel range out of order: \(channels)")
        invariant(ChannelRange(parsing: channels.serialized) == channels, "round trip of \(channels)")
    }
    return 0
}
