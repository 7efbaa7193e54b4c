extension CamsimConfig {
    /// What shard `shard` serves of this configuration: the cameras ``Shard/serves(path:)``
    /// picks, in file order, with the server settings, fault profiles and users unchanged.
    ///
    /// With `server.multicast`, each kept stream is pinned to the group and port the whole
    /// configuration allocates it, so N shards send to the groups one unsharded process
    /// would, and never two streams to one group.
    public func sharded(_ shard: Shard) throws(ConfigErrors) -> CamsimConfig {
        let allocation: MulticastAllocation? = server.multicast == nil ? nil : try MulticastAllocation(self)
        var result = self
        result.cameras = cameras.filter { shard.serves(path: $0.path) }
        if let allocation {
            for c in result.cameras.indices {
                let path = result.cameras[c].path
                for s in result.cameras[c].streams.indices {
                    let name = result.cameras[c].streams[s].name
                    result.cameras[c].streams[s].multicast = allocation.endpoint(path: path, stream: name)
                }
            }
        }
        return result
    }
}
