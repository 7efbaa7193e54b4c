import RTSP

extension RTSPConnection {
    /// The answer to a request whose own headers camsim refuses, before its URL,
    /// session or faults are looked at; nil when they are fine.
    ///
    /// - CSeq twice, or Session headers naming different sessions: 400 (RFC 2326
    ///   §12.17, §12.37).
    /// - A `Require` or `Proxy-Require` option tag camsim does not support: 551 Option
    ///   Not Supported, listing the tags in `Unsupported` (RFC 2326 §12.32, §12.27). A
    ///   tag list that does not parse: 400.
    func headerRefusal(_ request: RTSPRequest) -> RTSPResponse? {
        do throws(RepeatedHeaderError) {
            try request.validateRepeatedHeaders()
        } catch {
            return answer(error.status)
        }
        let unsupported: [String]
        do throws(RequireHeaderError) {
            unsupported = try request.unsupportedOptionTags(supported: RTSPConnection.supportedOptionTags)
        } catch {
            return answer(error.status)
        }
        guard !unsupported.isEmpty else { return nil }
        var response = answer(.optionNotSupported)
        response.headers.add(RequireHeader.unsupportedHeaderName, RequireHeader(tags: unsupported).serialized)
        return response
    }

    /// Option tags camsim honours in `Require`: ONVIF replay, on the playback URLs of
    /// recordings (`RTSPConnection+Replay`), and the ONVIF backchannel, which DESCRIBE
    /// refuses for a camera without one (`RTSPConnection+Describe`).
    static let supportedOptionTags: Set<String> = [replayOptionTag, CameraBackchannel.optionTag]

    /// PLAY's `Range` and `Scale`, checked though a live camera plays from now at scale
    /// 1 whatever they say: a Range that does not parse is 400, one that runs backwards
    /// 457 Invalid Range (RFC 2326 §12.29, §11.3.5); a Scale that does not parse is 400.
    /// Returns whether the request asked for a scale, which the answer then states.
    func checkPlayHeaders(_ request: RTSPRequest) throws(Refusal) -> Bool {
        if let range = request.headers[RangeHeader.headerName] {
            do throws(RangeHeaderError) {
                _ = try RangeHeader.parse(range)
            } catch {
                throw Refusal(error.status)
            }
        }
        guard let scale = request.headers[ScaleHeader.headerName] else { return false }
        do throws(ScaleHeaderError) {
            _ = try ScaleHeader.parse(scale)
        } catch {
            throw Refusal(error.status)
        }
        return true
    }
}
