import HTTPTypes
import Hummingbird
import NIOCore
import Server
import ServiceLifecycle

extension ControlAPI {
    /// Seconds between comment lines that keep an idle event stream open through proxies
    /// (and find out when its client has gone).
    static let eventKeepaliveSeconds = 15

    /// `GET /api/v1/events`: server-sent events (`text/event-stream`) from the moment of the
    /// request on: session start and end, fault changes, reboots, outages, cameras added
    /// and removed, configuration changes. Ends when the client leaves or the server stops.
    func addEventRoutes(to routes: ControlRoutes) {
        routes.get("/api/v1/events") { _, _ in
            let events = server.events.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-store"
            let body = ResponseBody { writer in
                // A first comment at once, so the client knows it is subscribed.
                try await writer.write(ByteBuffer(string: ": camsim events\n\n"))
                let (chunks, output) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(EventBus.bufferLimit))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in events.cancelOnGracefulShutdown() { output.yield(event.serverSentEvent) }
                        output.finish()
                    }
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: .seconds(Self.eventKeepaliveSeconds))
                            output.yield(ByteBuffer(string: ": keepalive\n\n"))
                        }
                    }
                    defer { group.cancelAll() }
                    for await chunk in chunks { try await writer.write(chunk) }
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
