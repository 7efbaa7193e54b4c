extension CamsimConfig {
    /// The configuration used when no file is given; identical to `Configs/default.yaml`.
    ///
    /// Two cameras showing `smpte-clock`: `bars` (1280x720 at 30 fps, the main
    /// camera, listed first) and `small` (640x360 at 15 fps, 600 kbit/s).
    public static var embeddedDefault: CamsimConfig {
        CamsimConfig(
            server: ServerSettings(),
            cameras: [
                CameraConfig(
                    path: "bars",
                    scene: .named("smpte-clock"),
                    streams: [StreamConfig(name: "main", width: 1280, height: 720, fps: 30)]
                ),
                CameraConfig(
                    path: "small",
                    scene: .named("smpte-clock"),
                    streams: [StreamConfig(
                        name: "main", width: 640, height: 360, fps: 15,
                        rateControl: .bitrate(kbps: 600)
                    )]
                ),
            ]
        )
    }
}
