/// One process's share of the configured cameras (`camsim serve --shard I/N`): shard
/// `index` of `count` serves exactly the cameras whose path ``Shard/index(ofPath:count:)``
/// assigns to it, so N processes given the same configuration serve disjoint sets of
/// cameras whose union is the whole configuration.
public struct Shard: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The most shards a configuration may be split into.
    public static let maximumCount = 1000

    /// This shard, 0 ..< `count`.
    public let index: Int
    /// How many shards the cameras are split into, 1 ... ``maximumCount``.
    public let count: Int

    /// Shard `index` of `count`; throws unless 0 ≤ index < count ≤ ``maximumCount``.
    public init(index: Int, count: Int) throws(ShardError) {
        guard (1...Self.maximumCount).contains(count) else { throw .countOutOfRange(count) }
        guard (0..<count).contains(index) else { throw .indexOutOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// `I/N` as written on the command line (`0/3`), or why it is not one.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Self.decimal(parts[0]), let count = Self.decimal(parts[1]) else {
            throw .malformed(text)
        }
        try self.init(index: index, count: count)
    }

    /// Whether this shard serves the camera at `path`.
    public func serves(path: String) -> Bool {
        Self.index(ofPath: path, count: count) == index
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// Plain decimal digits only: no sign, no spaces, no more than four digits.
    private static func decimal(_ text: Substring) -> Int? {
        guard (1...4).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// Why a `--shard` value is refused.
public enum ShardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not two decimal numbers around a `/`.
    case malformed(String)
    /// N is 0 or above ``Shard/maximumCount``.
    case countOutOfRange(Int)
    /// I is not below N.
    case indexOutOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case .malformed(let text):
            "'\(text)' is not a shard: expected I/N, the shard's index and the number of shards, e.g. 0/3"
        case .countOutOfRange(let count):
            "the number of shards must be 1 to \(Shard.maximumCount), not \(count)"
        case .indexOutOfRange(let index, let count):
            "shard \(index) does not exist among \(count): the index runs from 0 to \(count - 1)"
        }
    }
}
