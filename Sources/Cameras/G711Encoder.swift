/// The G.711 audio encoder of a track (RFC 3551 §4.5.14): one octet per sample, 20 ms
/// units (160 samples at 8 kHz), each sample the signal at its index from the track's
/// origin, compressed by the μ-law or A-law of ITU-T G.711.
///
/// The unit's octets live in one buffer the encoder keeps, so a unit costs no allocation.
public final class G711Encoder: AudioEncoding, @unchecked Sendable {
    /// Samples per second and per unit.
    public let rate: Int
    public let samplesPerUnit: Int
    public var formatParameters: SourceFormatParameters { SourceFormatParameters() }
    private let signal: @Sendable (_ sample: Int64) -> Int16
    private let compress: @Sendable (Int16) -> UInt8
    private let buffer: UnsafeMutableRawBufferPointer
    private let parts: [UnsafeRawBufferPointer]

    /// - Parameters:
    ///   - signal: the linear 16-bit sample at an index from the origin (a pure function).
    ///   - compress: G.711 μ-law or A-law of one linear sample.
    public init(
        rate: Int = 8000, packetMilliseconds: Int = 20,
        signal: @escaping @Sendable (_ sample: Int64) -> Int16,
        compress: @escaping @Sendable (Int16) -> UInt8
    ) {
        self.rate = rate
        samplesPerUnit = max(1, rate * packetMilliseconds / 1000)
        self.signal = signal
        self.compress = compress
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: samplesPerUnit, alignment: 1)
        parts = [UnsafeRawBufferPointer(buffer)]
    }

    deinit { buffer.deallocate() }

    public func encodeUnit<Result>(
        firstSample: Int64, wallClockNanos: Int64, _ body: ([UnsafeRawBufferPointer]) throws -> Result
    ) throws -> Result? {
        for index in 0..<samplesPerUnit {
            buffer[index] = compress(signal(firstSample + Int64(index)))
        }
        return try body(parts)
    }
}
