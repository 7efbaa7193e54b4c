#!/usr/bin/env python3
"""A foreign RTSP server for the proxy tests: GStreamer's gst-rtsp-server serving
videotestsrc through x264 at a known size, frame rate and GOP, shared by all clients.

Prints `PORT <n>` once listening, then `CLIENT <n>` for each RTSP connection and
`SESSION <n>` for each RTSP session it creates, so a test can count them.

Usage: rtsp_upstream.py [--port N] [--gop FRAMES] [--fps N] [--size WxH] [--bitrate KBPS] [--codec h264|h265] [--pattern ball|snow] [--path /live]
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--gop", type=int, default=25)
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--size", default="320x240")
    parser.add_argument("--path", default="/live")
    parser.add_argument("--bitrate", type=int, default=300, help="kbit/s")
    parser.add_argument("--codec", choices=["h264", "h265"], default="h264")
    parser.add_argument("--pattern", default="ball", help="videotestsrc pattern; snow does not compress")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    if args.codec == "h264":
        encode = (
            f"x264enc key-int-max={args.gop} tune=zerolatency speed-preset=ultrafast bitrate={args.bitrate} "
            "! rtph264pay name=pay0 pt=96"
        )
    else:
        encode = (
            f"x265enc key-int-max={args.gop} tune=zerolatency speed-preset=ultrafast bitrate={args.bitrate} "
            "! rtph265pay name=pay0 pt=96"
        )
    factory.set_launch(
        f"( videotestsrc is-live=true pattern={args.pattern} "
        f"! video/x-raw,width={width},height={height},framerate={args.fps}/1 ! {encode} )"
    )
    factory.set_shared(True)
    server.get_mount_points().add_factory(args.path, factory)

    counts = {"clients": 0, "sessions": 0}

    def on_session(_client, _session):
        counts["sessions"] += 1
        print(f"SESSION {counts['sessions']}", flush=True)

    def on_client(_server, client):
        counts["clients"] += 1
        print(f"CLIENT {counts['clients']}", flush=True)
        client.connect("new-session", on_session)

    server.connect("client-connected", on_client)
    if server.attach(None) == 0:
        print("cannot listen", file=sys.stderr, flush=True)
        sys.exit(1)
    print(f"PORT {server.get_bound_port()}", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
