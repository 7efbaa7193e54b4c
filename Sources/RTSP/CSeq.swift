/// Why a message's CSeq (RFC 2326 §12.17) could not be read.
public enum CSeqError: Error, Hashable, Sendable {
    /// No CSeq header at all.
    case missing
    /// A CSeq header whose value is not 1...`CSeq.maximumDigits` decimal digits.
    case invalid(value: String)
    /// Several CSeq headers with different values.
    case conflicting(values: [String])
}

/// Reading and writing the CSeq header, the sequence number every response must echo
/// (RFC 2326 §12.17).
public enum CSeq {
    public static let headerName = "CSeq"
    /// Most digits accepted; keeps the value within 32 bits as clients count it.
    public static let maximumDigits = 9

    /// Parses a CSeq value: decimal digits, surrounding whitespace allowed.
    public static func parse(_ value: String) throws(CSeqError) -> Int {
        guard let number = HeaderSyntax.parseDigits(HeaderSyntax.trim(value), maxDigits: maximumDigits) else {
            throw .invalid(value: value)
        }
        return number
    }

    /// Reads the CSeq of `headers`, telling a missing header from a garbled one.
    public static func read(from headers: RTSPHeaders) throws(CSeqError) -> Int {
        let values = headers.values(headerName)
        guard let first = values.first else { throw .missing }
        let number = try parse(first)
        for other in values.dropFirst() where (try? parse(other)) != number {
            throw .conflicting(values: values)
        }
        return number
    }
}

extension RTSPHeaders {
    /// The CSeq as an integer, nil when missing or garbled (use `CSeq.read(from:)` to tell
    /// which). Setting writes the header; nil removes it.
    public var cSeq: Int? {
        get { try? CSeq.read(from: self) }
        set { self[CSeq.headerName] = newValue.map(String.init) }
    }
}
