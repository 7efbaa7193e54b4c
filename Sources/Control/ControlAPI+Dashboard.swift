import Hummingbird
import NIOCore

extension ControlAPI {
    /// The dashboard: the page at `/` and its files at `/dashboard/{file}` (style sheet,
    /// script, `presets.json`). Plain files with no build step, shipped in the binary.
    func addDashboardRoutes(to routes: ControlRoutes) {
        let assets = DashboardAssets.load()
        if !assets.hasPage {
            logger.warning("dashboard files not found: camsim_Control.resources must sit beside the executable")
        }
        routes.get("/") { _, _ in
            try Self.serve(assets, "index.html")
        }
        routes.get("/dashboard/{file}") { _, context in
            try Self.serve(assets, ControlRequest.pathParameter("file", context))
        }
    }

    private static func serve(_ assets: DashboardAssets, _ name: String) throws -> Response {
        guard let asset = assets.files[name] else {
            guard assets.hasPage else {
                throw ControlError.notFound(
                    "the dashboard is not installed: camsim_Control.resources must sit beside the camsim executable")
            }
            throw ControlError.notFound("no dashboard file '\(name)'")
        }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        // The files change with the binary; revalidating each load keeps an upgraded page fresh.
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
