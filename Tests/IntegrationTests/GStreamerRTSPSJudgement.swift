/// How a `gst-launch-1.0 -v rtspsrc location=rtsps://… ! … ! fakesink silent=false`
/// run over TLS is judged: by the pictures that reached the sink, and by an exit that is
/// clean or fails only in rtspsrc's own shutdown race.
enum GStreamerRTSPSJudgement {
    /// Pictures that reached the sink: each prints one `chain` line.
    static func decodedPictures(_ result: ProcessResult) -> Int {
        result.stdout.components(separatedBy: "(fakesink0:sink)").count - 1
    }

    /// After its last buffer gst-launch stops the pipeline, and rtspsrc 1.22 can cut its
    /// own PAUSE short with the TEARDOWN that follows; over TLS that reads as
    /// end-of-file. That shutdown race is the client's; any other error is not.
    static func endedCleanly(_ result: ProcessResult) -> Bool {
        let shutdownRace = "gst_rtspsrc_pause (): /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0:\nCould not send message. (Received end-of-file)"
        return result.succeeded || (!result.timedOut && result.stderr.contains(shutdownRace)
            && result.stderr.components(separatedBy: "ERROR:").count - 1 <= 2)
    }
}
