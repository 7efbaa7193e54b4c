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
