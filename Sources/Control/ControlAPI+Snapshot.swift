extension ControlAPI {
    /// `GET /api/v1/cameras/{path}/snapshot.jpg`. Routed, not yet answered (501).
    func addSnapshotRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/cameras/{path}/snapshot.jpg") { _, _ in throw ControlError.notImplemented("snapshots") }
    }
}
