import Config

extension ConfigOptions {
    /// The configuration (``load()``) cut down to `shard`'s cameras, when there is a shard.
    func load(shard: Shard?) throws(ConfigErrors) -> CamsimConfig {
        let config = try load()
        guard let shard else { return config }
        return try config.sharded(shard)
    }
}
