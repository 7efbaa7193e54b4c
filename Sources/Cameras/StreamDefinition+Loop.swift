extension StreamDefinition {
    /// Makes this stream a loop (`mode: loop`): its scene is recorded once, `seconds` long,
    /// by the codec's own encoder (the `openMediaSource` set now), and then replayed from
    /// memory by a `LoopMediaSource`; streams with the same `LoopKey` share the recording.
    /// Call it after the codec is chosen.
    public mutating func playAsLoop(
        seconds: Double, scene: String, codec: String, cameraText: String?, drawsWithSeed: Bool = true,
        library: LoopLibrary = .shared
    ) {
        loop = LoopSettings(
            seconds: seconds, scene: scene, codec: codec, cameraText: cameraText, drawsWithSeed: drawsWithSeed,
            openEncoder: openMediaSource,
            library: library)
        openMediaSource = { sized in try LoopMediaSource.open(sized) }
    }
}
