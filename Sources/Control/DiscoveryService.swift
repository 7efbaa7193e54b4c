#if canImport(Glibc)
import Glibc
#endif
import Config
import Foundation
import Discovery
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Server
import ServiceLifecycle

/// WS-Discovery on UDP 3702 (ONVIF Core, "Device discovery"), run beside the control server
/// when `server.onvif.discovery.enabled`: the socket joins 239.255.255.250 on the configured
/// interface (`server.onvif.discovery.interface`, or the system's choice) and hands every
/// datagram to ``DiscoveryResponder``, which decides what to send and when; this driver only
/// reads, schedules and writes. Cameras are announced with Hello at start and as reloads add
/// them, and said goodbye with Bye as reloads remove them and at shutdown.
///
/// The socket shares its port (SO_REUSEADDR, SO_REUSEPORT), so several camsim processes, or a
/// client on the same host, can bind 3702 at once. It cannot bind, it logs and gives up:
/// the rest of the server runs on.
public final class DiscoveryService: Service, Sendable {
    let api: ControlAPI
    let control: ControlServer
    let settings: ONVIFServerSettings.Discovery
    let port: Int
    let logger: Logger
    private let responder: NIOLockedValueBox<DiscoveryResponder>

    public init(
        api: ControlAPI, control: ControlServer, settings: ONVIFServerSettings.Discovery, port: Int = WSDiscoveryNamespace.port,
        seed: UInt64 = 0, logger: Logger = Logger(label: "camsim.discovery")
    ) {
        self.api = api
        self.control = control
        self.settings = settings
        self.port = port
        self.logger = logger
        // InstanceId rises on every start (WS-Discovery §7): the start time in seconds.
        let instanceID = UInt32(truncatingIfNeeded: Int64(Date.now.timeIntervalSince1970))
        responder = NIOLockedValueBox(DiscoveryResponder(instanceID: instanceID, seed: seed ^ UInt64(instanceID)))
    }

    public func run() async throws {
        guard let address = try? await control.boundAddress() else { return }
        let channel: any Channel
        let interface: MulticastInterface?
        do {
            interface = try settings.interface.map { text throws in try MulticastInterface.resolve(text, among: System.enumerateDevices()) }
            channel = try await bind(interface: interface)
        } catch {
            logger.error("ws-discovery: not started", metadata: ["port": "\(port)", "reason": "\(error)"])
            return
        }
        logger.info("ws-discovery: listening", metadata: [
            "port": "\(port)", "interface": "\(settings.interface ?? "default")",
        ])
        let context = DiscoveryContext(
            api: api, controlHost: address.host, controlPort: address.port, interfaceAddress: interface?.address.description)
        let group = try SocketAddress(ipAddress: WSDiscoveryNamespace.multicastGroup, port: port)
        let inbound = (channel.pipeline.handler(type: DatagramInbox.self).map(\.stream))
        let datagrams = try await inbound.get()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { tasks in
                tasks.addTask { await self.announceChanges(context: context, channel: channel, group: group) }
                tasks.addTask {
                    for await envelope in datagrams {
                        await self.answer(envelope, context: context, channel: channel, group: group)
                    }
                }
                await tasks.next()
                tasks.cancelAll()
            }
        }
        // Shutdown: a Bye for every camera, its repeats included, then the socket closes.
        let byes = responder.withLockedValue { $0.byeAll(now: Self.now()) }
        await sendInOrder(byes, channel: channel, group: group, sender: nil)
        try? await channel.close()
    }

    /// Hello for the cameras there at start, then for each change a reload or a fault makes.
    private func announceChanges(context: DiscoveryContext, channel: any Channel, group: SocketAddress) async {
        let events = api.server.events.subscribe()
        await announce(context: context, channel: channel, group: group)
        for await event in events where [.configReloaded, .cameraAdded, .cameraRemoved, .faultsChanged].contains(event.kind) {
            await announce(context: context, channel: channel, group: group)
        }
    }

    private func announce(context: DiscoveryContext, channel: any Channel, group: SocketAddress) async {
        let targets = await api.discoveryTargets(host: context.announcedHost, controlPort: context.controlPort)
        let sends = responder.withLockedValue { $0.announce(targets, now: Self.now()) }
        schedule(sends, channel: channel, group: group, sender: nil)
    }

    private func answer(_ envelope: AddressedEnvelope<ByteBuffer>, context: DiscoveryContext, channel: any Channel, group: SocketAddress) async {
        let bytes = Array(envelope.data.readableBytesView)
        guard bytes.count <= DiscoveryLimits.maxProbeBytes,
              let probe = responder.withLockedValue({ $0.accept(bytes, now: Self.now()) })
        else { return }
        let packetInfo = envelope.metadata?.packetInfo
        let multicast = packetInfo.map { $0.destinationAddress.ipAddress == WSDiscoveryNamespace.multicastGroup } ?? true
        let host = context.host(arrivedOn: packetInfo?.interfaceIndex)
        let targets = await api.discoveryTargets(host: host, controlPort: context.controlPort)
        let sends = responder.withLockedValue { $0.answer(probe, multicast: multicast, targets: targets, now: Self.now()) }
        schedule(sends, channel: channel, group: group, sender: envelope.remoteAddress)
    }

    /// Each send on the channel's event loop at its time.
    private func schedule(_ sends: [DiscoverySend], channel: any Channel, group: SocketAddress, sender: SocketAddress?) {
        for send in sends {
            guard let destination = send.destination == .group ? group : sender else { continue }
            let buffer = channel.allocator.buffer(bytes: send.bytes)
            let envelope = AddressedEnvelope(remoteAddress: destination, data: buffer)
            channel.eventLoop.scheduleTask(deadline: .uptimeNanoseconds(UInt64(max(send.at, 0)))) {
                channel.writeAndFlush(envelope, promise: nil)
            }
        }
    }

    /// Sends in time order, waiting between them (for shutdown, when nothing else runs).
    private func sendInOrder(_ sends: [DiscoverySend], channel: any Channel, group: SocketAddress, sender: SocketAddress?) async {
        for send in sends.sorted(by: { $0.at < $1.at }) {
            let wait = send.at - Self.now()
            if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait)) }
            guard let destination = send.destination == .group ? group : sender else { continue }
            let envelope = AddressedEnvelope(remoteAddress: destination, data: channel.allocator.buffer(bytes: send.bytes))
            try? await channel.writeAndFlush(envelope)
        }
    }

    private func bind(interface: MulticastInterface?) async throws -> any Channel {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(ChannelOptions.socket(SocketOptionLevel(SOL_SOCKET), SO_REUSEPORT), value: 1)
            .channelOption(.receivePacketInfo, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(DatagramInbox()) }
            }
            .bind(host: "0.0.0.0", port: port)
            .get()
        do {
            let group = try SocketAddress(ipAddress: WSDiscoveryNamespace.multicastGroup, port: port)
            try await (channel as! any MulticastChannel).joinGroup(group, device: interface?.device).get()
            if let options = channel as? any SocketOptionProvider {
                // Link-local reach, and a copy for receivers on this host (clients, other camsims).
                try await options.setIPMulticastTTL(1).get()
                try await options.setIPMulticastLoop(1).get()
                if let interface { try await options.setIPMulticastIF(interface.inAddr).get() }
            }
            return channel
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// The responder's clock: the event loop's (NIODeadline's uptime), so a send's time is its deadline.
    static func now() -> Int64 { Int64(NIODeadline.now().uptimeNanoseconds) }
}

/// Where a datagram's answer says the cameras are.
struct DiscoveryContext: Sendable {
    let api: ControlAPI
    /// The address the control API listens on (`0.0.0.0` for all of them).
    let controlHost: String
    let controlPort: Int
    /// The configured interface's IPv4 address.
    let interfaceAddress: String?

    /// Whether the control API listens on every address, so XAddrs name the one a client used.
    private var controlOnEveryAddress: Bool { ["0.0.0.0", "::", "*", ""].contains(controlHost) }

    /// The host in Hello's XAddrs: the control API's own address, else the discovery interface's,
    /// else the first multicast-capable IPv4 address that is not loopback.
    var announcedHost: String {
        if !controlOnEveryAddress { return controlHost }
        if let interfaceAddress { return interfaceAddress }
        let devices = (try? System.enumerateDevices()) ?? []
        return devices.lazy.compactMap { device -> String? in
            guard device.multicastSupported, let address = device.address, case .v4 = address,
                  let ip = address.ipAddress, !ip.hasPrefix("127.") else { return nil }
            return ip
        }.first ?? "127.0.0.1"
    }

    /// The host in a ProbeMatch's XAddrs: the control API's own address, else the address of
    /// the interface the Probe arrived on (IP_PKTINFO), else the announced one.
    func host(arrivedOn interfaceIndex: Int?) -> String {
        if !controlOnEveryAddress { return controlHost }
        if let interfaceIndex, let devices = try? System.enumerateDevices(),
           let ip = devices.lazy.compactMap({ device -> String? in
               guard device.interfaceIndex == interfaceIndex, let address = device.address, case .v4 = address else { return nil }
               return address.ipAddress
           }).first {
            return ip
        }
        return announcedHost
    }
}

/// Hands the socket's datagrams to an AsyncStream, dropping the oldest when the reader lags.
final class DatagramInbox: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let stream: AsyncStream<AddressedEnvelope<ByteBuffer>>
    private let continuation: AsyncStream<AddressedEnvelope<ByteBuffer>>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }
}
