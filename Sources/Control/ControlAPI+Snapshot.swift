import Cameras
import Hummingbird
import NIOCore
import Snapshots

extension ControlAPI {
    /// `GET /api/v1/cameras/{path}/snapshot.jpg?stream=sub&width=W`: the stream's current
    /// picture as a JPEG, drawn at request time apart from its encoder (see `Snapshotter`),
    /// the way a real camera's snapshot URL answers. 404 for an unknown camera or stream,
    /// 400 for a bad width, 409 while the camera is offline or rebooting.
    func addSnapshotRoutes(to routes: ControlRoutes) {
        // One per router: its renderers are kept from one request to the next.
        let snapshotter = Snapshotter()
        routes.get("/api/v1/cameras/{path}/snapshot.jpg") { request, context in
            let path = try ControlRequest.pathParameter("path", context)
            let query = try SnapshotQuery(request.uri.queryParameters)
            let stream = try snapshotStream(cameraPath: path, streamName: query.stream)
            let snapshot = try await snapshotter.snapshot(of: stream, width: query.width)
            var headers = HTTPFields()
            headers[.contentType] = "image/jpeg"
            // Each request is a new picture: caches must not keep one.
            headers[.cacheControl] = "no-store"
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: snapshot.jpeg)))
        }
    }

    /// The stream a snapshot request names: the camera's first stream, or the one called
    /// `streamName`. A camera that is offline or rebooting has no picture to give, as a
    /// real one would not: 409, its state conflicting with the request (a 5xx would say
    /// the API itself failed).
    private func snapshotStream(cameraPath: String, streamName: String?) throws -> CameraStream {
        guard let camera = server.cameraStatus(path: cameraPath) else {
            throw ControlError.notFound("no camera at '\(cameraPath)'")
        }
        let names = camera.streams.map(\.definition.streamName)
        let name = streamName ?? names[0]
        guard let stream = camera.streams.first(where: { $0.definition.streamName == name }) else {
            throw ControlError.notFound(
                "camera '\(cameraPath)' has no stream '\(name)' (it has \(names.joined(separator: ", ")))")
        }
        switch camera.state {
        case .offline, .rebooting:
            throw ControlError(.conflict, "camera '\(cameraPath)' is \(camera.state.rawValue)")
        case .idle, .live:
            return stream
        }
    }
}
