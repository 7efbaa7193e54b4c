import Server

extension ControlAPI {
    /// `GET /api/v1/version`: `{"name": "camsim", "version": "0.1", "api": "v1"}`.
    func addVersionRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/version") { _, _ in
            let token = CamsimServer.productToken.split(separator: "/")
            return try ControlJSON.response([
                "name": String(token.first ?? "camsim"), "version": String(token.last ?? ""), "api": "v1",
            ])
        }
    }
}
