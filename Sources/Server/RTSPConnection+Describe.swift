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

    /// DESCRIBE (RFC 2326 §10.2): SDP built from the stream's format (H.264: its real SPS/PPS), one `m=`
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
        // ONVIF Streaming Specification §5.3.1: a camera without a backchannel does not
        // support the tag, 551 like any other unsupported option.
        let wantsBackchannel = request.requires(CameraBackchannel.optionTag)
        if wantsBackchannel, mount.backchannel == nil {
            var refusal = answer(.optionNotSupported)
            refusal.headers.add(RequireHeader.unsupportedHeaderName, CameraBackchannel.optionTag)
            return eventLoop.makeSucceededFuture(refusal)
        }
        let stream = mount.stream
        let serverHost = channel.localAddress?.ipAddress ?? "0.0.0.0"
        let declaredRate = mount.faults.profile.merged(with: faults.profile).media.declaredFrameRate
        let audioParameters: EventLoopFuture<SourceFormatParameters?> = mount.recording == nil
            ? stream.audio.map { $0.formatParameters().map(Optional.some) } ?? eventLoop.makeSucceededFuture(nil)
            : eventLoop.makeSucceededFuture(nil)
        return stream.formatParameters().and(stream.upstreamFrameRate()).and(audioParameters).hop(to: eventLoop).map { described in
            let ((formatParameters, upstreamRate), audioParameters) = described
            var description = SessionDescription(
                stream: stream.definition,
                formatParameters: formatParameters,
                sessionID: UInt64(stream.identity.ssrc),
                originAddress: serverHost
            )
            if let video = description.firstVideoIndex {
                if stream.definition.proxy != nil { description.media[video].frameRate = upstreamRate }
                if let declaredRate { description.media[video].frameRate = declaredRate }
            }
            if let recording = mount.recording { self.describeRecording(recording, stream: stream, into: &description) }
            var response = self.answer(.ok)
            response.headers.add("Content-Type", "application/sdp")
            if let track = stream.audio, let audioParameters {
                description.media.append(MediaDescription(
                    format: track.format, formatParameters: audioParameters.fmtpValue,
                    control: "trackID=\(description.media.count)"))
            }
            // The backchannel follows the stream's tracks (ONVIF Streaming Specification §5.3).
            if wantsBackchannel, mount.recording == nil, let backchannel = mount.backchannel {
                description.media.append(backchannel.mediaDescription(control: "trackID=\(description.media.count)"))
            }
            if url.queryItems.isEmpty {
                // Content-Base: the request URL as received, plus a trailing slash (RFC 2326 §C.1.1).
                response.headers.add("Content-Base", request.uri.hasSuffix("/") ? request.uri : request.uri + "/")
            } else {
                // A query cannot survive relative resolution against a base, so the base
                // drops it and each track control URL is absolute, with the query at its end.
                var base = url
                base.queryItems = []
                response.headers.add("Content-Base", base.serialized + "/")
                for index in description.media.indices {
                    var track = url
                    track.pathSegments.append("trackID=\(index)")
                    description.media[index].control = track.serialized
                }
            }
            response.body = Array(description.serialize().utf8)
            return response
        }.flatMapErrorThrowing { error in
            guard let refusal = error as? ProxyRefusal else { throw error }
            return self.answer(refusal)
        }
    }

    /// A proxy camera whose upstream cannot be described now: 503 with the seconds to
    /// the next attempt (RFC 2326 §12.31), or 415 for a codec camsim cannot relay.
    func answer(_ refusal: ProxyRefusal) -> RTSPResponse {
        switch refusal {
        case .upstreamUnavailable(let seconds):
            var response = answer(Refusal(.serviceUnavailable, reason: "the camera's upstream source is unavailable"))
            response.headers.add("Retry-After", String(seconds))
            return response
        case .unsupportedCodec(let codec):
            return answer(Refusal(RTSPStatus(code: 415), reason: "the upstream sends \(codec), which camsim cannot relay yet"))
        }
    }
}
