/// What a camera shows: a scene known by name (such as `smpte-clock`), or a scene
/// written in place.
public typealias SceneReference = NamedOrInline<SceneSubject>

public enum SceneSubject: ReferenceSubject {
    public static let noun = "scene"
    public static let inlineNoun = "scene"
}

extension NamedOrInline where Subject == SceneSubject {
    /// The scene every camera shows unless told otherwise.
    public static var `default`: SceneReference { .named("smpte-clock") }
}
