import ArgumentParser
import Glibc

/// `camsim-load play`: many interleaved RTSP viewers spread over a set of cameras,
/// `--in-flight` of them setting up at a time; once all play and a warm-up has passed, a measurement
/// window in which every viewer's RTP is checked against its camera's sequence
/// numbers: nothing missing, every frame there, none behind the camera's newest.
struct PlayLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Hold interleaved viewers and check that each gets every frame.")

    @OptionGroup var target: TargetOptions

    @Option(name: .customLong("path"), help: "A camera path; viewers are spread over them in turn (repeat the option).")
    var paths: [String]

    @Option(help: "Viewers to hold.")
    var sessions: Int

    @Option(help: "The cameras' frame rate, for the expected frame count.")
    var fps: Double

    @Option(help: "Seconds for every viewer to be playing.")
    var startTimeout: Double = 60

    @Option(help: "Seconds between the last viewer playing and the window.")
    var warmup: Double = 2

    @Option(help: "Seconds of the measurement window.")
    var window: Double = 8

    @Flag(help: "Also set up each camera's audio track (trackID=1) and check its packets.")
    var audio = false

    /// A viewer this many frames short of the window's expected count fails it: the
    /// window's edges fall between frames.
    static let frameSlack = 2.0

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one --path") }
        guard (1...50_000).contains(sessions) else { throw ValidationError("--sessions must be 1-50000") }
        guard fps > 0, window > 0, warmup >= 0, startTimeout > 0 else { throw ValidationError("times and --fps must be positive") }
    }

    func run() throws {
        let fileLimit = LoopbackConnect.raiseFileLimit()
        guard fileLimit > sessions + 64 else {
            throw ValidationError("open-file limit \(fileLimit) is too low for \(sessions) viewers")
        }
        var run = PlayRun(load: self)
        run.openAndPlay()
        run.measure()
        run.printResult()
    }
}

/// The state of one `play` run: the viewers, the epoll set, the clock.
struct PlayRun {
    let load: PlayLoad
    private var viewers: [PlayViewer] = []
    private let epoll = Epoll(capacity: 4096)
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    private var counting = false
    private var settingUp = 0
    private(set) var windowSeconds = 0.0
    private var cpuSeconds = 0.0
    private var bytesInWindow = 0

    init(load: PlayLoad) {
        self.load = load
        viewers.reserveCapacity(load.sessions)
    }

    /// Opens every viewer, at most `inFlight` at once, until all play or fail or the start timeout passes.
    mutating func openAndPlay() {
        let start = monotonicSeconds()
        while monotonicSeconds() - start < load.startTimeout {
            while settingUp < load.target.inFlight, viewers.count < load.sessions { open() }
            if viewers.count == load.sessions, settingUp == 0 { break }
            poll(milliseconds: 20)
        }
        let playing = viewers.filter { $0.phase == .playing }.count
        report("ready", ["playing": playing, "failed": load.sessions - playing, "seconds": format(monotonicSeconds() - start)])
    }

    /// Warm-up, then the window in which packets count, announced by a `window` line.
    mutating func measure() {
        let warmupEnd = monotonicSeconds() + load.warmup
        while monotonicSeconds() < warmupEnd { poll(milliseconds: 20) }
        counting = true
        report("window", ["seconds": format(load.window)])
        let start = monotonicSeconds()
        let cpuStart = processCPUSeconds()
        while monotonicSeconds() - start < load.window { poll(milliseconds: 20) }
        counting = false
        windowSeconds = monotonicSeconds() - start
        cpuSeconds = processCPUSeconds() - cpuStart
    }

    private mutating func open() {
        let index = viewers.count
        let camera = index % load.paths.count
        let url = "rtsp://127.0.0.1:\(load.target.port)/\(load.paths[camera])"
        guard let fd = LoopbackConnect.start(port: load.target.port, source: load.target.sourceAddress(index)) else {
            var viewer = PlayViewer(fd: -1, camera: camera, url: url, audio: load.audio)
            viewer.fail("connect: errno \(errno)")
            viewers.append(viewer)
            return
        }
        viewers.append(PlayViewer(fd: fd, camera: camera, url: url, audio: load.audio))
        settingUp += 1
        epoll.add(fd, events: Epoll.writable | Epoll.readable, token: UInt64(index))
    }

    private mutating func poll(milliseconds: Int32) {
        var ready: [(Int, UInt32)] = []
        epoll.wait(milliseconds: milliseconds) { ready.append((Int($0), $1)) }
        for (index, events) in ready { handle(index, events) }
    }

    private mutating func handle(_ index: Int, _ events: UInt32) {
        let wasSettingUp = viewers[index].isSettingUp
        if viewers[index].phase == .connecting {
            guard events & (Epoll.writable | Epoll.hangUp) != 0 else { return }
            viewers[index].connected()
            if viewers[index].phase != .failed {
                epoll.modify(viewers[index].fd, events: Epoll.readable, token: UInt64(index))
            }
        } else {
            read(index)
        }
        let phase = viewers[index].phase
        if wasSettingUp, !viewers[index].isSettingUp { settingUp -= 1 }
        if phase == .failed || phase == .closed {
            epoll.remove(viewers[index].fd)
            close(viewers[index].fd)
            viewers[index].fd = -1
        }
    }

    private mutating func read(_ index: Int) {
        let count = recv(viewers[index].fd, scratch.baseAddress, scratch.count, 0)
        if count < 0, errno == EAGAIN || errno == EINTR { return }
        guard count > 0 else {
            if viewers[index].phase == .playing {
                viewers[index].phase = .closed
            } else {
                viewers[index].fail(count == 0 ? "closed by the server while setting up" : "recv: errno \(errno)")
            }
            return
        }
        let bytes = UnsafeRawBufferPointer(rebasing: scratch[0..<count])
        if viewers[index].phase == .playing {
            scanMedia(index, bytes)
        } else {
            let media = viewers[index].receiveWhileSettingUp(bytes)
            if !media.isEmpty { media.withUnsafeBytes { scanMedia(index, $0) } }
        }
    }

    private mutating func scanMedia(_ index: Int, _ bytes: UnsafeRawBufferPointer) {
        if counting { bytesInWindow += bytes.count }
        var tally = viewers[index].tally
        var audioTally = viewers[index].audioTally
        let counting = self.counting
        viewers[index].scanner.scan(bytes) { channel, _, rtp in
            guard let rtp else { return }
            if channel == 0 { tally.record(rtp, counting: counting) } else if channel == 2 { audioTally.record(rtp, counting: counting) }
        }
        viewers[index].tally = tally
        viewers[index].audioTally = audioTally
        if viewers[index].scanner.isBroken {
            viewers[index].fail("bytes between interleaved frames")
        }
    }

    /// The window's verdict: one `result` line, and a `failure` line per distinct reason.
    func printResult() {
        let expected = load.fps * windowSeconds
        let frameTicks = 90_000 / load.fps
        var newest: [Int: UInt32] = [:]
        for viewer in viewers where viewer.phase == .playing {
            guard let last = viewer.tally.lastFrameTimestamp else { continue }
            if let current = newest[viewer.camera], Int32(bitPattern: current &- last) >= 0 { continue }
            newest[viewer.camera] = last
        }
        let playing = viewers.filter { $0.phase == .playing }
        let frames = playing.map(\.tally.frames)
        let lags = playing.map { viewer -> Double in
            guard let last = viewer.tally.lastFrameTimestamp, let top = newest[viewer.camera] else { return .infinity }
            return Double(Int32(bitPattern: top &- last)) / frameTicks
        }
        let short = frames.filter { Double($0) < expected - PlayLoad.frameSlack }.count
        let lossy = playing.filter { $0.tally.lost > 0 }.count
        report("result", [
            "sessions": load.sessions,
            "playing": playing.count,
            "failed": viewers.filter { $0.phase == .failed }.count + (load.sessions - viewers.count),
            "closed": viewers.filter { $0.phase == .closed }.count,
            "window_s": format(windowSeconds),
            "expected_frames": format(expected),
            "min_frames": frames.min() ?? 0,
            "max_frames": frames.max() ?? 0,
            "short_sessions": short,
            "lost_packets": playing.reduce(0) { $0 + $1.tally.lost },
            "lossy_sessions": lossy,
            "disordered": playing.reduce(0) { $0 + $1.tally.disordered },
            "lost_before_window": viewers.reduce(0) { $0 + $1.tally.lostOutside },
            "max_lag_frames": format(lags.max() ?? 0),
            "packets": playing.reduce(0) { $0 + $1.tally.packets },
            "audio_packets": playing.reduce(0) { $0 + $1.audioTally.packets },
            "min_audio_packets": playing.map(\.audioTally.packets).min() ?? 0,
            "audio_lost": playing.reduce(0) { $0 + $1.audioTally.lost },
            "mbit_s": format(Double(bytesInWindow) * 8 / 1e6 / max(windowSeconds, 1e-9)),
            "cpu_ms": Int(cpuSeconds * 1000),
        ])
        var reasons: [String: Int] = [:]
        for viewer in viewers { if let failure = viewer.failure { reasons[failure, default: 0] += 1 } }
        for (reason, count) in reasons.sorted(by: { $0.value > $1.value }) {
            print("failure count=\(count) reason=\(reason)")
        }
    }
}

func format(_ value: Double) -> String {
    value.isFinite ? String(Double(Int((value * 100).rounded())) / 100) : "inf"
}
