import H264
import NIOConcurrencyHelpers
import NIOCore
@testable import Cameras

/// An upstream the test drives: it counts sessions and sends events to the newest one.
final class FakeUpstream: ProxyUpstream, @unchecked Sendable {
    let displayURL = "rtsp://upstream.test/live"
    private(set) var opened = 0
    private(set) var closed = 0
    private var events: (@Sendable (UpstreamEvent) -> Void)?

    func open(events: @escaping @Sendable (UpstreamEvent) -> Void) -> any UpstreamSession {
        opened += 1
        self.events = events
        return Session(upstream: self)
    }

    func send(_ event: UpstreamEvent) { events?(event) }

    static let parameterSets = ParameterSets(sequenceParameterSet: [0x67, 0x42, 0xC0, 0x1E], pictureParameterSet: [0x68, 0xCE])

    func describe(_ name: String = "H264") {
        send(.described(UpstreamDescription(encodingName: name, parameterSets: Self.parameterSets, frameRate: 25)))
    }

    /// An access unit of one slice NAL: type 5 (IDR) or 1, `size` bytes.
    func unit(idr: Bool, timestamp: UInt32, size: Int = 100, complete: Bool = true) {
        let nal = [UInt8(idr ? 0x65 : 0x41)] + [UInt8](repeating: 0xAB, count: size - 1)
        send(.accessUnit(UpstreamAccessUnit(nalUnits: [nal], rtpTimestamp: timestamp, isIDR: idr, isComplete: complete)))
    }

    struct Session: UpstreamSession {
        let upstream: FakeUpstream
        func close() { upstream.closed += 1 }
    }
}

/// A viewer that writes down what the stream tells it.
final class RecordingViewer: StreamViewer, @unchecked Sendable {
    struct Unit: Equatable {
        var firstSequenceNumber: UInt16
        var packets: Int
        var timestamp: UInt32
        var isIDR: Bool
    }

    private(set) var started: (sequenceNumber: UInt16, timestamp: UInt32)?
    private(set) var units: [Unit] = []
    private(set) var ended = false
    private(set) var dropped = false

    func streamWillStart(firstSequenceNumber: UInt16, rtpTimestamp: UInt32, captureWallClockNanos: Int64) {
        started = (firstSequenceNumber, rtpTimestamp)
    }

    func deliver(_ delivery: RTPDelivery) {
        units.append(Unit(
            firstSequenceNumber: delivery.firstSequenceNumber, packets: delivery.packets.count,
            timestamp: delivery.rtpTimestamp, isIDR: delivery.isIDR))
    }

    func streamDidEnd() { ended = true }
    func streamWasDropped() { dropped = true }

    /// Whether the units' sequence numbers run on without a gap.
    var sequenceIsContinuous: Bool {
        zip(units, units.dropFirst()).allSatisfy { $0.firstSequenceNumber &+ UInt16($0.packets) == $1.firstSequenceNumber }
    }
}
