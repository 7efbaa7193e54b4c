extension ControlAPI {
    /// The viewers: `GET /api/v1/sessions`, `PUT /api/v1/sessions/{id}/faults`,
    /// `DELETE /api/v1/sessions/{id}`. Routed, not yet answered (501).
    func addSessionRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/sessions") { _, _ in throw ControlError.notImplemented("sessions") }
        routes.put("/api/v1/sessions/{id}/faults") { _, _ in throw ControlError.notImplemented("session faults") }
        routes.delete("/api/v1/sessions/{id}") { _, _ in throw ControlError.notImplemented("ending a session") }
    }
}
