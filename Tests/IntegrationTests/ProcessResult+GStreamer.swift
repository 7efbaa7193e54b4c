/// How a `gst-launch-1.0` run (without `-q`) that plays to a `num-buffers` end is judged.
///
/// When a sink's `num-buffers` runs out, gst-launch sends the pipeline from PLAYING to
/// NULL at once. rtspsrc then sends PAUSE from its task thread while the state change's
/// CLOSE command, on another thread, flushes the same connection: the flush can cancel
/// the PAUSE in flight, and rtspsrc posts "Could not send message. (Received
/// end-of-file)" although the server is still there (its TEARDOWN right after is
/// answered 200). gst-launch then exits 1 after every buffer was decoded.
extension ProcessResult {
    /// gst-launch exited 0, or it reached the end of the stream and its only errors came
    /// from rtspsrc sending its closing requests.
    var gstreamerPlayedToTheEnd: Bool {
        if succeeded { return true }
        guard !timedOut, stdout.contains("Got EOS from element \"pipeline0\"") else { return false }
        let errors = stderr.components(separatedBy: "ERROR: from element ").dropFirst()
        return !errors.isEmpty && errors.allSatisfy { error in
            error.contains("GstRTSPSrc") && error.contains("Could not send message.")
        }
    }
}
