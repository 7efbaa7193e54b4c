import HTTPTypes
import Hummingbird
import NIOCore

extension ControlAPI {
    /// `GET /api/v1/config`: the configuration in force as YAML (`application/yaml`),
    /// cameras added or changed through the API included; `camsim validate` accepts it and
    /// `camsim serve --config` started from it serves the same cameras. The control token
    /// is left out.
    func addConfigRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/config") { _, _ in
            let text = try await running.config.yaml()
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
