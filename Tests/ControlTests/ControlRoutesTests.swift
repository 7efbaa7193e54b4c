@testable import Control
import Testing

struct ControlRoutesTests {
    @Test(arguments: [
        ("/health", "/health"),
        ("/api/v1/cameras/{path}", "/api/v1/cameras/:path"),
        ("/api/v1/cameras/{path}/actions/{action}", "/api/v1/cameras/:path/actions/:action"),
    ])
    func templatesBecomeRouterPaths(template: String, routerPath: String) {
        #expect(ControlRoutes.routerPath(template) == routerPath)
    }
}

/// Which methods a request path is routed for: what a 405's `Allow` lists.
struct ControlRoutesMatchingTests {
    private func table(_ routes: [(String, String)]) -> [ControlRoutes.Route] {
        routes.map { ControlRoutes.Route(method: .init($0.0)!, path: $0.1) }
    }

    @Test func templatesMatchOneSegmentPerParameter() {
        let table = table([("GET", "/api/v1/cameras/{path}"), ("PUT", "/api/v1/cameras/{path}"), ("GET", "/api/v1/cameras")])
        #expect(ControlRoutes.methods(in: table, forRequestPath: "/api/v1/cameras/site%2Fdoor").map(\.rawValue) == ["GET", "PUT"])
        #expect(ControlRoutes.methods(in: table, forRequestPath: "/api/v1/cameras").map(\.rawValue) == ["GET"])
        #expect(ControlRoutes.methods(in: table, forRequestPath: "/api/v1/cameras/a/b").isEmpty)
        #expect(ControlRoutes.methods(in: table, forRequestPath: "/api/v1/cameras/").isEmpty)
        #expect(ControlRoutes.methods(in: table, forRequestPath: "/nothing").isEmpty)
    }
}
