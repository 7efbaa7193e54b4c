import HTTPTypes
import Hummingbird
import NIOCore

extension ControlAPI {
    /// `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of every route
    /// (``OpenAPIDocument``).
    func addOpenAPIRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
