/// What a profile's video encoder may be set to: the answer of
/// `GetVideoEncoderConfigurationOptions` (ver10 and Media2) and the bounds
/// `SetVideoEncoderConfiguration` checks a request against. Within camsim's own limits
/// (the README's Streams table): any even size up to 8K, 1-240 fps, 1 kbit/s-1 Gbit/s;
/// offered here as the sizes and ranges a camera shows an NVR.
public struct VideoEncoderOptions: Sendable, Equatable {
    /// A picture size.
    public struct Resolution: Sendable, Equatable, Hashable, CustomStringConvertible {
        public var width: Int
        public var height: Int

        public init(_ width: Int, _ height: Int) {
            self.width = width
            self.height = height
        }

        public var description: String { "\(width)x\(height)" }

        /// Whether RFC 2435 can carry it as JPEG: width and height multiples of 8, at most
        /// 2040 (each is sent divided by 8 in one octet, §3.1.5-6).
        public var fitsJPEG: Bool {
            width % 8 == 0 && height % 8 == 0 && width <= 2040 && height <= 2040
        }
    }

    /// The sizes offered besides the stream's own: common 16:9 and 4:3 camera sizes.
    public static let commonResolutions: [Resolution] = [
        Resolution(1920, 1080), Resolution(1280, 960), Resolution(1280, 720), Resolution(1024, 576),
        Resolution(960, 540), Resolution(800, 600), Resolution(704, 576), Resolution(640, 480),
        Resolution(640, 360), Resolution(352, 288), Resolution(320, 240), Resolution(320, 180),
    ]
    /// The frame rates Media2 lists (`FrameRatesSupported`), highest first.
    public static let commonFrameRates: [Double] = [60, 50, 30, 25, 20, 15, 12.5, 10, 5, 2, 1]
    /// H.264 profiles camsim's x264 encodes (ver10 `tt:H264Profile` spelling).
    public static let h264Profiles = ["Baseline", "Main", "High"]
    /// H.265 profiles camsim's x265 encodes (8-bit 4:2:0).
    public static let h265Profiles = ["Main"]

    /// The sizes H.264 and H.265 may take, the stream's own first.
    public var resolutions: [Resolution]
    /// The sizes JPEG may take (RFC 2435's), the stream's own first when it fits.
    public var jpegResolutions: [Resolution]
    /// Whole frames per second.
    public var frameRateRange: ClosedRange<Int>
    /// kbit/s.
    public var bitrateRange: ClosedRange<Int>
    /// Frames from one I-frame to the next.
    public var govLengthRange: ClosedRange<Int>
    /// ver10's `Quality` scale; camsim keeps the stream's own quality whatever is asked.
    public var qualityRange: ClosedRange<Int>

    public init(
        resolutions: [Resolution], jpegResolutions: [Resolution], frameRateRange: ClosedRange<Int>,
        bitrateRange: ClosedRange<Int>, govLengthRange: ClosedRange<Int>, qualityRange: ClosedRange<Int> = 0...10
    ) {
        self.resolutions = resolutions
        self.jpegResolutions = jpegResolutions
        self.frameRateRange = frameRateRange
        self.bitrateRange = bitrateRange
        self.govLengthRange = govLengthRange
        self.qualityRange = qualityRange
    }

    /// The options of `profile`'s encoder: the common sizes and the stream's own, up to
    /// 60 fps (or the stream's rate, if higher), 32 kbit/s to 20 Mbit/s (or the stream's
    /// bitrate), a GOP of 1 to 300 frames (or the stream's).
    public init(for profile: MediaProfile) {
        let own = Resolution(profile.width, profile.height)
        let sizes = [own] + Self.commonResolutions.filter { $0 != own }
        self.init(
            resolutions: sizes,
            jpegResolutions: sizes.filter(\.fitsJPEG),
            frameRateRange: 1...max(60, Int(profile.frameRate.rounded(.up))),
            bitrateRange: 32...max(20_000, profile.bitrate),
            govLengthRange: 1...max(300, profile.govLength))
    }

    /// The frame rates Media2 lists: the common ones in range, and the stream's own.
    public func frameRates(current: Double) -> [Double] {
        var rates = Self.commonFrameRates.filter { $0 >= Double(frameRateRange.lowerBound) && $0 <= Double(frameRateRange.upperBound) }
        if !rates.contains(current) {
            rates.append(current)
            rates.sort(by: >)
        }
        return rates
    }
}
