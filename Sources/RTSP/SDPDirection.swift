/// Which way media flows (RFC 4566 §6), from the point of view of whoever wrote the SDP.
/// An ONVIF backchannel is the `sendonly` audio section a camera offers (ONVIF Streaming
/// Specification §5.3).
public enum SDPDirection: String, Hashable, Sendable, CaseIterable {
    case sendrecv, sendonly, recvonly, inactive
}
