@testable import ONVIF

/// The media tests' device and requests: the dispatcher tests' camera (main H.264 1280x720
/// at 25 fps, sub JPEG 640x360) with an AAC track and a G.711 backchannel, and an H.265 one.
enum MediaSamples {
    static let withAudio: ONVIFDevice = {
        var device = DispatcherTests.device
        device.audio = MediaAudio(track: .init(encoding: .aac, sampleRate: 48_000, channels: 2, bitrate: 128), backchannelALaw: false)
        device.profiles[0].secureStreamURI = "rtsps://127.0.0.1:8322/lobby"
        return device
    }()

    static let withHEVC: ONVIFDevice = {
        var device = DispatcherTests.device
        device.profiles[0].encoding = .h265
        return device
    }()

    static let trt = #"xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema""#
    static let tr2 = #"xmlns:tr2="http://www.onvif.org/ver20/media/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema""#

    /// A ver10 operation with `body` inside.
    static func media(_ operation: String, _ body: String = "") -> String {
        SOAPSamples.envelope("<trt:\(operation) \(trt)>\(body)</trt:\(operation)>")
    }

    /// A Media2 operation with `body` inside.
    static func media2(_ operation: String, _ body: String = "") -> String {
        SOAPSamples.envelope("<tr2:\(operation) \(tr2)>\(body)</tr2:\(operation)>")
    }

    /// The answer `device` gives to `text`, and its operation response parsed back.
    static func reply(_ text: String, device: ONVIFDevice = withAudio) -> ONVIFDispatcher.Reply {
        ONVIFDispatcher.reply(to: SOAPSamples.bytes(text), device: device, now: DispatcherTests.now) { _ in nil }
    }

    static func response(_ text: String, device: ONVIFDevice = withAudio) throws -> XMLNode {
        try DispatcherTests.response(reply(text, device: device))
    }

    /// The `SetVideoEncoderConfiguration` body's element, parsed.
    static func body(_ text: String) throws -> XMLNode {
        let request = try ONVIFDispatcher.accept(SOAPSamples.bytes(text)) { _, _ in nil }
        return request.body
    }

    /// A ver10 SetVideoEncoderConfiguration as onvif-zeep sends it back after a Get.
    static func setVer10(
        token: String = "VideoEncoder_main", encoding: String = "H264", width: String = "640", height: String = "360",
        fps: String = "25", interval: String = "1", bitrate: String = "2000", gov: String = "50", profile: String = "High"
    ) -> String {
        media("SetVideoEncoderConfiguration", """
        <trt:Configuration token="\(token)"><tt:Name>main</tt:Name><tt:UseCount>1</tt:UseCount>\
        <tt:Encoding>\(encoding)</tt:Encoding><tt:Resolution><tt:Width>\(width)</tt:Width><tt:Height>\(height)</tt:Height></tt:Resolution>\
        <tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>\(fps)</tt:FrameRateLimit>\
        <tt:EncodingInterval>\(interval)</tt:EncodingInterval><tt:BitrateLimit>\(bitrate)</tt:BitrateLimit></tt:RateControl>\
        <tt:H264><tt:GovLength>\(gov)</tt:GovLength><tt:H264Profile>\(profile)</tt:H264Profile></tt:H264>\
        <tt:SessionTimeout>PT60S</tt:SessionTimeout></trt:Configuration><trt:ForcePersistence>true</trt:ForcePersistence>
        """)
    }

    /// A Media2 SetVideoEncoderConfiguration.
    static func setMedia2(
        token: String = "VideoEncoder_main", encoding: String = "H265", width: String = "1280", height: String = "720",
        fps: String = "25", bitrate: String = "2000", gov: String = "50", profile: String = "Main"
    ) -> String {
        media2("SetVideoEncoderConfiguration", """
        <tr2:Configuration token="\(token)" GovLength="\(gov)" Profile="\(profile)"><tt:Name>main</tt:Name><tt:UseCount>1</tt:UseCount>\
        <tt:Encoding>\(encoding)</tt:Encoding><tt:Resolution><tt:Width>\(width)</tt:Width><tt:Height>\(height)</tt:Height></tt:Resolution>\
        <tt:RateControl ConstantBitRate="false"><tt:FrameRateLimit>\(fps)</tt:FrameRateLimit><tt:BitrateLimit>\(bitrate)</tt:BitrateLimit></tt:RateControl>\
        <tt:Quality>5</tt:Quality></tr2:Configuration>
        """)
    }
}
