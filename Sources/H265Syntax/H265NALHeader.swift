/// The two-octet H.265 NAL unit header (ITU-T H.265 §7.3.1.2; RFC 7798 §1.1.4), also the
/// layout of the PayloadHdr of Aggregation Packets and Fragmentation Units (RFC 7798 §4.4).
///
///     +---------------+---------------+
///     |0|1|2|3|4|5|6|7|0|1|2|3|4|5|6|7|
///     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///     |F|   Type    |  LayerId  | TID |
///     +-------------+-----------------+
public struct H265NALHeader: Hashable, Sendable {
    /// Size of the header in octets.
    public static let size = 2
    public static let forbiddenMask: UInt16 = 0x8000
    public static let typeMask: UInt16 = 0x7E00
    public static let layerIDMask: UInt16 = 0x01F8
    public static let temporalIDMask: UInt16 = 0x0007

    public var rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The header from its two octets, in network order.
    public init(_ first: UInt8, _ second: UInt8) {
        rawValue = UInt16(first) << 8 | UInt16(second)
    }

    /// `temporalIDPlusOne` is TID as written (1...7); 0 is forbidden by H.265 but kept as given.
    public init(forbidden: Bool = false, type: UInt8, layerID: UInt8 = 0, temporalIDPlusOne: UInt8 = 1) {
        rawValue = (forbidden ? Self.forbiddenMask : 0)
            | UInt16(type) << 9 & Self.typeMask
            | UInt16(layerID) << 3 & Self.layerIDMask
            | UInt16(temporalIDPlusOne) & Self.temporalIDMask
    }

    /// F: forbidden_zero_bit; 1 flags a possibly corrupted NAL unit.
    public var forbidden: Bool { rawValue & Self.forbiddenMask != 0 }
    /// nal_unit_type, 0...63.
    public var type: UInt8 { UInt8(truncatingIfNeeded: (rawValue & Self.typeMask) >> 9) }
    /// nuh_layer_id, 0...63.
    public var layerID: UInt8 { UInt8(truncatingIfNeeded: (rawValue & Self.layerIDMask) >> 3) }
    /// nuh_temporal_id_plus1, 1...7 in a valid stream.
    public var temporalIDPlusOne: UInt8 { UInt8(truncatingIfNeeded: rawValue & Self.temporalIDMask) }

    /// The first octet on the wire.
    public var firstOctet: UInt8 { UInt8(truncatingIfNeeded: rawValue >> 8) }
    /// The second octet on the wire.
    public var secondOctet: UInt8 { UInt8(truncatingIfNeeded: rawValue) }

    /// The same header with another type, F, LayerId and TID unchanged.
    public func with(type: UInt8) -> H265NALHeader {
        H265NALHeader(rawValue: rawValue & ~Self.typeMask | UInt16(type) << 9 & Self.typeMask)
    }
}
