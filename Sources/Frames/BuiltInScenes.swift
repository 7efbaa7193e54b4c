/// The default scene, built into the binary so `camsim serve` works even when no
/// Patterns/ directory can be found. The text is identical to Patterns/smpte-clock.yaml
/// (a test checks that they match).
extension Scene {
    /// The name of the default scene.
    public static let defaultSceneName = "smpte-clock"

    /// The YAML of the default scene.
    public static let builtInDefaultYAML = """
    # smpte-clock: the default scene.
    # SMPTE colour bars (EG 1 three-band layout, BT.709 values for HD, BT.601 for SD) with
    # the camera name, a UTC clock with milliseconds and a frame counter.
    # Lengths: whole numbers are pixels, numbers with a decimal point are fractions of the
    # frame (x/width of its width; y/height/size of its height).
    name: smpte-clock
    description: SMPTE colour bars, camera name, UTC clock with milliseconds, frame counter
    background:
      type: smpte-bars
    layers:
      - type: text
        template: "{camera}"
        x: 0.03
        y: 0.04
        size: 0.055
        colour: white
        box: black
        box_opacity: 0.6
      - type: digital-clock
        template: "{time:%Y-%m-%d %H:%M:%S.%f}"
        x: 0.97
        y: 0.04
        align: right
        size: 0.055
        colour: white
        box: black
        box_opacity: 0.6
      - type: frame-counter
        template: "#{frame:06}  {media_time}s  {fps} fps"
        x: 0.5
        y: 0.45
        align: center
        size: 0.07
        colour: white
        box: black
        box_opacity: 0.6

    """

    /// The default scene, parsed from `builtInDefaultYAML`.
    /// (The text is a constant checked by the tests, so parsing cannot fail.)
    public static let builtInDefault: Scene = try! Scene.parse(yaml: builtInDefaultYAML, file: "<built-in smpte-clock>")
}
