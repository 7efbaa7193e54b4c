import NIOCore
import RTSP

extension RTSPConnection {
    /// PAUSE (RFC 2326 §10.6): the session stays, packets stop.
    func pause(_ context: RTSPRequestContext) -> RTSPResponse {
        do throws(Refusal) {
            let session = try context.requireSession()
            if case .failure(let status) = session.handle(.pause) { throw Refusal(status) }
            session.stopTracks()
            session.multicastGroup?.leave(session)
            var response = answer(.ok)
            response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
            return response
        } catch {
            return answer(error)
        }
    }

    /// TEARDOWN (RFC 2326 §10.7): RTCP BYE, then the session is gone.
    func teardown(_ context: RTSPRequestContext) -> RTSPResponse {
        do throws(Refusal) {
            let session = try context.requireSession()
            session.end(reason: "teardown")
            return answer(.ok)
        } catch {
            return answer(error)
        }
    }
}
