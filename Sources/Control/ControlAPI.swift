import Composition
import Config
import Frames
import Hummingbird
import Logging
import Server

/// The control plane's JSON API over a running server: what every route group reads
/// and changes. Each group lives in a file of its own (`ControlAPI+Cameras.swift`) and is
/// registered in ``addRouteGroups(to:)`` (`ControlAPI+RouteGroups.swift`), the one place
/// that lists them.
public struct ControlAPI: Sendable {
    /// The `Server` header of every response.
    static let serverName = CamsimServer.productToken

    /// The RTSP server the API steers.
    public let server: CamsimServer
    /// The configuration in force; every change to cameras goes through it, so
    /// `GET /api/v1/config` always reproduces the running cameras.
    public let running: RunningConfiguration
    /// Scenes for cameras added through the API.
    public let scenes: SceneLibrary
    public let logger: Logger
    /// The share of the configuration this process serves (`--shard I/N`): a camera added
    /// through the API must belong to it. Nil serves every camera.
    public var shard: Shard?
    /// What the ONVIF services keep between requests (credentials checks, set scopes), shared
    /// by the control port and the cameras' own ports.
    let onvifState = ONVIFDeviceState()

    public init(server: CamsimServer, running: RunningConfiguration, scenes: SceneLibrary, logger: Logger = Logger(label: "camsim.control")) {
        self.server = server
        self.running = running
        self.scenes = scenes
        self.logger = logger
    }

    /// The router with every route group behind the error, token and body-size middleware.
    func makeRouter(token: String?) -> Router<BasicRequestContext> {
        makeRoutes(token: token).router
    }

    /// Every route, with the router that serves them (tests read ``ControlRoutes/table``).
    public func makeRoutes(token: String?) -> ControlRoutes {
        let router = Router(context: BasicRequestContext.self)
        let routes = ControlRoutes(router: router)
        // Middleware applies to routes added after it, and to unknown routes.
        router.add(middleware: ControlErrorMiddleware(routes: routes))
        if let token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        router.add(middleware: BodyLimitMiddleware())
        addRouteGroups(to: routes)
        return routes
    }
}
