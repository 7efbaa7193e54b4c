import Config
import Hummingbird
import Logging
import NIOCore
import ONVIF
import Server
import Snapshots
import Synchronization

/// Each camera's own ONVIF port (`server.onvif.ports: 18000-18999`): camera k, in
/// configuration order, also answers at `http://HOST:PORT_k/onvif/device_service` (its other
/// services at `/onvif/<service>`, its snapshot at `/onvif/snapshot.jpg`), for the NVRs whose
/// "add camera" dialog takes only an address and a port. One small Hummingbird application per
/// port, all answering through the control API's ONVIF pipeline (the same credentials checks,
/// replay cache and faults); they start and stop with the control server, and a reload
/// starts or stops ports as cameras come and go. Cameras beyond the range's size get none.
final class ONVIFPortListeners: Sendable {
    private let api: ControlAPI
    private let host: String
    private let logger: Logger
    private let running = Mutex<[Int: Task<Void, Never>]>([:])
    private let bound = Mutex<[Int: Int]>([:])

    init(api: ControlAPI, host: String, logger: Logger) {
        self.api = api
        self.host = host
        self.logger = logger
    }

    /// Serves until cancelled, following reloads.
    func run() async {
        let events = api.server.events.subscribe()
        await reconcile()
        for await event in events where [.configReloaded, .cameraAdded, .cameraRemoved].contains(event.kind) {
            await reconcile()
        }
        stopAll()
    }

    /// The ports that listen now, by configured port: the port really bound (the same,
    /// or the one the system chose for 0 in tests).
    var boundPorts: [Int: Int] { bound.withLock { $0 } }

    /// Starts the ports the configuration asks for and stops the others.
    private func reconcile() async {
        let config = await api.running.config
        var wanted: [Int: Int] = [:]  // port -> camera index
        if let range = config.server.onvif.ports {
            for index in config.cameras.indices {
                let port = range.lowerBound + index
                guard port <= range.upperBound else {
                    logger.warning("onvif: cameras beyond the port range get no port of their own", metadata: [
                        "range": "\(range.lowerBound)-\(range.upperBound)", "cameras": "\(config.cameras.count - index)",
                    ])
                    break
                }
                wanted[port] = index
            }
        }
        let stale = running.withLock { tasks in
            let gone = tasks.filter { wanted[$0.key] == nil }
            for port in gone.keys { tasks[port] = nil }
            return gone
        }
        for (port, task) in stale {
            task.cancel()
            bound.withLock { $0[port] = nil }
        }
        for (port, index) in wanted where running.withLock({ $0[port] == nil }) {
            let task = Task { await self.serve(port: port, index: index) }
            running.withLock { $0[port] = task }
        }
    }

    private func stopAll() {
        let tasks = running.withLock { tasks in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in tasks.values { task.cancel() }
    }

    /// One port's application, answering for the camera at `index` in the configuration in force.
    private func serve(port: Int, index: Int) async {
        let api = self.api
        let router = Router(context: BasicRequestContext.self)
        let security = api.onvifState.security
        let snapshots = Snapshotter()
        @Sendable func cameraPath() async -> String? {
            let cameras = await api.running.config.cameras
            return index < cameras.count ? cameras[index].path : nil
        }
        router.on(RouterPath("/onvif/:service"), method: .post) { request, context in
            let service = context.parameters.get("service").flatMap(ONVIFService.init(pathComponent:))
            return await api.onvifResponse(request, cameraPath: await cameraPath(), service: service, security: security, ownPort: true)
        }
        // A pull point's address (events): `…/onvif/events_service/subscription/ID`.
        router.on(RouterPath("/onvif/:service/subscription/:id"), method: .post) { request, context in
            let service = context.parameters.get("service").flatMap(ONVIFService.init(pathComponent:))
            let subpath = ["subscription"] + (context.parameters.get("id").map { [$0] } ?? [])
            return await api.onvifResponse(
                request, cameraPath: await cameraPath(), service: service, subpath: subpath, security: security, ownPort: true)
        }
        router.on(RouterPath("/onvif/:service"), method: .get) { request, context in
            guard context.parameters.get("service") == ONVIFDevice.snapshotComponent else { return ControlAPI.notFound() }
            return await api.onvifSnapshot(request, cameraPath: await cameraPath(), snapshots: snapshots, security: security)
        }
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: ControlAPI.serverName, reuseAddress: true),
            onServerRunning: { [self] channel in
                bound.withLock { $0[port] = channel.localAddress?.port ?? port }
            },
            logger: logger)
        do {
            try await application.run()
        } catch {
            if !Task.isCancelled {
                logger.error("onvif: cannot serve camera \(index + 1)'s own port", metadata: ["port": "\(port)", "error": "\(error)"])
            }
        }
        bound.withLock { $0[port] = nil }
    }
}
