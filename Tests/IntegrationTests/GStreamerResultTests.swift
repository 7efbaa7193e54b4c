import Testing

/// `gstreamerPlayedToTheEnd` forgives rtspsrc's closing-request race and nothing else.
@Suite struct GStreamerResultTests {
    static let shutdownRace = """
        ERROR: from element /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0: Could not write to resource.
        Additional debug info:
        ../gst/rtsp/gstrtspsrc.c(6766): gst_rtspsrc_try_send (): /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0:
        Could not send message. (Received end-of-file)
        ERROR: from element /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0: Could not write to resource.
        Additional debug info:
        ../gst/rtsp/gstrtspsrc.c(9240): gst_rtspsrc_pause (): /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0:
        Could not send message. (Received end-of-file)

        """
    static let endOfStream = "Setting pipeline to PLAYING ...\nGot EOS from element \"pipeline0\".\nExecution ended after 0:00:05.0\n"

    static func result(exit: Int32, stdout: String, stderr: String, timedOut: Bool = false) -> ProcessResult {
        ProcessResult(
            executable: "gst-launch-1.0", arguments: [], exitCode: exit, stdout: stdout, stderr: stderr,
            elapsedSeconds: 5, timedOut: timedOut)
    }

    @Test func aCleanExitOrTheClosingRaceAfterTheEndPasses() {
        #expect(Self.result(exit: 0, stdout: "", stderr: "").gstreamerPlayedToTheEnd)
        #expect(Self.result(exit: 1, stdout: Self.endOfStream, stderr: Self.shutdownRace).gstreamerPlayedToTheEnd)
    }

    @Test func anythingElseFails() {
        // The same error before the end of the stream: the server really went away.
        #expect(!Self.result(exit: 1, stdout: "Setting pipeline to PLAYING ...\n", stderr: Self.shutdownRace).gstreamerPlayedToTheEnd)
        // A decoder's or depayloader's error, even after the end.
        let decoder = "ERROR: from element /GstPipeline:pipeline0/avdec_h265:avdec_h265-0: Internal data stream error.\n"
        #expect(!Self.result(exit: 1, stdout: Self.endOfStream, stderr: Self.shutdownRace + decoder).gstreamerPlayedToTheEnd)
        // An rtspsrc error that is not a failed send (a 454 to the PAUSE, say).
        let refused = "ERROR: from element /GstPipeline:pipeline0/GstRTSPSrc:rtspsrc0: Unhandled error\nSession Not Found (454)\n"
        #expect(!Self.result(exit: 1, stdout: Self.endOfStream, stderr: refused).gstreamerPlayedToTheEnd)
        // A non-zero exit with no error at all, and a run killed at its timeout.
        #expect(!Self.result(exit: 1, stdout: Self.endOfStream, stderr: "").gstreamerPlayedToTheEnd)
        #expect(!Self.result(exit: 0, stdout: Self.endOfStream, stderr: "", timedOut: true).gstreamerPlayedToTheEnd)
    }
}
