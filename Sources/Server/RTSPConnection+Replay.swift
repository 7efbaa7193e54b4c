import Cameras
import RTSP

extension RTSPConnection {
    /// The option tag of ONVIF replay (ONVIF Streaming Specification, "RTSP replay").
    static let replayOptionTag = "onvif-replay"

    /// The ONVIF replay mode a PLAY of a recording asks for: nil without `Require:
    /// onvif-replay`; else its `Rate-Control`, `Frames` and the request's CSeq. A header
    /// that does not parse is 400. (`Immediate: yes` is read and needs nothing: a PLAY while
    /// playing always takes effect at once here.)
    func replayMode(_ request: RTSPRequest) throws(Refusal) -> ReplayMode? {
        let tags = request.headers.values(RequireHeader.headerName).flatMap { (try? RequireHeader.parse($0))?.tags ?? [] }
        guard tags.contains(where: { $0.lowercased() == Self.replayOptionTag }) else { return nil }
        var mode = ReplayMode()
        if let text = request.headers[ONVIFYesNoHeader.rateControlName] {
            do throws(ONVIFYesNoHeaderError) {
                mode.paced = try ONVIFYesNoHeader.parse(text).value
            } catch {
                throw Refusal(error.status, reason: "Rate-Control is yes or no")
            }
        }
        if let text = request.headers[ONVIFYesNoHeader.immediateName] {
            do throws(ONVIFYesNoHeaderError) {
                _ = try ONVIFYesNoHeader.parse(text)
            } catch {
                throw Refusal(error.status, reason: "Immediate is yes or no")
            }
        }
        if let text = request.headers[FramesHeader.headerName] {
            do throws(FramesHeaderError) {
                switch try FramesHeader.parse(text) {
                case .all, .predicted: break
                case .intra(let interval):
                    mode.intraOnly = true
                    mode.minimumIntervalNanoseconds = interval.map { Int64($0) * 1_000_000 }
                }
            } catch {
                throw Refusal(error.status, reason: "Frames is all, predicted, intra or intra/<milliseconds>")
            }
        }
        if let cSeq = request.headers[CSeq.headerName].flatMap({ try? CSeq.parse($0) }) {
            mode.cSeq = UInt8(truncatingIfNeeded: cSeq)
        }
        return mode
    }
}
