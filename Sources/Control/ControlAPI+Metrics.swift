import HTTPTypes
import Hummingbird
import NIOCore

extension ControlAPI {
    /// `GET /metrics`: every series in the Prometheus text format (version 0.0.4),
    /// read from the server's counters at scrape time (`MetricsCollector`).
    func addMetricsRoutes(to routes: ControlRoutes) {
        let collector = MetricsCollector(server: server)
        routes.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: collector.scrape())))
        }
    }
}
