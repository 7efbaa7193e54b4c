extension ControlAPI {
    /// `GET /metrics`, Prometheus text. Routed, not yet answered (501).
    func addMetricsRoutes(to routes: ControlRoutes) {
        routes.get("/metrics") { _, _ in throw ControlError.notImplemented("metrics") }
    }
}
