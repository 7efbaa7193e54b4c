import Frames
import H264

/// The `x264` command line that encodes as `H264Encoder` does for the same settings, and
/// the settings string x264 writes into its version SEI, by which the two are compared.
enum X264CommandLine {
    /// Options matching `H264Encoder.apply`: preset and tune, the profile and what camsim
    /// turns on for it (CABAC for main and high, the 8x8 transform for high), one thread,
    /// a fixed GOP without scene cuts or B-frames, ABR with a one-second VBV, and the VUI
    /// colour description.
    static func options(for settings: EncoderSettings) -> [String] {
        var options = ["--preset", settings.preset]
        if let tune = settings.tune { options += ["--tune", tune] }
        options += ["--profile", settings.profile.rawValue]
        switch settings.profile {
        case .baseline: break
        case .main: options += ["--cabac"]
        case .high: options += ["--cabac", "--8x8dct"]
        }
        options += [
            "--threads", String(max(1, settings.threads)),
            "--keyint", String(settings.gop), "--min-keyint", String(settings.gop), "--no-scenecut", "--bframes", "0",
            "--log-level", "error", "--quiet", "--no-progress",
        ]
        let colour = ColourStandard.forPicture(height: settings.height) == .bt709 ? "bt709" : "smpte170m"
        options += ["--colorprim", colour, "--transfer", colour, "--colormatrix", colour, "--range", "tv"]
        switch settings.rateControl {
        case .averageBitrate(let kbps):
            options += ["--bitrate", String(kbps), "--vbv-maxrate", String(kbps), "--vbv-bufsize", String(kbps)]
        case .constantRateFactor(let factor):
            options += ["--crf", String(factor)]
        }
        return options
    }

    /// The text after `options: ` in x264's version SEI (user data unregistered, H.264
    /// D.1.7), up to its terminating NUL, found anywhere in `bytes`.
    static func writtenOptions(in bytes: some Collection<UInt8>) -> String? {
        let array = Array(bytes)
        let marker = Array("options: ".utf8)
        guard array.count > marker.count else { return nil }
        for start in 0...(array.count - marker.count) where array[start..<(start + marker.count)].elementsEqual(marker) {
            let from = start + marker.count
            let end = array[from...].firstIndex(of: 0) ?? array.count
            return String(decoding: array[from..<end], as: UTF8.self)
        }
        return nil
    }
}
