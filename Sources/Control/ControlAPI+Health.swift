import Hummingbird

extension ControlAPI {
    /// `GET /health`: 200 `{"status": "ok"}` while the process serves.
    func addHealthRoutes(to routes: ControlRoutes) {
        routes.get("/health") { _, _ in
            try ControlJSON.response(["status": "ok"])
        }
    }
}
