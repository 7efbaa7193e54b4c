/// Reassembles access units from RFC 3640 `mpeg4-generic` payloads (AAC-hbr): payloads of
/// one or more whole units, and fragments of one unit (§3.2.3). Interleaving (non-zero
/// AU-index or AU-Index-delta) is refused. Pure: payloads in, units out.
public struct MPEG4GenericDepayloader: Sendable {
    /// One access unit and the RTP timestamp of its first sample.
    public struct AccessUnit: Hashable, Sendable {
        public var bytes: [UInt8]
        public var timestamp: UInt32
    }

    public let layout: MPEG4GenericAUHeaderLayout
    /// RTP timestamp units between consecutive units of one payload (1024 for AAC-LC, whose
    /// frames hold 1024 samples at the clock rate).
    public let unitDuration: UInt32
    private var fragment: [UInt8] = []
    private var fragmentSize = 0
    private var fragmentTimestamp: UInt32 = 0

    public init(layout: MPEG4GenericAUHeaderLayout = .aacHBR, unitDuration: UInt32 = 1024) {
        self.layout = layout
        self.unitDuration = unitDuration
    }

    /// Reads one RTP payload; returns the units it completes. A payload that cannot be read
    /// throws and drops any unit being reassembled.
    public mutating func push(
        payload: some RandomAccessCollection<UInt8>, timestamp: UInt32, marker: Bool
    ) throws(MPEG4GenericParseError) -> [AccessUnit] {
        let bytes = Array(payload)
        do throws(MPEG4GenericParseError) {
            return try read(bytes, timestamp: timestamp, marker: marker)
        } catch {
            reset()
            throw error
        }
    }

    /// Drops a unit being reassembled (after loss).
    public mutating func reset() {
        fragment.removeAll(keepingCapacity: true)
        fragmentSize = 0
    }

    private mutating func read(_ bytes: [UInt8], timestamp: UInt32, marker: Bool) throws(MPEG4GenericParseError) -> [AccessUnit] {
        let (section, start) = try MPEG4GenericAUHeaderSection.parse(bytes, layout: layout)
        if let header = section.headers.first(where: { $0.index != 0 }) { throw .interleaved(index: header.index) }
        let data = bytes.count - start
        let declared = section.headers.reduce(0) { $0 + $1.size }
        // A unit being reassembled that this payload does not continue lost its end: drop it.
        if fragmentSize > 0, section.headers.count != 1 || declared != fragmentSize || timestamp != fragmentTimestamp {
            reset()
        }
        // A lone header announcing more than the data section holds: a fragment (§3.2.3).
        if section.headers.count == 1, declared > data || fragmentSize > 0 {
            if fragmentSize == 0 {
                fragmentSize = declared
                fragmentTimestamp = timestamp
            }
            guard fragment.count + data <= fragmentSize else {
                throw .sizeMismatch(declared: fragmentSize, available: fragment.count + data)
            }
            fragment.append(contentsOf: bytes[start...])
            guard fragment.count == fragmentSize else {
                if marker { throw .sizeMismatch(declared: fragmentSize, available: fragment.count) }
                return []
            }
            let unit = AccessUnit(bytes: fragment, timestamp: fragmentTimestamp)
            reset()
            return [unit]
        }
        guard declared == data else { throw .sizeMismatch(declared: declared, available: data) }
        var units: [AccessUnit] = []
        units.reserveCapacity(section.headers.count)
        var offset = start
        for (position, header) in section.headers.enumerated() {
            units.append(AccessUnit(
                bytes: Array(bytes[offset..<(offset + header.size)]),
                timestamp: timestamp &+ UInt32(truncatingIfNeeded: position) &* unitDuration))
            offset += header.size
        }
        return units
    }
}
