import Logging
import NIOConcurrencyHelpers
import NIOCore
import RTP
import Randomness

/// A stream's audio track (`trackID=1`): one encoder and one packetizer, fanned out to
/// the viewers that SETUP the track. Each unit is encoded and packetized once however
/// many listen. The encoder runs only while someone listens.
///
/// Sample n of the track was captured at the track's origin plus n / rate, on the same
/// monotonic and wall clocks as the video's frames, so sender reports of both tracks map
/// their RTP timestamps to one NTP clock (RFC 3550 §6.4.1) and clients can lip-sync.
///
/// All mutable state lives on `eventLoop`; public methods may be called from anywhere.
public final class AudioTrack: MediaTrack, @unchecked Sendable {
    public let definition: AudioTrackDefinition
    public let eventLoop: any EventLoop
    private let clock: any MonotonicClock
    private let streamName: String
    private let logger: Logger
    private let identityBox: NIOLockedValueBox<StreamIdentity>

    // Loop-confined.
    private var viewers: [ObjectIdentifier: any StreamViewer] = [:]
    private var encoder: (any AudioEncoding)?
    private var packetizer: any RTPPacketizer
    private var rtpClock: RTPTimestampClock
    private var unitClock: AudioUnitClock?
    private var tickTask: Scheduled<Void>?
    private var generation = 0
    /// Units made and skipped (for tests and the bench).
    public private(set) var unitsMade = 0

    public init(
        definition: AudioTrackDefinition, streamName: String, seed: UInt64, origin: ClockReading,
        eventLoop: any EventLoop, clock: any MonotonicClock, logger: Logger
    ) {
        self.definition = definition
        self.eventLoop = eventLoop
        self.clock = clock
        self.streamName = streamName
        self.logger = logger
        let (identity, packetizer, rtpClock) = Self.rtpState(seed: seed, streamName: streamName, definition: definition)
        identityBox = NIOLockedValueBox(identity)
        self.packetizer = packetizer
        self.rtpClock = rtpClock
        self.origin = origin
    }

    /// The monotonic and wall-clock instant of sample 0 when nothing better is known: the
    /// stream's creation.
    private let origin: ClockReading
    /// The video's frame clock origin (its frame 0), asked on the loop when the encoder
    /// starts, so sample n and frame k share one media timeline: the beep that goes with
    /// a flash starts on the flash's capture instant. Set once by the stream.
    var mediaOrigin: (() -> ClockReading?)?

    static func rtpState(
        seed: UInt64, streamName: String, definition: AudioTrackDefinition
    ) -> (StreamIdentity, any RTPPacketizer, RTPTimestampClock) {
        var generator = SeededGenerator.derived(from: seed, "rtp:\(streamName):audio")
        let identity = StreamIdentity(using: &generator)
        let packetizer = definition.makePacketizer(
            identity.ssrc, identity.initialSequenceNumber, definition.format.payloadType, definition.maxPacketSize)
        return (identity, packetizer, RTPTimestampClock(rate: definition.format.clockRate, base: identity.timestampBase))
    }

    public var format: RTPPayloadFormat { definition.format }

    public var identity: StreamIdentity { identityBox.withLockedValue { $0 } }

    /// The SDP format parameters of the encoder (AAC's `config=`), opening it to ask.
    public func formatParameters() -> EventLoopFuture<SourceFormatParameters> {
        eventLoop.submit {
            if let encoder = self.encoder { return encoder.formatParameters }
            return try self.definition.makeEncoder().formatParameters
        }
    }

    /// Starts sending to `viewer` with the next unit (every audio unit is a random-access
    /// point). The viewer is told that unit's sequence number and timestamp at once, before
    /// any packet of it exists, so an aggregate PLAY can answer before the video's first
    /// packet (clients such as ffmpeg drop interleaved packets that precede the answer).
    /// Called on the track's loop (as the video's first unit goes out) it starts at once.
    public func play(_ viewer: any StreamViewer, keyframeOnJoin: Bool = true) {
        if eventLoop.inEventLoop { return start(viewer) }
        eventLoop.execute { self.start(viewer) }
    }

    private func start(_ viewer: any StreamViewer) {
        let key = ObjectIdentifier(viewer)
        self.viewers[key] = viewer
        self.startIfNeeded()
        guard let unitClock = self.unitClock else { return }
        let unit = unitClock.nextUnit
        viewer.streamWillStart(
            firstSequenceNumber: self.packetizer.nextSequenceNumber,
            rtpTimestamp: self.rtpClock.base &+ UInt32(truncatingIfNeeded: unitClock.firstSample(ofUnit: unit)),
            captureWallClockNanos: unitClock.wallClockNanos(ofUnit: unit))
    }

    public func stop(_ viewer: any StreamViewer) {
        eventLoop.execute {
            let key = ObjectIdentifier(viewer)
            self.viewers.removeValue(forKey: key)
            if self.viewers.isEmpty { self.stopEncoding() }
        }
    }

    /// Every viewer is told the stream ended; the encoder closes.
    public func end() {
        eventLoop.execute {
            let ended = self.viewers.values
            self.viewers.removeAll()
            self.stopEncoding()
            for viewer in ended { viewer.streamDidEnd() }
        }
    }

    /// The camera "rebooted": viewers are dropped without a goodbye and the track gets a
    /// new identity from `seed`.
    public func reboot(seed: UInt64) {
        eventLoop.execute {
            let dropped = self.viewers.values
            self.viewers.removeAll()
            self.stopEncoding()
            let (identity, packetizer, rtpClock) = Self.rtpState(
                seed: seed, streamName: self.streamName, definition: self.definition)
            self.identityBox.withLockedValue { $0 = identity }
            self.packetizer = packetizer
            self.rtpClock = rtpClock
            for viewer in dropped { viewer.streamWasDropped() }
        }
    }

    /// Whether the encoder runs now (for tests: an unwatched track costs nothing).
    public func isEncoding() -> EventLoopFuture<Bool> {
        eventLoop.submit { self.encoder != nil }
    }

    // MARK: - Encoding

    private func startIfNeeded() {
        guard encoder == nil else { return }
        do {
            let encoder = try definition.makeEncoder()
            self.encoder = encoder
            let now = clock.nanoseconds()
            let origin = mediaOrigin?() ?? origin
            var unitClock = AudioUnitClock(
                rate: Int(definition.format.clockRate), samplesPerUnit: encoder.samplesPerUnit,
                originNanos: origin.monotonic, wallOriginNanos: origin.wall)
            unitClock.resume(at: now)
            self.unitClock = unitClock
            schedule()
        } catch {
            logger.error("cannot open audio encoder: \(error)")
            let ended = viewers.values
            viewers.removeAll()
            for viewer in ended { viewer.streamDidEnd() }
        }
    }

    private func stopEncoding() {
        tickTask?.cancel()
        tickTask = nil
        generation &+= 1
        encoder = nil
        unitClock = nil
    }

    private func schedule() {
        guard let unitClock else { return }
        generation &+= 1
        let current = generation
        let due = unitClock.dueNanos(ofUnit: unitClock.nextUnit)
        tickTask = eventLoop.scheduleTask(deadline: clock.deadline(forNanoseconds: due)) {
            guard current == self.generation else { return }
            self.tick()
        }
    }

    private func tick() {
        guard var unitClock, let encoder else { return }
        let (units, _) = unitClock.take(at: clock.nanoseconds())
        self.unitClock = unitClock
        for unit in units {
            let firstSample = unitClock.firstSample(ofUnit: unit)
            let wall = unitClock.wallClockNanos(ofUnit: unit)
            let timestamp = rtpClock.base &+ UInt32(truncatingIfNeeded: firstSample)
            do {
                guard let batch = try encoder.encodeUnit(firstSample: firstSample, wallClockNanos: wall, { parts in
                    packetizer.packetize(units: parts, timestamp: timestamp)
                }), batch.packetCount > 0 else { continue }
                unitsMade += 1
                fanOut(batch, unit: unit, wallClockNanos: wall)
            } catch {
                logger.error("audio encode failed: \(error)")
            }
        }
        schedule()
    }

    private func fanOut(_ batch: RTPPacketBatch, unit: Int64, wallClockNanos: Int64) {
        let ssrc = identity.ssrc
        let delivery = RTPDelivery(
            packets: batch.packets, rtpTimestamp: batch.timestamp, firstSequenceNumber: batch.firstSequenceNumber,
            ssrc: ssrc, isIDR: true, payloadOctets: batch.payloadOctets, captureWallClockNanos: wallClockNanos,
            frameIndex: unit, format: definition.format)
        for viewer in viewers.values { viewer.deliver(delivery) }
    }
}
