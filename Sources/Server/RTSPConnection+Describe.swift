import Cameras
import Faults
import NIOCore
import RTSP

extension RTSPConnection {
    /// OPTIONS (RFC 2326 §10.1). With a Session header it is also a keep-alive.
    func options(_ context: RTSPRequestContext) -> RTSPResponse {
        var response = answer(.ok)
        response.headers.add("Public", RTSPConnection.supportedMethods)
        // A garbled or unknown Session header is no reason to refuse OPTIONS.
        if let session = (try? context.namedSession()) ?? nil {
            response.headers.add(SessionHeader.headerName, sessionHeaderValue(session))
        }
        return response
    }

    /// DESCRIBE (RFC 2326 §10.2): SDP built from the stream's real SPS/PPS, one `m=`
    /// section per track, each with its `a=control:trackID=N`.
    func describe(_ context: RTSPRequestContext) -> EventLoopFuture<RTSPResponse> {
        let request = context.request
        let mount: CameraRegistry.Mount
        let url: RTSPURL
        let faults: FaultQuery
        do throws(Refusal) {
            mount = try context.requireMount()
            url = try context.requireURL()
            faults = try context.requireViewerFaults()
        } catch {
            return eventLoop.makeSucceededFuture(answer(error))
        }
        if let accept = request.headers["Accept"], !accept.lowercased().contains("application/sdp"), !accept.contains("*/*") {
            return eventLoop.makeSucceededFuture(answer(.notAcceptable))
        }
        let stream = mount.stream
        let serverHost = channel.localAddress?.ipAddress ?? "0.0.0.0"
        let declaredRate = mount.faults.profile.merged(with: faults.profile).media.declaredFrameRate
        let audioParameters: EventLoopFuture<SourceFormatParameters?> = mount.recording == nil
            ? stream.audio.map { $0.formatParameters().map(Optional.some) } ?? eventLoop.makeSucceededFuture(nil)
            : eventLoop.makeSucceededFuture(nil)
        return stream.parameterSets().and(audioParameters).hop(to: eventLoop).map { parameterSets, audioParameters in
            var description = SessionDescription(
                stream: stream.definition,
                parameterSets: parameterSets,
                sessionID: UInt64(stream.identity.ssrc),
                originAddress: serverHost
            )
            if let declaredRate { description.video.frameRate = declaredRate }
            if let recording = mount.recording { self.describeRecording(recording, stream: stream, into: &description) }
            var response = self.answer(.ok)
            response.headers.add("Content-Type", "application/sdp")
            var audio = stream.audio.flatMap { track in
                audioParameters.map {
                    TrackMediaSection(format: track.format, formatParameters: $0.fmtpValue, control: "trackID=1")
                }
            }
            if url.queryItems.isEmpty {
                // Content-Base: the request URL as received, plus a trailing slash (RFC 2326 §C.1.1).
                response.headers.add("Content-Base", request.uri.hasSuffix("/") ? request.uri : request.uri + "/")
            } else {
                // A query cannot survive relative resolution against a base, so the base
                // drops it and the track control URL is absolute, with the query at its end.
                var base = url
                base.queryItems = []
                response.headers.add("Content-Base", base.serialized + "/")
                var track = url
                track.pathSegments.append("trackID=0")
                description.video.control = track.serialized
                var audioTrack = base
                audioTrack.pathSegments.append("trackID=1")
                audioTrack.queryItems = url.queryItems
                audio?.control = audioTrack.serialized
            }
            response.body = Array((description.serialize() + (audio?.serialized ?? "")).utf8)
            return response
        }
    }
}
