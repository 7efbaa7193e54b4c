// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "camsim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "camsim", targets: ["camsim"]),
        .executable(name: "camsim-bench", targets: ["camsim-bench"]),
        .executable(name: "camsim-load", targets: ["camsim-load"]),
        // The parser modules, for the fuzz targets in Fuzz/ (a package of their own).
        .library(name: "RTSP", targets: ["RTSP"]),
        .library(name: "RTP", targets: ["RTP"]),
        .library(name: "H264Syntax", targets: ["H264Syntax"]),
        .library(name: "ProbeAnalysis", targets: ["ProbeAnalysis"]),
        .library(name: "H265Syntax", targets: ["H265Syntax"]),
        .library(name: "Faults", targets: ["Faults"]),
        .library(name: "Config", targets: ["Config"]),
        .library(name: "Frames", targets: ["Frames"]),
        .library(name: "JPEGSyntax", targets: ["JPEGSyntax"]),
        .library(name: "RTSPAuth", targets: ["RTSPAuth"]),
        .library(name: "ConstantTime", targets: ["ConstantTime"]),
        .library(name: "ONVIF", targets: ["ONVIF"]),
        .library(name: "Discovery", targets: ["Discovery"]),
        .library(name: "PTZ", targets: ["PTZ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/drmohundro/SWXMLHash.git", from: "8.1.1"),
    ],
    targets: [
        // libx264 from the system (Debian: libx264-dev); shim.h wraps the x264_encoder_open macro.
        .systemLibrary(
            name: "CX264",
            pkgConfig: "x264",
            providers: [.apt(["libx264-dev"])]
        ),
        // libx265 from the system (Debian: libx265-dev); shim.h wraps the x265_encoder_open macro.
        .systemLibrary(
            name: "CX265",
            pkgConfig: "x265",
            providers: [.apt(["libx265-dev"])]
        ),
        // FreeType from the system (Debian: libfreetype-dev), used once per font to build a glyph atlas.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]
        ),
        // libpng from the system (Debian: libpng-dev), for `camsim render --png` snapshots.
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        // libjpeg-turbo from the system (Debian: libturbojpeg0-dev), for snapshots.
        .systemLibrary(
            name: "CTurboJPEG",
            pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev), for the scenes' QR code layer.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libzbar from the system (Debian: libzbar-dev), for reading QR codes.
        .systemLibrary(
            name: "CZBar",
            pkgConfig: "zbar",
            providers: [.apt(["libzbar-dev"])]
        ),
        // libavcodec and libavutil from the system (Debian: libavcodec-dev): the native AAC encoder,
        // and the H.264 decoder with which the probe reads the QR timecode.
        .systemLibrary(
            name: "CAVCodec",
            pkgConfig: "libavcodec",
            providers: [.apt(["libavcodec-dev"])]
        ),
        // "Did you mean" spelling hints shared by the configuration and fault parsers.
        .target(name: "Spelling"),
        // Seedable randomness shared by every layer that must be reproducible.
        .target(name: "Randomness"),
        // Calendar dates and days since 1970: the date arithmetic of clocks, NPT and recordings.
        .target(name: "CivilDate"),
        // Frames and scenes: I420 pictures, pattern generators, text, scene files.
        .target(
            name: "Frames",
            dependencies: ["CFreeType", "CPNG", "CQRencode", "CivilDate", "PTZ", "Randomness", .product(name: "Yams", package: "Yams")],
            // Pixel loops are optimised even in debug builds, so test cameras draw in real time.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Baseline JPEG syntax both the encoder wrapper and the RFC 2435 payloader read: the
        // marker walker, the typical Huffman tables, quantization tables. Pure Swift, no I/O.
        .target(
            name: "JPEGSyntax",
            // Scans are walked octet by octet, every frame: optimised even in debug builds.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // JPEG encoding of I420 pictures (libjpeg-turbo, 4:2:0, straight from the planes).
        .target(
            name: "JPEG",
            dependencies: ["CTurboJPEG", "Frames", "JPEGSyntax"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // H.264 bitstream syntax both the encoder wrapper and the payloader read: the NAL
        // unit header and type numbers, and a stream's parameter sets. Pure Swift, no I/O.
        .target(name: "H264Syntax"),
        // Audio signals (tone, beep, silence, noise, sweep) as pure functions of the sample
        // index from the stream's origin, and G.711 μ-law/A-law. Pure Swift, no I/O.
        .target(name: "Audio", dependencies: ["Randomness"]),
        // The AAC-LC encoder wrapper (libavcodec's native encoder): settings, frames of 1024
        // samples, the AudioSpecificConfig.
        .target(name: "AAC", dependencies: ["CAVCodec"]),
        // The x264 wrapper: encoder settings, frame rates, NAL units, Annex B.
        .target(name: "H264", dependencies: ["CX264", "Frames", "H264Syntax"]),
        // H.265 bitstream syntax the encoder wrapper, the payloader and the SDP read: the
        // two-octet NAL unit header and types, parameter sets, profile/tier/level. Pure Swift.
        .target(name: "H265Syntax"),
        // The x265 wrapper, driven by the same encoder settings as x264.
        .target(name: "H265", dependencies: ["CX265", "Frames", "H264", "H265Syntax"]),
        // RTP and RTCP wire formats, the RFC 6184 H.264, RFC 7798 H.265 and RFC 2435 JPEG payloaders. Pure
        // Swift, no I/O; packets are written into NIOCore's ByteBuffer so fan-out shares them
        // without a copy.
        .target(name: "RTP", dependencies: ["H264Syntax", "H265Syntax", "JPEGSyntax", .product(name: "NIOCore", package: "swift-nio")]),
        // RTSP messages, headers, SDP and session state machines. Pure Swift, no I/O.
        .target(name: "RTSP", dependencies: ["CivilDate"]),
        // What `camsim probe` measures of an RTSP session: loss, jitter, frame rate, GOP,
        // time to first frame, SR clock drift, thresholds, the JSON report. Pure, clock injected.
        .target(name: "ProbeAnalysis", dependencies: ["RTP", "RTSP", "H264Syntax", "H265Syntax", "CivilDate"]),
        // The probe's latency reading: H.264 pictures decoded with libavcodec, QR codes read
        // with libzbar, the capture time compared with the arrival time.
        .target(name: "QRReading", dependencies: ["CAVCodec", "CZBar", "ProbeAnalysis"]),
        // `camsim probe` as a library call: one session or many driven with the RTSP
        // client, each event fed to ProbeAnalysis with its arrival time.
        .target(name: "Probe", dependencies: ["ProbeAnalysis", "QRReading", "RTP", "RTSPClient", "RTSPClientTransport"]),
        // The ONVIF audio backchannel's receiving side: RTP reception counters and the WAV
        // (RIFF) file the received G.711 is written to.
        .target(name: "Backchannel", dependencies: ["RTP"]),
        // Comparison of secrets in constant time, shared by RTSP authentication and the
        // control API's bearer token.
        .target(name: "ConstantTime"),
        // RTSP authentication (RFC 7616, RFC 2617, RFC 7617): WWW-Authenticate and
        // Authorization headers, digest computation, signed nonces, the authenticator
        // state machine. Pure, no I/O; the clock is passed in.
        .target(name: "RTSPAuth", dependencies: ["RTSP", "ConstantTime", .product(name: "Crypto", package: "swift-crypto")]),
        // ONVIF's wire layer: SOAP 1.2 envelopes read with SWXMLHash behind a guard (no DTD,
        // bounded size, depth and element count), responses and faults written, and
        // WS-Security UsernameToken checked. Pure, no I/O; the clock is passed in.
        .target(
            name: "ONVIF",
            dependencies: [
                "CivilDate", "ConstantTime", "PTZ", .product(name: "SWXMLHash", package: "SWXMLHash"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // WS-Discovery (ONVIF Core, "Device discovery"): Probe parsing, scope and type matching,
        // Hello, Bye and ProbeMatches packed into datagrams, and the responder's state machine
        // with its jitter and repeats. Pure, no I/O; the clock is passed in.
        .target(name: "Discovery", dependencies: ["ONVIF", "Randomness"]),
        // A camera's virtual pan-tilt-zoom head as a function of time. Pure; the clock is passed in.
        .target(name: "PTZ"),
        // The RTSP client's sans-IO core: the session state machine (OPTIONS, DESCRIBE, SETUP,
        // PLAY, keepalives, TEARDOWN, redirects, Basic/Digest), control URL resolution and the
        // tracks of a DESCRIBE answer. Pure, no I/O; the clock is passed in.
        .target(name: "RTSPClient", dependencies: ["RTSP", "RTP", "RTSPAuth", "H264Syntax"]),
        // The RTSP client's SwiftNIO driver: UDP (with RTCP receiver reports), TCP-interleaved
        // and HTTP-tunnelled connections whose events arrive as an AsyncSequence.
        .target(
            name: "RTSPClientTransport",
            dependencies: [
                "RTSPClient", "RTSP", "RTP", "H264Syntax",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Fault models, profiles, presets and schedules. Pure and seeded.
        .target(
            name: "Faults",
            dependencies: ["Randomness", "Spelling", .product(name: "Yams", package: "Yams")]
        ),
        // YAML configuration: server settings, cameras, streams, templates. Multicast
        // groups are read with the RTSP module's IPv4 address type.
        .target(name: "Config", dependencies: ["CivilDate", "PTZ", "RTSP", "Randomness", "Spelling", .product(name: "Yams", package: "Yams")]),
        // Cameras: scene -> encoder -> packetizer -> fan-out, frame clock, registry.
        .target(
            name: "Cameras",
            dependencies: [
                "Frames", "H264", "H265", "H265Syntax", "JPEG", "RTP", "Randomness",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Snapshots: a stream's current picture drawn apart from its encoder, as a JPEG.
        .target(
            name: "Snapshots",
            dependencies: [
                "Cameras", "Frames", "JPEG",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // The SwiftNIO RTSP server and its RTP transports.
        .target(
            name: "Server",
            dependencies: [
                "Backchannel", "Cameras", "Faults", "RTSP", "RTSPAuth", "RTP", "H264Syntax", "Randomness", "PTZ",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // RTSPS: the TLS listener and the self-signed certificate made at start.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // The composition root: turns a configuration into a running server (cameras,
        // scenes, encoders, faults), checks one, and applies a reload to a running server.
        .target(
            name: "Composition",
            dependencies: [
                "Server", "Cameras", "Config", "Faults", "Frames", "H264", "RTSP", "RTSPAuth", "RTP", "Audio", "AAC", "PTZ",
                "RTSPClient", "RTSPClientTransport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The HTTP control plane: the JSON API, its OpenAPI document and the event stream,
        // served by Hummingbird beside the RTSP server.
        .target(
            name: "Control",
            dependencies: [
                "Server", "Composition", "Cameras", "Config", "Faults", "Frames", "Snapshots", "ConstantTime", "ONVIF", "Discovery", "PTZ", "RTSPAuth", "AAC",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The dashboard's page, style sheet and script, served from Bundle.module.
            resources: [.copy("Dashboard")]
        ),
        .executableTarget(
            name: "camsim",
            dependencies: [
                "Server", "Composition", "Config", "Faults", "Frames", "Control", "Probe", "ProbeAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "camsim-bench",
            dependencies: [
                "Audio", "AAC", "Server", "Cameras", "Frames", "H264", "H265", "JPEG", "RTP", "Composition", "Config", "Control",
                "ONVIF", "Discovery", "PTZ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // epoll from the C library, for the load client (Linux).
        .systemLibrary(name: "CEpoll"),
        // The benchmarks' load client: RTSP over raw sockets from a process of its own,
        // sharing no code with the server it loads.
        .executableTarget(
            name: "camsim-load",
            dependencies: ["CEpoll", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The check that keeps Fuzz/Seeds/ in step with the unit tests' case tables, shared
        // by the test targets that own those tables; in no product.
        .target(name: "FuzzSeedSupport", path: "Tests/FuzzSeedSupport"),
        .testTarget(name: "FramesTests", dependencies: ["Frames", "PTZ", "FuzzSeedSupport"]),
        .testTarget(name: "JPEGTests", dependencies: ["JPEG", "JPEGSyntax", "Frames", "CTurboJPEG", "FuzzSeedSupport"]),
        .testTarget(
            name: "SnapshotsTests",
            dependencies: [
                "Snapshots", "Cameras", "Frames", "H264", "CTurboJPEG",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "AudioTests", dependencies: ["Audio", "Frames", "Randomness"]),
        .testTarget(name: "AACTests", dependencies: ["AAC", "Audio", "CAVCodec"]),
        .testTarget(name: "H264Tests", dependencies: ["H264", "H264Syntax", "Frames"]),
        .testTarget(name: "H264SyntaxTests", dependencies: ["H264Syntax", "FuzzSeedSupport"]),
        .testTarget(name: "H265SyntaxTests", dependencies: ["H265Syntax", "FuzzSeedSupport"]),
        .testTarget(name: "H265Tests", dependencies: ["H265", "H265Syntax", "H264", "Frames"]),
        .testTarget(name: "ConstantTimeTests", dependencies: ["ConstantTime"]),
        .testTarget(name: "ONVIFTests", dependencies: ["ONVIF", "PTZ", "FuzzSeedSupport"]),
        .testTarget(name: "DiscoveryTests", dependencies: ["Discovery", "ONVIF", "FuzzSeedSupport"]),
        .testTarget(name: "PTZTests", dependencies: ["PTZ"]),
        .testTarget(
            name: "RTPTests",
            dependencies: [
                "RTP", "H264Syntax", "H265Syntax", "JPEGSyntax", "Randomness", "FuzzSeedSupport", .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "CivilDateTests", dependencies: ["CivilDate"]),
        .testTarget(name: "ProbeAnalysisTests", dependencies: ["ProbeAnalysis", "RTP", "H264Syntax", "FuzzSeedSupport"]),
        .testTarget(name: "QRReadingTests", dependencies: ["QRReading", "ProbeAnalysis", "Frames", "H264"]),
        .testTarget(name: "RTSPTests", dependencies: ["RTSP", "Randomness", "FuzzSeedSupport"]),
        .testTarget(name: "BackchannelTests", dependencies: ["Backchannel", "RTP"]),
        .testTarget(
            name: "RTSPAuthTests",
            dependencies: ["RTSPAuth", "RTSP", "FuzzSeedSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(name: "FaultsTests", dependencies: ["Faults", "Randomness", "FuzzSeedSupport"]),
        .testTarget(
            name: "ConfigTests",
            dependencies: ["Config", "Faults", "PTZ", "RTSP", "Randomness", "Spelling", "FuzzSeedSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "CamerasTests",
            dependencies: [
                "Cameras", "Frames", "H264", "RTP", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Cameras", "Frames", "H264", "RTSP", "RTSPAuth",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .testTarget(
            name: "CompositionTests",
            dependencies: ["Composition", "Server", "Config", "Faults", "Frames", "Cameras", "RTP", "RTSPClient", "RTSPClientTransport"]
        ),
        .testTarget(name: "ControlTests", dependencies: ["Control", "Composition", "Server", "Cameras", "Config", "Faults", "Frames", "ONVIF"]),
        .testTarget(name: "RTSPClientTests", dependencies: ["RTSPClient", "RTSP", "RTSPAuth", "RTP"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Server", "Composition", "Cameras", "Control", "Config", "RTP", "RTSP", "RTSPAuth", "Randomness", "Audio",
                "RTSPClient", "RTSPClientTransport", "Probe", "ProbeAnalysis", "PTZ",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // Reads the rendered Kubernetes manifests (KubernetesManifests).
                .product(name: "Yams", package: "Yams"),
            ],
            // Scripts the tests run with the Python clients (`PythonClients`), the
            // settings of the schemathesis run of ControlSchemathesisTests, and the
            // dashboard screenshot the README shows.
            exclude: ["Python", "schemathesis.toml", "Dashboard"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
