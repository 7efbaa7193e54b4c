/// The RTP header extension of ONVIF replay (ONVIF Streaming Specification, "RTSP replay"),
/// profile 0xABAC, on the first packet of each access unit: when the frame was captured and
/// where it sits in the recording.
///
///      0                   1                   2                   3
///      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |            0xABAC             |          length = 3           |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |                  NTP timestamp (capture time)                 |
///     |                                                               |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |C|E|D|T|  mbz  |     CSeq      |            padding            |
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///
/// C: a clean point (the access unit can be decoded on its own, an IDR). E: the last
/// access unit of a contiguous section of the recording. D: the first after a
/// discontinuity (a gap, a seek). T: the last of the playback range. CSeq: the low byte
/// of the PLAY request's CSeq that these packets answer.
public struct ONVIFReplayExtension: Hashable, Sendable {
    public static let profile: UInt16 = 0xABAC
    /// The extension data: three 32-bit words.
    public static let dataSize = 12

    public var captureTime: NTPTimestamp
    public var cleanPoint: Bool
    public var endOfSection: Bool
    public var discontinuity: Bool
    public var terminal: Bool
    public var cSeq: UInt8

    static let cleanPointBit: UInt8 = 0x80
    static let endOfSectionBit: UInt8 = 0x40
    static let discontinuityBit: UInt8 = 0x20
    static let terminalBit: UInt8 = 0x10

    public init(
        captureTime: NTPTimestamp, cleanPoint: Bool = false, endOfSection: Bool = false,
        discontinuity: Bool = false, terminal: Bool = false, cSeq: UInt8 = 0
    ) {
        self.captureTime = captureTime
        self.cleanPoint = cleanPoint
        self.endOfSection = endOfSection
        self.discontinuity = discontinuity
        self.terminal = terminal
        self.cSeq = cSeq
    }

    /// Reads the extension from a header extension with profile 0xABAC and 12 octets of
    /// data; nil for any other. Must-be-zero bits and the padding are ignored.
    public init?(_ header: RTPHeaderExtension) {
        guard header.profile == Self.profile, header.data.count == Self.dataSize else { return nil }
        let data = header.data
        var raw: UInt64 = 0
        for byte in data[0..<8] { raw = raw << 8 | UInt64(byte) }
        let flags = data[8]
        self.init(
            captureTime: NTPTimestamp(rawValue: raw), cleanPoint: flags & Self.cleanPointBit != 0,
            endOfSection: flags & Self.endOfSectionBit != 0, discontinuity: flags & Self.discontinuityBit != 0,
            terminal: flags & Self.terminalBit != 0, cSeq: data[9])
    }

    /// The header extension to put on the packet.
    public var headerExtension: RTPHeaderExtension {
        var data: [UInt8] = []
        data.reserveCapacity(Self.dataSize)
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: captureTime.rawValue >> UInt64(shift))) }
        var flags: UInt8 = 0
        if cleanPoint { flags |= Self.cleanPointBit }
        if endOfSection { flags |= Self.endOfSectionBit }
        if discontinuity { flags |= Self.discontinuityBit }
        if terminal { flags |= Self.terminalBit }
        data += [flags, cSeq, 0, 0]
        return RTPHeaderExtension(profile: Self.profile, data: data)
    }
}
