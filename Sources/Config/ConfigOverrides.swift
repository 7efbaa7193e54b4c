/// Command-line settings that take precedence over the configuration file.
///
/// Every field is optional; nil leaves the file's value alone.
///
/// - Server options (`port`, `bind`, `logLevel`, `mtu`, `controlAddress`,
///   `patternsDirectory`) replace the `server:` values. `tlsPort` (`--tls-port N`)
///   turns RTSPS on at that port, keeping the file's `server.tls` cert and key.
/// - `cameraCount` (`--cameras N`) replaces the file's cameras with N cameras
///   at `cam-01` … `cam-NN` (zero-padded to at least two digits, more when N
///   needs them: `cam-001` … `cam-100`). They copy the settings of the file's
///   first camera, or of the built-in `bars` camera when the file has none.
/// - `scene`, `onDemand` and `seed` apply to every camera. A seed S gives the
///   k-th camera (k = 0, 1, …) the seed S + k, so cameras differ but repeat.
/// - Stream options (`width`, `height`, `fps`, `bitrateKbps`, `crf`, `gop`,
///   `profile`, `preset`) apply to the first (main) stream of every camera;
///   sub streams keep their file values. Changing `fps` without `gop` moves a
///   default GOP along (it stays two seconds); a GOP set in the file is kept.
/// - `mode` (`--mode live|shared|loop`) applies to every stream of every camera. A
///   stream made a loop whose GOP is the two-second default gets a loop's one-second one.
public struct ConfigOverrides: Sendable, Equatable {
    public var port: Int?
    public var bind: String?
    public var logLevel: String?
    public var mtu: Int?
    public var controlAddress: String?
    public var patternsDirectory: String?
    public var cameraCount: Int?
    public var scene: String?
    public var onDemand: Bool?
    public var seed: UInt64?
    public var width: Int?
    public var height: Int?
    public var fps: Double?
    public var bitrateKbps: Int?
    public var crf: Double?
    public var gop: Int?
    public var profile: H264Profile?
    public var preset: String?
    public var tlsPort: Int?
    public var mode: StreamMode?

    public init(
        port: Int? = nil,
        bind: String? = nil,
        logLevel: String? = nil,
        mtu: Int? = nil,
        controlAddress: String? = nil,
        patternsDirectory: String? = nil,
        cameraCount: Int? = nil,
        scene: String? = nil,
        onDemand: Bool? = nil,
        seed: UInt64? = nil,
        width: Int? = nil,
        height: Int? = nil,
        fps: Double? = nil,
        bitrateKbps: Int? = nil,
        crf: Double? = nil,
        gop: Int? = nil,
        profile: H264Profile? = nil,
        preset: String? = nil,
        tlsPort: Int? = nil,
        mode: StreamMode? = nil
    ) {
        self.port = port
        self.bind = bind
        self.logLevel = logLevel
        self.mtu = mtu
        self.controlAddress = controlAddress
        self.patternsDirectory = patternsDirectory
        self.cameraCount = cameraCount
        self.scene = scene
        self.onDemand = onDemand
        self.seed = seed
        self.width = width
        self.height = height
        self.fps = fps
        self.bitrateKbps = bitrateKbps
        self.crf = crf
        self.gop = gop
        self.profile = profile
        self.preset = preset
        self.tlsPort = tlsPort
        self.mode = mode
    }

    /// `config` with these overrides applied, or every invalid override as a problem.
    ///
    /// Problems name the option (e.g. `--fps`) as key path, `<command line>` as file, and no line.
    public func apply(to config: CamsimConfig) throws(ConfigErrors) -> CamsimConfig {
        let problems = validationProblems()
        if !problems.isEmpty { throw ConfigErrors(problems: problems) }

        var result = config
        applyServer(to: &result.server)
        if let cameraCount {
            let base = config.cameras.first ?? CamsimConfig.embeddedDefault.cameras[0]
            result.cameras = ConfigOverrides.cameras(count: cameraCount, like: base)
        }
        for index in result.cameras.indices {
            applyCamera(to: &result.cameras[index], index: index)
        }
        return result
    }

    /// Paths `cam-01` … for `count` cameras copying `base`.
    static func cameras(count: Int, like base: CameraConfig) -> [CameraConfig] {
        let width = max(2, String(count).count)
        let name = TemplateName(parts: [.literal("cam-"), .number(oneBased: true, width: width)])
        return (0..<count).map { index in
            var camera = base
            camera.path = name.expand(index: index)
            camera.seed = base.seed.map { $0 &+ UInt64(index) }
            camera.template = CameraTemplate(pattern: "cam-{n:0\(width)}", index: index)
            return camera
        }
    }

    private func applyServer(to server: inout ServerSettings) {
        if let port { server.port = port }
        if let bind { server.bind = bind }
        if let logLevel { server.logLevel = logLevel }
        if let mtu { server.mtu = mtu }
        if let controlAddress, case .success(let address) = ServerSettings.controlAddress(controlAddress) {
            server.controlAddress = address  // nil for `off`
        }
        if let patternsDirectory { server.patternsDirectory = patternsDirectory }
        if let tlsPort {
            var tls = server.tls ?? TLSSettings()
            tls.port = tlsPort
            server.tls = tls
        }
    }

    private func applyCamera(to camera: inout CameraConfig, index: Int) {
        if let scene { camera.scene = .named(scene) }
        if let onDemand { camera.onDemand = onDemand }
        if let seed { camera.seed = seed &+ UInt64(index) }
        guard !camera.streams.isEmpty else { return }
        var stream = camera.streams[0]
        if let width { stream.width = width }
        if let height { stream.height = height }
        if let fps {
            if stream.gop == StreamConfig.defaultGOP(fps: stream.fps) {
                stream.gop = StreamConfig.defaultGOP(fps: fps)
            }
            stream.fps = fps
        }
        if let gop { stream.gop = gop }
        if let bitrateKbps { stream.rateControl = .bitrate(kbps: bitrateKbps) }
        if let crf { stream.rateControl = .crf(crf) }
        if let profile { stream.profile = profile }
        if let preset { stream.preset = preset }
        camera.streams[0] = stream
        if let mode { applyMode(mode, to: &camera) }
    }

    /// Sets every stream's mode; a loop keeps `loopSeconds` and takes a one-second GOP in
    /// place of the two-second default.
    private func applyMode(_ mode: StreamMode, to camera: inout CameraConfig) {
        for index in camera.streams.indices {
            var stream = camera.streams[index]
            if mode == .loop, stream.mode != .loop, gop == nil || index > 0,
                stream.gop == StreamConfig.defaultGOP(fps: stream.fps)
            {
                stream.gop = StreamConfig.defaultLoopGOP(fps: stream.fps)
            }
            stream.mode = mode
            camera.streams[index] = stream
        }
    }
}
