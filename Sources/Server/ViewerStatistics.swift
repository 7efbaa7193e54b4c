/// A viewer's counts read at one moment on its loop: RTP packets and bytes sent, what
/// its faults did, and its last receiver report.
struct ViewerStatistics: Sendable {
    var packetsSent: Int
    var bytesSent: Int
    var faults: FaultTally
    var reception: ReceptionReport?
}
