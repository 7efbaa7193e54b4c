#!/usr/bin/env python3
"""Sends PCMU on an ONVIF backchannel with GStreamer's rtspsrc (backchannel=onvif).

Usage: gst_backchannel_sender.py URL SECONDS udp|tcp

rtspsrc DESCRIBEs with `Require: www.onvif.org/ver20/backchannel`, SETUPs every track,
the camera's sendonly audio one included, and PLAYs. The received video goes to a
fakesink. Once the pipeline plays, a GLib timeout on the main loop pushes one 20 ms
RTP packet (160 bytes of μ-law, payload type 0) every 20 ms through rtspsrc's
`push-backchannel-sample` action signal, SECONDS worth, then stops.

The payload of packet N is bytes (N * 7 + i) mod 256, i = 0..159, so the receiver can
check what it kept. Prints `backchannel stream=ID`, then `pushed=N bytes=B` and exits 0;
exits 1 with the reason on error or timeout.
"""
import ctypes
import struct
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import GLib, Gst  # noqa: E402

PACKET_SAMPLES = 160
PACKET_MS = 20
SSRC = 0x0B0E5EED
CAPS = "application/x-rtp,media=audio,payload=0,clock-rate=8000,encoding-name=PCMU"


# GStreamer 1.22.0's rtspsrc unrefs the sample it is given by either action signal
# (transfer full) while PyGObject passes a borrowed one: the Python wrapper then frees it a
# second time (`gst_mini_object_unref: assertion ... REFCOUNT_VALUE > 0`). The sample is
# given a reference of its own for rtspsrc to drop, through the C pointer PyGObject keeps
# just after the object header (PyGBoxed.boxed), checked against the refcount it must have.
GST = ctypes.CDLL("libgstreamer-1.0.so.0")
GST.gst_mini_object_ref.argtypes = [ctypes.c_void_p]
GST.gst_mini_object_ref.restype = ctypes.c_void_p
BOXED_POINTER_OFFSET = ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)


def reference_for_rtspsrc(sample):
    """Adds the reference rtspsrc takes (GstMiniObject: GType type, gint refcount, ...)."""
    pointer = ctypes.c_void_p.from_address(id(sample) + BOXED_POINTER_OFFSET).value
    refcount = ctypes.c_int.from_address(pointer + ctypes.sizeof(ctypes.c_size_t)).value
    if refcount != 1:
        raise RuntimeError("unexpected GstSample refcount %d" % refcount)
    GST.gst_mini_object_ref(pointer)


def packet(index):
    """An RTP packet (RFC 3550 §5.1): version 2, PT 0, sequence and timestamp from index."""
    header = struct.pack("!BBHII", 0x80, 0x00, (1000 + index) & 0xFFFF, (index * PACKET_SAMPLES) & 0xFFFFFFFF, SSRC)
    payload = bytes((index * 7 + i) & 0xFF for i in range(PACKET_SAMPLES))
    return header + payload


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    url, seconds, protocol = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    total = int(round(seconds * 1000 / PACKET_MS))
    Gst.init(None)
    pipeline = Gst.Pipeline.new("backchannel")
    source = Gst.ElementFactory.make("rtspsrc", "src")
    source.set_property("location", url)
    source.set_property("backchannel", "onvif")
    source.set_property("protocols", "tcp" if protocol == "tcp" else "udp")
    source.set_property("latency", 0)
    pipeline.add(source)

    loop = GLib.MainLoop()
    state = {"stream": None, "pushed": 0, "bytes": 0, "error": None, "started": False}
    caps = Gst.Caps.from_string(CAPS)
    # Every buffer and sample made is kept until the loop ends: none is freed under rtspsrc.
    kept = []

    def select_stream(_element, stream_id, stream_caps):
        structure = stream_caps.get_structure(0)
        sendonly = structure.has_field("a-sendonly")
        if sendonly and structure.get_value("media") == "audio":
            state["stream"] = stream_id
        return True

    def pad_added(_element, pad):
        sink = Gst.ElementFactory.make("fakesink")
        sink.set_property("sync", False)
        pipeline.add(sink)
        sink.sync_state_with_parent()
        pad.link(sink.get_static_pad("sink"))
        # Media flows: PLAY was answered and every stream, the backchannel too, is set up.
        GLib.idle_add(start)

    def push():
        if state["pushed"] >= total:
            GLib.timeout_add(500, finish)
            return False
        data = packet(state["pushed"])
        buffer = Gst.Buffer.new_wrapped(data)
        sample = Gst.Sample.new(buffer, caps, None, None)
        kept.append((buffer, sample))
        reference_for_rtspsrc(sample)
        result = source.emit("push-backchannel-sample", state["stream"], sample)
        if result != Gst.FlowReturn.OK:
            state["error"] = "push-backchannel-sample returned %s" % result
            loop.quit()
            return False
        state["pushed"] += 1
        state["bytes"] += PACKET_SAMPLES
        return True

    def finish():
        loop.quit()
        return False

    def on_message(_bus, message):
        if message.type == Gst.MessageType.ERROR:
            error, debug = message.parse_error()
            state["error"] = "%s (%s)" % (error.message, debug)
            loop.quit()
    def start():
        if state["started"]:
            return False
        state["started"] = True
        if state["stream"] is None:
            state["error"] = "no sendonly audio stream in the SDP"
            loop.quit()
            return False
        print("backchannel stream=%d" % state["stream"], flush=True)
        GLib.timeout_add(PACKET_MS, push)
        return False

    def timeout():
        state["error"] = state["error"] or "timed out"
        loop.quit()
        return False

    source.connect("select-stream", select_stream)
    source.connect("pad-added", pad_added)
    bus = pipeline.get_bus()
    bus.add_signal_watch()
    bus.connect("message", on_message)
    GLib.timeout_add(int(seconds * 1000) + 20_000, timeout)
    pipeline.set_state(Gst.State.PLAYING)
    loop.run()
    pipeline.set_state(Gst.State.NULL)
    bus.remove_signal_watch()
    kept.clear()
    if state["error"]:
        print("error: %s (pushed=%d)" % (state["error"], state["pushed"]), flush=True)
        return 1
    print("pushed=%d bytes=%d" % (state["pushed"], state["bytes"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
