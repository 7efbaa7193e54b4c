#!/usr/bin/python3
"""A foreign RTSP server for the integration tests: GStreamer's gst-rtsp-server (through
python3-gi, Debian gir1.2-gst-rtsp-server-1.0) serving H.264 from videotestsrc.

Run it with /usr/bin/python3, the interpreter python3-gi is installed for.
It listens on 127.0.0.1 at a free port and prints one line, `PORT <n>`, once it serves;
then it runs until killed (or for --seconds). The stream is at rtsp://127.0.0.1:<n>/<path>.

    python3 gst_rtsp_server.py --width 320 --height 240 --fps 25 --gop 50 --path test
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--height", type=int, default=240)
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--gop", type=int, default=50, help="frames between IDRs (x264enc key-int-max)")
    parser.add_argument("--path", default="test", help="mount point, without the leading slash")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: run until killed)")
    parser.add_argument("--shared", action="store_true", help="one pipeline for every client")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    launch = (
        f"( videotestsrc is-live=true pattern=ball "
        f"! video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 "
        f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={args.gop} "
        f"! video/x-h264,profile=baseline ! rtph264pay name=pay0 pt=96 config-interval=-1 )"
    )
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch)
    factory.set_shared(args.shared)
    server.get_mount_points().add_factory("/" + args.path, factory)
    if server.attach(None) == 0:
        print("could not attach the RTSP server", file=sys.stderr)
        return 1
    print(f"PORT {server.get_bound_port()}", flush=True)
    loop = GLib.MainLoop()
    if args.seconds > 0:
        GLib.timeout_add(int(args.seconds * 1000), loop.quit)
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
