/// Where the lines a description keeps as written go when it is serialized: RFC 4566 §5
/// fixes the order of the line types (`v o s i u e p c b t r z k a` for the session,
/// `m i c b k a` for each medium). Lines of a type the RFC does not name go just before
/// the attributes.
enum SDPLineOrder {
    static let session: [Character] = ["v", "o", "s", "i", "u", "e", "p", "c", "b", "t", "r", "z", "k"]
    static let media: [Character] = ["m", "i", "c", "b", "k"]

    /// The position of `type` in `order`; unknown types after all known ones.
    static func rank(_ type: Character, in order: [Character]) -> Int {
        order.firstIndex(of: type) ?? order.count
    }

    /// `lines` in RFC order, keeping the order they were read in within a type.
    static func sorted(_ lines: [SDPLine], in order: [Character]) -> [SDPLine] {
        lines.enumerated().sorted {
            let left = rank($0.element.type, in: order), right = rank($1.element.type, in: order)
            return left != right ? left < right : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The kept lines whose type ranks from `lower` up to but excluding `upper` (nil: to the end).
    static func lines(_ lines: [SDPLine], in order: [Character], from lower: Character, before upper: Character?) -> [SDPLine] {
        let low = rank(lower, in: order), high = upper.map { rank($0, in: order) } ?? Int.max
        return lines.filter { (low..<high).contains(rank($0.type, in: order)) }
    }
}
