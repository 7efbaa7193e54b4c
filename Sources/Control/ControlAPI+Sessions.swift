import Faults
import Hummingbird
import Server

extension ControlAPI {
    /// The viewers: `GET /api/v1/sessions` lists them with their counts and last RTCP
    /// receiver report, `PUT /api/v1/sessions/{id}/faults` gives one viewer its own fault
    /// profile (as SET_PARAMETER does), `DELETE /api/v1/sessions/{id}` ends one viewer
    /// (RTCP BYE; its connection closes if it holds no other session). A multicast
    /// session's faults are its group's: setting its own is a 409 saying so.
    func addSessionRoutes(to routes: ControlRoutes) {
        let server = self.server
        routes.get("/api/v1/sessions") { _, _ in
            let summaries = await server.sessionSummaries()
            return try ControlJSON.response(SessionListJSON(sessions: summaries.map(SessionJSON.init)))
        }
        routes.put("/api/v1/sessions/{id}/faults") { request, context in
            let id = try ControlRequest.pathParameter("id", context)
            let catalog: [String: FaultProfile]
            switch server.faultsTarget(forSession: id) {
            case .noSession: throw ControlError.notFound("no session '\(id)'")
            case .refused(let reason): throw ControlError.conflict(reason)
            case .viewer(let faults): catalog = faults
            }
            let body = try await ControlRequest.jsonBody(request)
            let asked = try SessionFaultsBody.profile(body: body, catalog: catalog)
            guard server.setFaults(asked.profile, forSession: id) else { throw ControlError.notFound("no session '\(id)'") }
            return try ControlJSON.response(FaultsJSON(asked.references).json)
        }
        routes.delete("/api/v1/sessions/{id}") { _, context in
            let id = try ControlRequest.pathParameter("id", context)
            guard server.endSession(id: id) else { throw ControlError.notFound("no session '\(id)'") }
            return Response(status: .noContent)
        }
    }
}
