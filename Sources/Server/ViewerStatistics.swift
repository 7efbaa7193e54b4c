/// A viewer's counts read at one moment on its loop: RTP packets and bytes sent, what
/// its faults did, its last receiver report, and its sender report counts.
struct ViewerStatistics: Sendable {
    var packetsSent: Int
    var bytesSent: Int
    var faults: FaultTally
    var reception: ReceptionReport?
    /// RTP packets and payload octets as its sender reports count them (RFC 3550 §6.4.1):
    /// what was handed to the network faults, before they drop or duplicate any.
    var senderPackets = 0
    var senderPayloadOctets = 0
    /// Whether any fault was ever in force for the viewer.
    var faultsWereActive = false
}
