"""An ONVIF backchannel client: GStreamer's rtspsrc with backchannel=onvif plays a camsim
camera and pushes SECONDS of a 440 Hz tone as PCMU (or PCMA) into the camera's sendonly
audio track with the push-backchannel-sample action signal (push-backchannel-buffer,
which takes the sample over, double-frees it from Python).

Run with the system interpreter (python3-gi): /usr/bin/python3 backchannel_sender.py URL
[--seconds 5] [--tcp] [--codec pcmu|pcma]. Prints 'SENT <packets> <payload bytes>' and
'STREAM <index> <caps>' for the backchannel stream; exits 0 after sending everything,
2 when no backchannel stream was offered, 1 on an error."""

import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstApp", "1.0")
from gi.repository import GLib, Gst, GstApp  # noqa: E402

PACKET_SAMPLES = 160  # 20 ms at 8 kHz


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--tcp", action="store_true")
    parser.add_argument("--codec", default="pcmu", choices=["pcmu", "pcma"])
    args = parser.parse_args()
    Gst.init(None)

    pipeline = Gst.Pipeline.new("play")
    src = Gst.ElementFactory.make("rtspsrc", "src")
    src.set_property("location", args.url)
    src.set_property("backchannel", "onvif")
    src.set_property("latency", 100)
    src.set_property("protocols", "tcp" if args.tcp else "udp")
    pipeline.add(src)

    def on_pad_added(_src, pad):
        # Every stream the camera sends goes to a sink of its own.
        sink = Gst.ElementFactory.make("fakesink", None)
        sink.set_property("sync", False)
        sink.set_property("async", False)
        pipeline.add(sink)
        sink.sync_state_with_parent()
        pad.link(sink.get_static_pad("sink"))

    src.connect("pad-added", on_pad_added)
    loop = GLib.MainLoop()
    state = {"stream": None, "sent": 0, "bytes": 0, "result": 1}

    encoder = "mulawenc ! rtppcmupay" if args.codec == "pcmu" else "alawenc ! rtppcmapay"
    total_buffers = int(round(args.seconds * 8000 / PACKET_SAMPLES))
    sender = Gst.parse_launch(
        "audiotestsrc wave=sine freq=440 samplesperbuffer=%d num-buffers=%d is-live=true ! "
        "audio/x-raw,format=S16LE,rate=8000,channels=1 ! %s mtu=1400 min-ptime=20000000 max-ptime=20000000 ! "
        "appsink name=out emit-signals=true sync=false" % (PACKET_SAMPLES, total_buffers, encoder))
    appsink = sender.get_by_name("out")

    def on_select_stream(_src, index, caps):
        s = caps.get_structure(0)
        if s.has_field("a-sendonly"):
            state["stream"] = index
            print("STREAM %d %s" % (index, caps.to_string()), flush=True)
        return True

    def on_sample(sink):
        sample = sink.emit("pull-sample")
        if sample is None or state["stream"] is None:
            return Gst.FlowReturn.OK
        buffer = sample.get_buffer()
        size = buffer.get_size()
        result = src.emit("push-backchannel-sample", state["stream"], sample)
        if result == Gst.FlowReturn.OK:
            state["sent"] += 1
            state["bytes"] += size - 12
        return Gst.FlowReturn.OK

    def on_eos(_sink):
        GLib.idle_add(finish)

    def finish():
        print("SENT %d %d" % (state["sent"], state["bytes"]), flush=True)
        state["result"] = 0
        # Leave time for the last packets to cross, then tear the session down.
        GLib.timeout_add(500, loop.quit)
        return False

    def start_sending():
        if state["stream"] is None:
            print("no backchannel stream offered", file=sys.stderr, flush=True)
            state["result"] = 2
            loop.quit()
            return False
        sender.set_state(Gst.State.PLAYING)
        return False

    def on_message(_bus, message):
        if message.type == Gst.MessageType.ERROR:
            error, debug = message.parse_error()
            print("ERROR %s %s" % (error, debug), file=sys.stderr, flush=True)
            state["result"] = 1
            loop.quit()
        elif message.type == Gst.MessageType.STATE_CHANGED and message.src == pipeline:
            _, new, _ = message.parse_state_changed()
            if new == Gst.State.PLAYING and not state.get("started"):
                state["started"] = True
                GLib.timeout_add(300, start_sending)

    src.connect("select-stream", on_select_stream)
    appsink.connect("new-sample", on_sample)
    appsink.connect("eos", on_eos)
    bus = pipeline.get_bus()
    bus.add_signal_watch()
    bus.connect("message", on_message)
    pipeline.set_state(Gst.State.PLAYING)
    GLib.timeout_add_seconds(int(args.seconds) + 30, loop.quit)
    loop.run()
    sender.set_state(Gst.State.NULL)
    pipeline.set_state(Gst.State.NULL)
    sys.exit(state["result"])


if __name__ == "__main__":
    main()
