import ArgumentParser
import Glibc

/// `camsim-load linger`: connections that hold a server's resources without using
/// them. Idle ones connect and send nothing; slow ones send a request one byte at a
/// time, very slowly, and never finish its head. It reports how long the server let
/// each kind stay, measured from the connect.
struct LingerLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "linger", abstract: "Hold idle and slow connections until the server closes them.")

    @OptionGroup var target: TargetOptions

    @Option(help: "Connections that send nothing.")
    var idle: Int = 0

    @Option(help: "Connections that send a request head byte by byte and never finish it.")
    var slow: Int = 0

    @Option(help: "Seconds between two bytes of one slow connection.")
    var byteInterval: Double = 1

    @Option(help: "Seconds to wait for the server to close everything before giving up.")
    var hold: Double = 60

    func validate() throws {
        guard idle >= 0, slow >= 0, idle + slow > 0, idle + slow <= 50_000 else {
            throw ValidationError("--idle plus --slow must be 1-50000")
        }
        guard byteInterval > 0, hold > 0 else { throw ValidationError("--byte-interval and --hold must be positive") }
    }

    func run() throws {
        let fileLimit = LoopbackConnect.raiseFileLimit()
        guard fileLimit > idle + slow + 64 else {
            throw ValidationError("open-file limit \(fileLimit) is too low for \(idle + slow) connections")
        }
        var run = LingerRun(load: self)
        run.hold()
        run.printResult()
    }
}

/// One lingering connection and what became of it.
struct LingeringConnection {
    enum Kind { case idle, slow }

    let kind: Kind
    var fd: Int32
    var connectedAt: Double?
    var closedAt: Double?
    var failure: String?
    /// Bytes of the endless request head sent so far (slow ones).
    var sent = 0
    var nextByteAt = 0.0
    /// Whether the server wrote anything before closing (a 408, say).
    var answered = false

    var isOpen: Bool { fd >= 0 }
}

/// The state of one `linger` run.
struct LingerRun {
    let load: LingerLoad
    private var connections: [LingeringConnection] = []
    private let epoll = Epoll(capacity: 4096)
    private var connecting = 0
    private let start = monotonicSeconds()
    /// The head a slow connection trickles: a request line, a CSeq, then a header
    /// value that never ends, so the blank line that would complete it never comes.
    private let head: [UInt8]

    init(load: LingerLoad) {
        self.load = load
        head = Array("OPTIONS rtsp://127.0.0.1:\(load.target.port)/ RTSP/1.0\r\nCSeq: 1\r\nX-Slow: ".utf8)
    }

    mutating func hold() {
        var announced = false
        while monotonicSeconds() - start < load.hold {
            while connecting < load.target.inFlight, connections.count < load.idle + load.slow { open() }
            if !announced, connections.count == load.idle + load.slow, connecting == 0 {
                announced = true
                report("ready", [
                    "connected": connections.filter { $0.connectedAt != nil }.count,
                    "failed": connections.filter { $0.failure != nil }.count,
                    "seconds": format(monotonicSeconds() - start),
                ])
            }
            if announced, !connections.contains(where: \.isOpen) { break }
            trickle()
            var ready: [(Int, UInt32)] = []
            epoll.wait(milliseconds: 20) { ready.append((Int($0), $1)) }
            for (index, events) in ready { handle(index, events) }
        }
    }

    private mutating func open() {
        let index = connections.count
        // Alternate while both kinds remain, then the rest of the larger kind.
        let paired = 2 * min(load.idle, load.slow)
        let kind: LingeringConnection.Kind =
            index < paired ? (index % 2 == 0 ? .slow : .idle) : (load.slow > load.idle ? .slow : .idle)
        guard let fd = LoopbackConnect.start(port: load.target.port, source: load.target.sourceAddress(index)) else {
            connections.append(LingeringConnection(kind: kind, fd: -1, failure: "connect: errno \(errno)"))
            return
        }
        connections.append(LingeringConnection(kind: kind, fd: fd))
        connecting += 1
        epoll.add(fd, events: Epoll.writable | Epoll.readable, token: UInt64(index))
    }

    private mutating func handle(_ index: Int, _ events: UInt32) {
        let now = monotonicSeconds()
        if connections[index].connectedAt == nil {
            guard events & (Epoll.writable | Epoll.hangUp) != 0 else { return }
            connecting -= 1
            let error = LoopbackConnect.pendingError(connections[index].fd)
            guard error == 0 else { return finish(index, failure: "connect: errno \(error)") }
            connections[index].connectedAt = now
            // Stagger the slow ones over one interval so their bytes do not arrive in step.
            connections[index].nextByteAt = now + load.byteInterval * Double(index % 97) / 97
            epoll.modify(connections[index].fd, events: Epoll.readable, token: UInt64(index))
            return
        }
        var scratch = [UInt8](repeating: 0, count: 4096)
        let count = recv(connections[index].fd, &scratch, scratch.count, 0)
        if count < 0, errno == EAGAIN || errno == EINTR { return }
        if count > 0 {
            connections[index].answered = true
            return
        }
        finish(index, failure: nil)
    }

    /// Sends the next byte of every slow connection that is due.
    private mutating func trickle() {
        let now = monotonicSeconds()
        for index in connections.indices where connections[index].kind == .slow && connections[index].isOpen {
            guard connections[index].connectedAt != nil, now >= connections[index].nextByteAt else { continue }
            let sent = connections[index].sent
            let byte = sent < head.count ? head[sent] : UInt8(ascii: "a")
            guard LoopbackConnect.send(connections[index].fd, [byte]) else {
                // The server closed: the read side reports it; a reset shows up here first.
                if errno != EAGAIN { finish(index, failure: nil) }
                continue
            }
            connections[index].sent += 1
            connections[index].nextByteAt += load.byteInterval
        }
    }

    private mutating func finish(_ index: Int, failure: String?) {
        connections[index].closedAt = monotonicSeconds()
        connections[index].failure = failure
        epoll.remove(connections[index].fd)
        close(connections[index].fd)
        connections[index].fd = -1
    }

    /// One `result` line: per kind, how many the server closed and how long each stayed.
    func printResult() {
        var fields: [(String, Any)] = []
        for (name, kind) in [("idle", LingeringConnection.Kind.idle), ("slow", .slow)] {
            let ofKind = connections.filter { $0.kind == kind }
            let held = ofKind.compactMap { connection -> Double? in
                guard connection.failure == nil, let open = connection.connectedAt, let closed = connection.closedAt else { return nil }
                return closed - open
            }.sorted()
            fields += [
                (name, ofKind.count),
                ("\(name)_failed", ofKind.filter { $0.failure != nil }.count),
                ("\(name)_closed", held.count),
                ("\(name)_still_open", ofKind.filter(\.isOpen).count),
                ("\(name)_answered", ofKind.filter(\.answered).count),
                ("\(name)_held_min_s", format(held.first ?? .infinity)),
                ("\(name)_held_max_s", format(held.last ?? .infinity)),
            ]
        }
        fields.append(("slow_bytes_max", connections.filter { $0.kind == .slow }.map(\.sent).max() ?? 0))
        fields.append(("elapsed_s", format(monotonicSeconds() - start)))
        print("result " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
        fflush(nil)  // every stream; stdout is a pipe to the benchmark
    }
}
