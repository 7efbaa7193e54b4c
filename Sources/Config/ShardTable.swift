import Foundation

/// Which shard serves each camera of a configuration and where each shard's process is
/// reached: what `camsim shards` prints, as a table or as JSON, so a recorder can import
/// the cameras of every pod at once.
///
/// A pod's host comes from a pattern in which `{shard}` is the shard's index and
/// `{namespace}` the namespace; by default `camsim-{shard}.camsim.{namespace}.svc`, the DNS
/// name of pod `camsim-I` of a StatefulSet behind the headless Service `camsim`.
public struct ShardTable: Sendable, Equatable {
    /// The default host pattern: pod `camsim-{shard}` of the headless Service `camsim`.
    public static let defaultHostPattern = "camsim-{shard}.camsim.{namespace}.svc"

    /// One shard's process.
    public struct Pod: Sendable, Equatable, Encodable {
        public var shard: Int
        public var host: String
        /// How many of the configured cameras it serves.
        public var cameras: Int
    }

    /// One configured camera and where it is served.
    public struct Camera: Sendable, Equatable, Encodable {
        public var path: String
        public var shard: Int
        public var url: String
        /// The `rtsps://` URL when the configuration serves RTSPS.
        public var secureURL: String?

        enum CodingKeys: String, CodingKey {
            case path, shard, url, secureURL = "rtsps_url"
        }
    }

    /// How many shards.
    public let count: Int
    /// Every camera's URL with `{shard}` and `{path}` left open.
    public let urlPattern: String
    public let pods: [Pod]
    /// In configuration order.
    public let cameras: [Camera]

    /// The table for `config`'s cameras split over `count` shards; the pattern's `{shard}`
    /// and `{namespace}` are filled in per pod. Throws when the pattern has another
    /// placeholder, or no `{shard}` while there is more than one shard.
    public init(
        config: CamsimConfig, count: Int, hostPattern: String = Self.defaultHostPattern, namespace: String = "default"
    ) throws(ShardTableError) {
        guard (1...Shard.maximumCount).contains(count) else {
            throw .shard(.countOutOfRange(count))
        }
        try Self.check(hostPattern: hostPattern, count: count)
        let pattern = hostPattern.replacingOccurrences(of: "{namespace}", with: namespace)
        func host(_ shard: Int) -> String { pattern.replacingOccurrences(of: "{shard}", with: String(shard)) }
        let port = config.server.port
        let tlsPort = config.server.tls?.port
        self.count = count
        urlPattern = "rtsp://\(pattern):\(port)/{path}"
        cameras = config.cameras.map { camera in
            let shard = Shard.index(ofPath: camera.path, count: count)
            return Camera(
                path: camera.path, shard: shard, url: "rtsp://\(host(shard)):\(port)/\(camera.path)",
                secureURL: tlsPort.map { "rtsps://\(host(shard)):\($0)/\(camera.path)" })
        }
        var perShard = Array(repeating: 0, count: count)
        for camera in cameras { perShard[camera.shard] += 1 }
        pods = (0..<count).map { Pod(shard: $0, host: host($0), cameras: perShard[$0]) }
    }

    private static func check(hostPattern: String, count: Int) throws(ShardTableError) {
        var rest = Substring(hostPattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { throw .unknownPlaceholder(String(rest[open...])) }
            let name = rest[rest.index(after: open)..<close]
            guard name == "shard" || name == "namespace" else { throw .unknownPlaceholder("{\(name)}") }
            rest = rest[rest.index(after: close)...]
        }
        if count > 1 && !hostPattern.contains("{shard}") { throw .noShardPlaceholder(hostPattern) }
        if hostPattern.isEmpty || hostPattern.contains(where: { $0 == "/" || $0 == " " }) {
            throw .invalidHost(hostPattern)
        }
    }
}

/// Why `camsim shards` cannot make its table.
public enum ShardTableError: Error, Equatable, Sendable, CustomStringConvertible {
    case shard(ShardError)
    case unknownPlaceholder(String)
    case noShardPlaceholder(String)
    case invalidHost(String)

    public var description: String {
        switch self {
        case .shard(let error): error.description
        case .unknownPlaceholder(let text):
            "the host pattern's '\(text)' is not a placeholder: use {shard} and {namespace}"
        case .noShardPlaceholder(let pattern):
            "the host pattern '\(pattern)' has no {shard}, so every shard would have the same host"
        case .invalidHost(let pattern):
            "the host pattern '\(pattern)' is not a host name (no '/', no spaces, not empty)"
        }
    }
}
