// swift-tools-version:5.4
// 5.4 on purpose: from 5.5 on, SwiftPM links executables with `main` aliased to a renamed
// Swift entry point (so tests can link them); these targets have none, as libFuzzer
// supplies `main`, and the link would fail.
import PackageDescription

/// libFuzzer targets for camsim's parsers, one executable per wire element, kept outside the
/// main package. `make fuzz` builds and runs them; by hand, from this folder:
///
///     swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address \
///         -Xswiftc -parse-as-library -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address
///
/// Each target defines `LLVMFuzzerTestOneInput`; libFuzzer supplies `main`.
let targets: [(name: String, dependencies: [String])] = [
    ("fuzz-rtsp-message", ["RTSP"]),
    ("fuzz-rtsp-response", ["RTSP"]),
    ("fuzz-transport", ["RTSP"]),
    ("fuzz-session", ["RTSP"]),
    ("fuzz-range", ["RTSP"]),
    ("fuzz-require", ["RTSP"]),
    ("fuzz-scale", ["RTSP"]),
    ("fuzz-speed", ["RTSP"]),
    ("fuzz-frames", ["RTSP"]),
    ("fuzz-onvif-yes-no", ["RTSP"]),
    ("fuzz-rtp-info", ["RTSP"]),
    ("fuzz-cseq", ["RTSP"]),
    ("fuzz-port-range", ["RTSP"]),
    ("fuzz-version", ["RTSP"]),
    ("fuzz-fmtp", ["RTSP"]),
    ("fuzz-h265-fmtp", ["RTSP"]),
    ("fuzz-sdp", ["RTSP"]),
    ("fuzz-url", ["RTSP"]),
    ("fuzz-text-parameters", ["RTSP"]),
    ("fuzz-tunnel-handshake", ["RTSP"]),
    ("fuzz-tunnel-base64", ["RTSP"]),
    ("fuzz-www-authenticate", ["RTSPAuth"]),
    ("fuzz-authorization", ["RTSPAuth", "ConstantTime"]),
    ("fuzz-soap-envelope", ["ONVIF"]),
    ("fuzz-event-requests", ["ONVIF"]),
    ("fuzz-onvif-media-request", ["ONVIF"]),
    ("fuzz-ptz-request", ["ONVIF", "PTZ"]),
    ("fuzz-xs-duration", ["ONVIF"]),
    ("fuzz-recording-search", ["ONVIF"]),
    ("fuzz-ws-discovery-probe", ["Discovery"]),
    ("fuzz-rtp", ["RTP"]),
    ("fuzz-rtcp", ["RTP"]),
    ("fuzz-replay-extension", ["RTP"]),
    ("fuzz-h264-sps", ["H264Syntax"]),
    ("fuzz-h265-sps", ["H265Syntax"]),
    ("fuzz-qr-timecode", ["ProbeAnalysis"]),
    ("fuzz-h265-depayloader", ["RTP", "H265Syntax"]),
    ("fuzz-rtp-jpeg", ["RTP", "JPEGSyntax"]),
    ("fuzz-jpeg", ["JPEGSyntax"]),
    ("fuzz-au-headers", ["RTP"]),
    ("fuzz-mpeg4-fmtp", ["RTSP"]),
    ("fuzz-fault-query", ["RTSP", "Faults"]),
    ("fuzz-config", ["Config", "Faults"]),
    ("fuzz-recording", ["Config"]),
    ("fuzz-scene", ["Frames"]),
]

let package = Package(
    name: "camsim-fuzz",
    dependencies: [.package(name: "camsim", path: "..")],
    targets: [
        // Invariant checks and input splitting shared by the targets.
        .target(name: "FuzzSupport"),
    ] + targets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: ["FuzzSupport"] + target.dependencies.map { .product(name: $0, package: "camsim") }
        )
    }
)
