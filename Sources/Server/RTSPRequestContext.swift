import Faults
import RTSP

/// One request as the method handlers see it, read once when it arrives: its URL,
/// the camera, stream and track that URL names, the viewer faults of its query, the
/// control-plane faults it runs under, and the session its `Session` header names.
///
/// What is missing or wrong is kept as the refusal to answer, and only thrown by the
/// handler that needs it, so each method refuses in the order it always has.
struct RTSPRequestContext {
    let request: RTSPRequest
    /// The request URL; nil when it does not parse or is `*`.
    let url: RTSPURL?
    /// The stream the URL names; nil for `*` or an unknown path or track.
    let mount: CameraRegistry.Mount?
    /// The viewer's own faults from the URL query (`?loss=5&seed=7`), or why they are refused.
    let viewerFaults: Result<FaultQuery, RTSPConnection.Refusal>
    /// The URL query's control faults merged over the camera's, when the query has any;
    /// nil when the camera's own model applies.
    let controlOverlay: ControlFaultModel?
    /// The session named by the `Session` header.
    let sessionLookup: SessionLookup
    /// Whether the request came over RTSPS (TLS).
    var isTLS = false
    /// The user the request was authenticated as; nil when its camera asks for no credentials.
    var user: String?

    enum SessionLookup {
        /// No `Session` header.
        case none
        case found(RTSPServerSession)
        /// A garbled header, or one naming no session this connection may use (RFC 2326 §12.37).
        case refused(RTSPConnection.Refusal)
    }

    /// The control-plane faults the request runs under: the URL's on top of the
    /// camera's, so `?respond=SETUP:503` works without a configuration.
    var control: ControlFaultModel? { controlOverlay ?? mount?.faults.control }

    /// The URL, or 400.
    func requireURL() throws(RTSPConnection.Refusal) -> RTSPURL {
        guard let url else { throw RTSPConnection.Refusal(.badRequest) }
        return url
    }

    /// The stream the URL names: 400 when the URL does not parse, else 404.
    func requireMount() throws(RTSPConnection.Refusal) -> CameraRegistry.Mount {
        _ = try requireURL()
        guard let mount else { throw RTSPConnection.Refusal(.notFound) }
        return mount
    }

    /// The viewer's faults, or 400 with the reason for an unknown parameter or a bad value.
    func requireViewerFaults() throws(RTSPConnection.Refusal) -> FaultQuery {
        try viewerFaults.get()
    }

    /// The session the header names, nil when there is none; 454 when it names no
    /// session this connection may use. Any request naming the session keeps it alive.
    func namedSession() throws(RTSPConnection.Refusal) -> RTSPServerSession? {
        switch sessionLookup {
        case .none: return nil
        case .refused(let refusal): throw refusal
        case .found(let session):
            session.noteActivity()
            return session
        }
    }

    /// A session method needs a session: a missing header is 454 too.
    func requireSession() throws(RTSPConnection.Refusal) -> RTSPServerSession {
        guard let session = try namedSession() else { throw RTSPConnection.Refusal(.sessionNotFound) }
        return session
    }
}
