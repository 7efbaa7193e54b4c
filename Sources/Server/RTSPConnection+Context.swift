import Faults
import RTSP

extension RTSPConnection {
    /// Reads `request` once into the context every handler takes: URL, mount, fault
    /// query, control faults and session. This is the one place a request is looked up
    /// before any handler or fault runs; authentication belongs here too.
    func makeContext(for request: RTSPRequest) -> RTSPRequestContext {
        let parsed = RTSPURL(parsing: request.uri)
        let url = parsed?.isAsterisk == true ? nil : parsed
        let sessionLookup = lookUpSession(request)
        let mount = url.flatMap { environment.cameras.mount(for: $0) }
            .map { playbackMount($0, request: request, session: sessionLookup) }
        let viewerFaults = Self.viewerFaults(url: url.map(PlaybackQuery.removingPlaybackItems), mount: mount)
        return RTSPRequestContext(
            request: request,
            url: url,
            mount: mount,
            viewerFaults: viewerFaults,
            controlOverlay: mount.flatMap { Self.controlOverlay(mount: $0, query: try? viewerFaults.get()) },
            sessionLookup: sessionLookup,
            isTLS: isTLS
        )
    }

    /// The URL query's faults: empty without a query, 400 with the reason when they do not parse.
    private static func viewerFaults(
        url: RTSPURL?, mount: CameraRegistry.Mount?
    ) -> Result<FaultQuery, Refusal> {
        guard let url, let mount, !url.queryItems.isEmpty else { return .success(FaultQuery(profile: .empty)) }
        do {
            return .success(try FaultProfile.parse(query: url.queryItems, catalog: mount.faults.catalog))
        } catch {
            return .failure(Refusal(.badRequest, reason: error.description))
        }
    }

    /// The camera's control model with the query's control faults on top; nil when
    /// the query has none (or does not parse), so the camera's own model applies.
    private static func controlOverlay(mount: CameraRegistry.Mount, query: FaultQuery?) -> ControlFaultModel? {
        guard let query, !query.profile.control.isEmpty else { return nil }
        let profile = mount.faults.profile.merged(with: query.profile)
        return ControlFaultModel(
            profile: profile.control, schedule: profile.schedule, seed: mount.faults.seed, origin: mount.faults.origin)
    }

    /// The session the `Session` header names (RFC 2326 §12.37). A session belongs to
    /// the connection that set it up (for a tunnel, its GET half, which runs the POST
    /// half's requests): on any other connection its id names no session, 454.
    private func lookUpSession(_ request: RTSPRequest) -> RTSPRequestContext.SessionLookup {
        guard let value = request.headers[SessionHeader.headerName] else { return .none }
        guard let header = SessionHeader(parsing: value), let session = environment.sessions.session(id: header.id),
              session.ownerConnection == id
        else {
            return .refused(Refusal(.sessionNotFound))
        }
        return .found(session)
    }
}
