import Config
import ONVIF

/// One accepted ONVIF request and what answering it may read: the camera's configuration,
/// the device it shows, and the time the request came.
struct ONVIFCall: Sendable {
    var request: ONVIFRequest
    var camera: CameraConfig
    var config: CamsimConfig
    var device: ONVIFDevice
    /// Nanoseconds since 1970.
    var now: Int64
    /// The address's path after the service's component (a subscription's id), empty for none.
    var subpath: [String]

    /// The answer `ONVIFDispatcher` gives from the device alone.
    func answerFromDevice() throws(SOAPFault) -> String {
        try ONVIFDispatcher.answer(request, device: device, now: now)
    }
}
