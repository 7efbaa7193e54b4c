import Foundation

/// Writes YUV4MPEG2 (".y4m") streams: a text header line, then per frame `FRAME\n` and the
/// three planes tightly packed (Y, then Cb, then Cr).
///
/// The header is `YUV4MPEG2 W<w> H<h> F<num>:<den> Ip A1:1 C420mpeg2 XCOLORRANGE=LIMITED`.
/// `C420mpeg2` is the right tag for what camsim renders: 4:2:0 with chroma sited
/// horizontally co-located with the left luma sample (MPEG-2 / H.264 default siting),
/// which is what x264 assumes for its input. `C420jpeg` would declare chroma centred
/// between luma samples (JPEG/MPEG-1 siting), and plain `C420` is read the same way;
/// the sample layout is identical in all three, only the declared siting differs.
public final class Y4MWriter {
    public let width: Int
    public let height: Int
    public let frameRate: (numerator: Int, denominator: Int)
    private let handle: FileHandle
    private var scratch: [UInt8]
    public private(set) var framesWritten = 0

    /// The exact header line (including the newline).
    public static func header(width: Int, height: Int, frameRate: (numerator: Int, denominator: Int)) -> String {
        "YUV4MPEG2 W\(width) H\(height) F\(frameRate.numerator):\(frameRate.denominator) Ip A1:1 C420mpeg2 XCOLORRANGE=LIMITED\n"
    }

    /// Bytes per frame including the `FRAME\n` marker.
    public static func frameSize(width: Int, height: Int) -> Int { 6 + width * height * 3 / 2 }

    /// Creates (or truncates) the file and writes the header.
    public init(url: URL, width: Int, height: Int, frameRate: (numerator: Int, denominator: Int)) throws {
        precondition(width % 2 == 0 && height % 2 == 0, "4:2:0 needs an even size")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        self.width = width
        self.height = height
        self.frameRate = frameRate
        scratch = []
        try handle.write(contentsOf: Data(Self.header(width: width, height: height, frameRate: frameRate).utf8))
    }

    /// Appends one frame.
    public func write(_ picture: PictureView) throws {
        precondition(picture.width == width && picture.height == height, "picture size differs from the stream's")
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: Array("FRAME\n".utf8))
        for plane in [picture.luma, picture.cb, picture.cr] {
            for row in 0..<plane.height {
                scratch.append(contentsOf: UnsafeBufferPointer(start: plane.row(row), count: plane.width))
            }
        }
        try handle.write(contentsOf: scratch)
        framesWritten += 1
    }

    public func close() throws {
        try handle.close()
    }

    /// A frame rate as a fraction: whole rates as N:1, 29.97-style NTSC rates as
    /// (N·1000):1001, anything else to the nearest 1/1000.
    public static func rational(_ fps: Double) -> (numerator: Int, denominator: Int) {
        if fps == fps.rounded() { return (Int(fps), 1) }
        let ntsc = fps * 1001 / 1000
        if abs(ntsc - ntsc.rounded()) < 1e-3 { return (Int(ntsc.rounded()) * 1000, 1001) }
        return (Int((fps * 1000).rounded()), 1000)
    }
}
