import Foundation
import NIOCore
import NIOPosix
import RTP
import RTSP
import RTSPClient

/// The engine behind `RTSPClientConnection`. Every property is touched only on `loop`
/// (hence `@unchecked Sendable`): public entry points hop onto it first. It feeds bytes and
/// time to the `RTSPClientStateMachine` and carries out its actions.
final class ClientCore: @unchecked Sendable {
    /// How often time is fed to the state machine.
    static let tickInterval: TimeAmount = .milliseconds(100)

    let configuration: RTSPClientConfiguration
    let options: RTSPClientOptions
    let loop: any EventLoop
    let continuation: AsyncStream<RTSPClientEvent>.Continuation
    let origin = ContinuousClock.now
    let ssrc: UInt32

    var machine: RTSPClientStateMachine?
    var parser = RTSPResponseParser()
    /// The connection RTSP is written to (the POST half of a tunnel) and the one read from
    /// (the GET half); the same channel without a tunnel.
    var writeChannel: (any Channel)?
    var readChannel: (any Channel)?
    /// Channels closed on purpose (a redirect): their closing is not a failure.
    var retiredChannels: [ObjectIdentifier] = []
    var tunnelReplyPending = false
    var ticker: RepeatedTask?
    var isClosed = false
    var droppedEvents = 0

    var description: RTSPClientDescription?
    var session: RTSPClientSession?
    var media: [Int: TrackMedia] = [:]
    /// Interleaved channel number to (track, is RTCP).
    var channelMap: [UInt8: (track: Int, isRTCP: Bool)] = [:]
    var udpChannels: [any Channel] = []
    var nextReceiverReport: ContinuousClock.Instant = .now

    init(
        configuration: RTSPClientConfiguration, options: RTSPClientOptions, loop: any EventLoop,
        continuation: AsyncStream<RTSPClientEvent>.Continuation
    ) {
        self.configuration = configuration
        self.options = options
        self.loop = loop
        self.continuation = continuation
        self.ssrc = options.ssrc ?? UInt32.random(in: 1 ... .max)
    }

    var now: Duration { ContinuousClock.now - origin }

    func start() {
        loop.execute {
            do {
                self.machine = try RTSPClientStateMachine(configuration: self.configuration)
            } catch {
                self.finish(error)
                return
            }
            self.ticker = self.loop.scheduleRepeatedTask(initialDelay: Self.tickInterval, delay: Self.tickInterval) { _ in
                self.tick()
            }
            self.open(self.machine!.url)
        }
    }

    func close() {
        loop.execute {
            guard !self.isClosed, var machine = self.machine else {
                if self.machine == nil { self.finish(nil) }
                return
            }
            let actions = machine.tearDown(now: self.now)
            self.machine = machine
            self.perform(actions)
        }
    }

    func droppedEventCount() async -> Int {
        (try? await loop.submit { self.droppedEvents }.get()) ?? 0
    }

    func emit(_ event: RTSPClientEvent) {
        if case .dropped = continuation.yield(event) { droppedEvents += 1 }
    }

    // MARK: - State machine

    func feed(_ body: (inout RTSPClientStateMachine) -> [RTSPClientAction]) {
        guard !isClosed, var machine else { return }
        let actions = body(&machine)
        self.machine = machine
        perform(actions)
    }

    func perform(_ actions: [RTSPClientAction]) {
        for action in actions {
            guard !isClosed else { return }
            switch action {
            case .send(let request):
                write(request.serialize())
            case .reconnect(let url):
                retire()
                parser = RTSPResponseParser()
                open(url)
            case .described(let description, let selected):
                self.description = description
                emit(.described(description, selectedTracks: selected))
                prepareTransports(description: description, selected: selected)
            case .playing(let session):
                self.session = session
                startMedia(session)
                emit(.playing(session))
            case .close(let error):
                finish(error)
            }
        }
    }

    private func tick() {
        feed { $0.tick(now: now) }
        if !isClosed, session != nil, options.sendsReceiverReports, ContinuousClock.now >= nextReceiverReport {
            nextReceiverReport = ContinuousClock.now + options.receiverReportInterval
            sendReceiverReports()
        }
    }

    func finish(_ error: (any Error)?) {
        guard !isClosed else { return }
        isClosed = true
        ticker?.cancel()
        ticker = nil
        // An access unit still open has no end: it is not reported.
        let clientError: RTSPClientError? = switch error {
        case nil: nil
        case let known as RTSPClientError: known
        case let other?: .connectionClosed(reason: "\(other)")
        }
        emit(.closed(clientError))
        continuation.finish()
        for channel in [writeChannel, readChannel].compactMap({ $0 }) + udpChannels {
            channel.close(promise: nil)
        }
        writeChannel = nil
        readChannel = nil
        udpChannels = []
    }

    // MARK: - Control connection

    /// Connects to `url`'s host (both halves of a tunnel when the transport is HTTP).
    func open(_ url: ClientURL) {
        if configuration.transport == .http {
            openTunnel(url)
            return
        }
        connect(url, role: .control).whenComplete { result in
            switch result {
            case .success(let channel):
                self.writeChannel = channel
                self.readChannel = channel
                self.feed { $0.connected(now: self.now) }
            case .failure(let error):
                self.finish(RTSPClientError.connectionClosed(reason: "cannot connect to \(url.authority): \(error)"))
            }
        }
    }

    func connect(_ url: ClientURL, role: ControlRole) -> EventLoopFuture<any Channel> {
        ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(Int64(options.connectTimeout.components.seconds) * 1_000_000_000
                + options.connectTimeout.components.attoseconds / 1_000_000_000))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ControlHandler(core: self, role: role))
                }
            }
            .connect(host: url.host, port: url.effectivePort)
    }

    /// Writes RTSP bytes: as they are, or base64 on a tunnel's POST half.
    func write(_ bytes: [UInt8]) {
        guard let channel = writeChannel else { return }
        let payload = configuration.transport == .http ? Array(Data(bytes).base64EncodedString().utf8) : bytes
        channel.writeAndFlush(channel.allocator.buffer(bytes: payload), promise: nil)
    }

    private func retire() {
        for channel in [writeChannel, readChannel].compactMap({ $0 }) {
            retiredChannels.append(ObjectIdentifier(channel))
            channel.close(promise: nil)
        }
        writeChannel = nil
        readChannel = nil
    }

    /// Bytes from the connection RTSP is read from.
    func received(_ bytes: [UInt8], on channel: any Channel) {
        guard !isClosed, channel === readChannel else { return }
        parser.append(bytes)
        while !isClosed, let event = parser.next() {
            switch event {
            case .response(let response):
                if tunnelReplyPending, response.version.isHTTP {
                    tunnelReplyPending = false
                    guard response.status.code == 200 else {
                        finish(RTSPClientError.status(method: .other("GET"), url: configuration.url, status: response.status))
                        return
                    }
                    continue
                }
                feed { $0.receive(response, now: now) }
            case .interleaved(let channelNumber, let payload):
                interleaved(channel: channelNumber, payload: payload)
            case .malformed(let error):
                feed { $0.malformed(error) }
            }
        }
    }

    func closed(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        if let index = retiredChannels.firstIndex(of: id) {
            retiredChannels.remove(at: index)
            return
        }
        guard channel === readChannel || channel === writeChannel else { return }
        feed { $0.connectionClosed(reason: "the server closed the connection") }
    }
}

/// Which connection a control handler serves.
enum ControlRole: Sendable {
    case control, tunnelGet, tunnelPost
}
