import Hummingbird
import ONVIF

extension ControlAPI {
    /// Pull points' addresses (`POST /onvif/{path}/events_service/subscription/{id}`), where
    /// `PullMessages`, `Renew`, `Unsubscribe` and `SetSynchronizationPoint` are sent
    /// (ONVIF Core, "Real-time Pull-Point Notification Interface": the subscription
    /// reference a client received). Answered like the service itself, with the id as subpath.
    func addONVIFSubscriptionRoutes(to routes: ControlRoutes, security: ONVIFSecurity) {
        routes.router.on(RouterPath("/onvif/:path/:service/subscription/:id"), method: .post) { request, context in
            let path = context.parameters.get("path")?.removingPercentEncoding
            let service = context.parameters.get("service").flatMap(ONVIFService.init(pathComponent:))
            let id = context.parameters.get("id") ?? ""
            return await onvifResponse(
                request, cameraPath: path, service: service == .events ? service : nil, subpath: ["subscription", id], security: security)
        }
    }
}
