import Testing
@testable import RTSP

/// Session descriptions real servers and cameras send, as published (facts for the parser
/// tests, not code): each with where it comes from. Line endings are as the source had them
/// where known (CRLF for the ones captured on the wire here, LF for those quoted in logs).
enum SessionDescriptionCorpus {
    struct Entry: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var media: [Medium]
        var testDescription: String { name }
    }

    /// What each media section must parse to.
    struct Medium: Sendable {
        var type: String
        var control: String?
        var payloadTypes: [UInt8]
        /// The first payload type's rtpmap: encoding name, clock rate, channels.
        var encoding: String?
        var clockRate: Int? = nil
        var channels: Int? = nil
        var direction: SDPDirection? = nil
    }

    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// ffmpeg 5.1 (Debian) as an RTSP client publishing H.264 and AAC: the SDP of its
    /// ANNOUNCE, the same writer (libavformat/sdp.c) its RTSP muxer and `-sdp_file` use.
    static let ffmpegAnnounce = Entry(name: "ffmpeg ANNOUNCE, H.264 + AAC", text: crlf("""
        v=0
        o=- 0 0 IN IP4 127.0.0.1
        s=No Name
        c=IN IP4 127.0.0.1
        t=0 0
        a=tool:libavformat LIBAVFORMAT_VERSION
        m=video 0 RTP/AVP 96
        a=rtpmap:96 H264/90000
        a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z/QADZGWgUH7ARAAAAMAEAAAAwMg8UKq,aM4PGSA=; profile-level-id=F4000D
        a=control:streamid=0
        m=audio 0 RTP/AVP 97
        b=AS:69
        a=rtpmap:97 MPEG4-GENERIC/48000/1
        a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3; config=118856E500
        a=control:streamid=1

        """), media: [
            Medium(type: "video", control: "streamid=0", payloadTypes: [96], encoding: "H264", clockRate: 90000),
            Medium(type: "audio", control: "streamid=1", payloadTypes: [97], encoding: "MPEG4-GENERIC", clockRate: 48000, channels: 1),
        ])

    /// gst-rtsp-server 1.22 (`videotestsrc ! x264enc ! rtph264pay name=pay0 pt=96` and
    /// `audiotestsrc ! mulawenc ! rtppcmupay name=pay1`), its DESCRIBE answer.
    static let gstRTSPServer = Entry(name: "gst-rtsp-server, H.264 + PCMU", text: crlf("""
        v=0
        o=- 15093169282621025594 1 IN IP4 127.0.0.1
        s=Session streamed with GStreamer
        i=rtsp-server
        t=0 0
        a=tool:GStreamer
        a=type:broadcast
        a=control:*
        a=range:npt=0-
        m=video 0 RTP/AVP 96
        c=IN IP4 0.0.0.0
        b=AS:2097
        a=rtpmap:96 H264/90000
        a=framerate:25
        a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0LAFdoFB+wFqDAwNSgAAAMACAAAAwGUeLF1,aM48gA==;profile-level-id=42c015;level-asymmetry-allowed=1
        a=control:stream=0
        a=ts-refclk:local
        a=mediaclk:sender
        a=ssrc:4255446832 cname:user869200664@host-b56063f6
        m=audio 0 RTP/AVP 0
        c=IN IP4 0.0.0.0
        b=AS:64
        a=rtpmap:0 PCMU/8000
        a=control:stream=1
        a=ts-refclk:local
        a=mediaclk:sender
        a=ssrc:2334029568 cname:user869200664@host-b56063f6

        """), media: [
            Medium(type: "video", control: "stream=0", payloadTypes: [96], encoding: "H264", clockRate: 90000),
            Medium(type: "audio", control: "stream=1", payloadTypes: [0], encoding: "PCMU", clockRate: 8000),
        ])

    /// A live555 server with H.264 and a static-payload-type audio track without rtpmap
    /// (ZoneMinder issue #911).
    static let live555 = Entry(name: "live555, H.264 + PCMU without rtpmap", text: """
        v=0
        o=- 1435406388601945 1 IN IP4 192.168.10.20
        s=RTSP/RTP stream 2 from Margarete3
        i=live2.sdp with v2.0
        t=0 0
        a=type:broadcast
        a=control:*
        a=range:npt=0-
        a=x-qt-text-nam:RTSP/RTP stream 2 from Margarete3
        a=x-qt-text-inf:live2.sdp
        m=video 0 RTP/AVP 96
        c=IN IP4 0.0.0.0
        b=AS:300
        a=rtpmap:96 H264/90000
        a=fmtp:96 packetization-mode=1;profile-level-id=640028;sprop-parameter-sets=Z2QAKK2EBUViuKxUdCAqKxXFYqOhAVFYrisVHQgKisVxWKjoQFRWK4rFR0ICorFcVio6ECSFITk8nyfk/k/J8nm5s00IEkKQnJ5Pk/J/J+T5PNzZprQDIBL0qQAAAwB4AAADAeBgQAAF9eEAAC+vCve+F4RCNQ==,aO48sA==
        a=control:track1
        m=audio 0 RTP/AVP 0
        c=IN IP4 0.0.0.0
        b=AS:64
        a=control:track2

        """, media: [
            Medium(type: "video", control: "track1", payloadTypes: [96], encoding: "H264", clockRate: 90000),
            Medium(type: "audio", control: "track2", payloadTypes: [0], encoding: nil),
        ])

    /// A Hikvision camera ("HIK Media Server V5.03.010") with AAC whose fmtp names payload
    /// type 97 while its m= line and rtpmap say 104 (gortsplib issue #658).
    static let hikvision = Entry(name: "Hikvision, H.264 + AAC, mismatched fmtp", text: """
        v=0
        o=- 1109162014219182 0 IN IP4 0.0.0.0
        s=HIK Media Server V5.03.010
        i=HIK Media Server Session Description : standard
        e=NONE
        c=IN IP4 0.0.0.0
        b=AS:2080
        t=0 0
        a=control:*
        a=range:npt=now-
        m=video 0 RTP/AVP 96
        i=Video Media
        b=AS:2048
        a=recvonly
        a=control:trackID=video
        a=rtpmap:96 H264/90000
        a=fmtp:96 profile-level-id=4D0014;packetization-mode=0
        m=audio 0 RTP/AVP 104
        i=Audio Media
        b=AS:32
        a=recvonly
        a=control:trackID=audio
        a=rtpmap:104 MPEG4-GENERIC/16000
        a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1408
        a=Media_header:MEDIAINFO=494D4B48020100000400000101200210401F00000000000000000000000000000000000000000000;
        a=appversion:1.0

        """, media: [
            Medium(type: "video", control: "trackID=video", payloadTypes: [96], encoding: "H264", clockRate: 90000, direction: .recvonly),
            Medium(type: "audio", control: "trackID=audio", payloadTypes: [104], encoding: "MPEG4-GENERIC", clockRate: 16000, direction: .recvonly),
        ])

    /// A Dahua camera's `cam/realmonitor` stream: H.264 with `a=framerate:10.000000` and
    /// PCMA (a published capture of its RTSP exchange with VLC).
    static let dahua = Entry(name: "Dahua, H.264 + PCMA", text: """
        v=0
        o=- 2251938508 2251938508 IN IP4 0.0.0.0
        s=Media Server
        c=IN IP4 0.0.0.0
        t=0 0
        a=control:*
        a=packetization-supported:DH
        a=rtppayload-supported:DH
        a=range:npt=now-
        m=video 0 RTP/AVP 96
        a=control:trackID=0
        a=framerate:10.000000
        a=rtpmap:96 H264/90000
        a=fmtp:96 packetization-mode=1;profile-level-id=4D4028;sprop-parameter-sets=Z01AKKaAeAIn5UAA,aO48gAA=
        a=recvonly
        m=audio 0 RTP/AVP 8
        a=control:trackID=1
        a=rtpmap:8 PCMA/8000
        a=recvonly

        """, media: [
            Medium(type: "video", control: "trackID=0", payloadTypes: [96], encoding: "H264", clockRate: 90000, direction: .recvonly),
            Medium(type: "audio", control: "trackID=1", payloadTypes: [8], encoding: "PCMA", clockRate: 8000, direction: .recvonly),
        ])

    /// A TP-Link camera: H.265, PCMA, and a vendor section whose media type and format are
    /// not RFC 4566 tokens (pixelbender/go-sdp issue #5).
    static let tpLink = Entry(name: "TP-Link, H.265 + PCMA + vendor section", text: """
        v=0
        o=- 14665860 31787219 1 IN IP4 192.168.35.39
        s=Session streamed by "TP-LINK RTSP Server"
        t=0 0
        m=video 0 RTP/AVP 96
        c=IN IP4 0.0.0.0
        b=AS:4096
        a=range:npt=0-
        a=control:track1
        a=rtpmap:96 H265/90000
        a=fmtp:96 profile-space=0;profile-id=1;tier-flag=0;level-id=153;interop-constraints=000000000000;sprop-vps=QAEMAf//AUAAAAMAAAMAAAMAAAMAmawJ;sprop-sps=QgEBAUAAAAMAAAMAAAMAAAMAmaADwIARB8uWu5G4NcqqbAgAAAMACAAAAwB4QA==;sprop-pps=RAHAc8BBgwk=
        m=audio 0 RTP/AVP 8
        a=rtpmap:8 PCMA/8000
        a=control:track2
        m=application/tp-link 0 RTP/AVP smart/0/25000
        a=rtpmap:95 tp-link/25000
        a=control:track3

        """, media: [
            Medium(type: "video", control: "track1", payloadTypes: [96], encoding: "H265", clockRate: 90000),
            Medium(type: "audio", control: "track2", payloadTypes: [8], encoding: "PCMA", clockRate: 8000),
            Medium(type: "application/tp-link", control: "track3", payloadTypes: [], encoding: nil),
        ])

    /// A Foscam FI8620 ("HiIpcam/V100R003 VodServer"): session `b=` before `t=`, an escaped
    /// session name, and `a=framesize` (ZoneMinder issue #841).
    static let foscam = Entry(name: "Foscam, H.264 with framesize", text: """
        v=0
        o=StreamingServer 3331435948 1116907222000 IN IP4 192.168.253.97
        s=\\11
        c=IN IP4 0.0.0.0
        b=AS:2056
        t=0 0
        a=range:npt=now-
        a=control:*
        m=video 0 RTP/AVP 96
        b=AS:2048
        a=control:trackID=0
        a=rtpmap:96 H264/90000
        a=fmtp:96 packetization-mode=1;profile-level-id=4D400C;sprop-parameter-sets=Z0LgHtoCwEkQ,aM4wpIA=
        a=framesize:96 704-576

        """, media: [
            Medium(type: "video", control: "trackID=0", payloadTypes: [96], encoding: "H264", clockRate: 90000),
        ])

    /// An H.265 camera with a space after its rtpmap, `a=framerate:0S`, a trailing `;` in
    /// the fmtp and an audio section with neither rtpmap nor fmtp (gortsplib issue #125).
    static let sloppyH265 = Entry(name: "H.265 camera, sloppy attributes", text: """
        v=0
        o=- 38990265062388 38990265062388 IN IP4 192.168.2.14
        s=RTSP Session
        c=IN IP4 192.168.2.14
        t=0 0
        a=control:*
        a=range:npt=0-
        m=video 0 RTP/AVP 98
        a=rtpmap:98 H265/90000\u{20}
        a=range:npt=0-
        a=framerate:0S
        a=fmtp:98 profile-id=010101;sprop-pps=RAHA8rA7NA==;sprop-sps=QgEBAWAAAAMAsAAAAwAAAwB7oAPAgBDlja7ky/NwEBAQQAAAAwBAAAAGaEA=;sprop-vps=QAEMAf//AWAAAAMAsAAAAwAAAwB7rAwAAAMABAAAAwBmqA==;sprop-sei=TgHlBMbLAACA;
        a=framerate:25
        a=control:trackID=3
        m=audio 0 RTP/AVP 8
        a=control:trackID=4

        """, media: [
            Medium(type: "video", control: "trackID=3", payloadTypes: [98], encoding: "H265", clockRate: 90000),
            Medium(type: "audio", control: "trackID=4", payloadTypes: [8], encoding: nil),
        ])

    /// An H3C camera ("VCP IPC Realtime stream") whose `o=` and `c=` lines stop after `IN`,
    /// with an ONVIF metadata section (go2rtc issue #1663).
    static let h3c = Entry(name: "H3C, truncated o= and c=, ONVIF metadata", text: """
        v=0
        o=- 1001 1 IN
        s=VCP IPC Realtime stream
        m=video 0 RTP/AVP 105
        c=IN
        a=control:rtsp://192.168.0.60/media/video1/video
        a=rtpmap:105 H264/90000
        a=fmtp:105 profile-level-id=640032; packetization-mode=1; sprop-parameter-sets=Z2QAMqw7UBQAWtCAAAH0AABhqEI=,aOqPLA==
        a=recvonly
        m=application 0 RTP/AVP 107
        c=IN
        a=control:rtsp://192.168.0.60/media/video1/metadata
        a=rtpmap:107 vnd.onvif.metadata/90000
        a=fmtp:107 DecoderTag=h3c-v3 RTCP=0
        a=recvonly

        """, media: [
            Medium(type: "video", control: "rtsp://192.168.0.60/media/video1/video", payloadTypes: [105], encoding: "H264",
                   clockRate: 90000, direction: .recvonly),
            Medium(type: "application", control: "rtsp://192.168.0.60/media/video1/metadata", payloadTypes: [107],
                   encoding: "vnd.onvif.metadata", clockRate: 90000, direction: .recvonly),
        ])

    static let all = [ffmpegAnnounce, gstRTSPServer, live555, hikvision, dahua, tpLink, foscam, sloppyH265, h3c]
}
