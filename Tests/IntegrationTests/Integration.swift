import Testing

/// The parent of every integration suite. Serialized (and so are the suites nested in
/// it) because each test runs a real server, encoders and decoders on a small machine,
/// and frame-count and timing checks must not compete with one another.
@Suite(.serialized)
struct Integration {}
