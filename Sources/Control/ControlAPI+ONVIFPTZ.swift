import Foundation
import ONVIF

extension ControlAPI {
    /// The answer to an operation of the PTZ service: a camera with `ptz:` answers from its
    /// head (position, moves, presets); one without offers no PTZ service, and the device's
    /// answer says so. The head runs on the wall clock the frames are stamped with, not on
    /// the request's time, which a clock-skew fault moves: the picture and GetStatus agree
    /// whatever the skew.
    func answerPTZ(_ operation: PTZOperation, _ call: ONVIFCall) async throws(SOAPFault) -> String {
        guard let head = server.cameraDefinition(path: call.camera.path)?.ptz else { return try call.answerFromDevice() }
        let wallNow = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        return try PTZService.answer(call.request, device: call.device, head: head, now: wallNow)
    }
}
