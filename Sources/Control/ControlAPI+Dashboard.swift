extension ControlAPI {
    /// The dashboard page at `/`. Routed, not yet answered (501).
    func addDashboardRoutes(to routes: ControlRoutes) {
        routes.get("/") { _, _ in throw ControlError.notImplemented("the dashboard") }
    }
}
