import HTTPTypes
import Hummingbird

/// The control router and the table of every route added to it, written the way the
/// OpenAPI document writes paths (`/api/v1/cameras/{path}`). The table answers 405
/// for a known path with another method, and lets a test hold the routes to the document.
public final class ControlRoutes: @unchecked Sendable {
    public typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    /// One route: a method and an OpenAPI-style path template.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        public var method: HTTPRequest.Method
        public var path: String
        public var description: String { "\(method.rawValue) \(path)" }
    }

    let router: Router<BasicRequestContext>
    public private(set) var table: [Route] = []

    init(router: Router<BasicRequestContext>) {
        self.router = router
    }

    /// Adds `handler` for `method` on `path`, whose `{name}` segments match one path
    /// segment each (read them with `context.parameters.get("name")`, still percent-encoded,
    /// or with ``ControlRequest/pathParameter(_:_:)``).
    public func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        table.append(Route(method: method, path: path))
        router.on(RouterPath(Self.routerPath(path)), method: method) { request, context in
            try await handler(request, context)
        }
    }

    public func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    public func post(_ path: String, _ handler: @escaping Handler) { add(.post, path, handler) }
    public func put(_ path: String, _ handler: @escaping Handler) { add(.put, path, handler) }
    public func delete(_ path: String, _ handler: @escaping Handler) { add(.delete, path, handler) }

    /// The methods routed for a request path (percent-encoded, as received), empty when none.
    func methods(forRequestPath path: String) -> [HTTPRequest.Method] {
        Self.methods(in: table, forRequestPath: path)
    }

    static func methods(in table: [Route], forRequestPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return table.filter { route in
            let template = route.path.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { return false }
            return zip(template, segments).allSatisfy { pattern, segment in
                (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty) || pattern == segment
            }
        }.map(\.method)
    }

    /// `/a/{b}/c` as Hummingbird writes it: `/a/:b/c`.
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }
}
