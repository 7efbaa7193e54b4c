"""Plays an RTSP URL with GStreamer's rtspsrc, seeks the running pipeline to a position,
and writes the luma planes of the first frames decoded after the seek as raw files.

Usage: gstreamer_seek.py URL SECONDS COUNT OUTPUT_DIR
Prints one line per frame written: "<file> <buffer pts in ns>".
"""
import os
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

url, seconds, count, output = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
Gst.init(None)
pipeline = Gst.parse_launch(
    f"rtspsrc location={url} protocols=tcp latency=0 ! rtph264depay ! avdec_h264 ! videoconvert ! "
    "video/x-raw,format=GRAY8 ! appsink name=sink sync=false max-buffers=200"
)
sink = pipeline.get_by_name("sink")
pipeline.set_state(Gst.State.PLAYING)


def pull(timeout_seconds):
    sample = sink.emit("try-pull-sample", int(timeout_seconds * Gst.SECOND))
    if sample is None:
        sys.exit("no frame within %s s" % timeout_seconds)
    return sample


pull(20)  # playing
if not pipeline.seek_simple(Gst.Format.TIME, Gst.SeekFlags.FLUSH | Gst.SeekFlags.ACCURATE, int(seconds * Gst.SECOND)):
    sys.exit("the seek was refused")
written = 0
while written < count:
    sample = pull(20)
    buffer = sample.get_buffer()
    ok, info = buffer.map(Gst.MapFlags.READ)
    path = os.path.join(output, "%03d.gray" % written)
    with open(path, "wb") as f:
        f.write(bytes(info.data))
    buffer.unmap(info)
    print(path, buffer.pts, flush=True)
    written += 1
pipeline.set_state(Gst.State.NULL)
