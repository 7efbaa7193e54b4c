import CTurboJPEG
import Frames

/// Encodes I420 pictures as baseline JFIF JPEGs with 4:2:0 chroma, through libjpeg-turbo's
/// planar entry point (`tjCompressFromYUVPlanes`): the planes go to the DCT as they are,
/// after `JFIFConversion` maps camsim's limited-range Y'CbCr to JFIF's full range. No
/// R'G'B' picture is made and no chroma is resampled.
///
/// An encoder keeps its compressor, a converted-picture buffer and an output buffer
/// between calls, so encoding pictures of one size allocates nothing after the first.
/// It is not thread-safe: use one per thread, or serialise calls.
public final class JPEGEncoder {
    /// The qualities libjpeg takes.
    public static let qualities = 1...100
    /// libjpeg quality (the standard quantisation tables, scaled).
    public let quality: Int
    private let handle: tjhandle
    private var converted: PictureBuffer?
    private var lumaChroma: UnsafeMutableBufferPointer<Int> = .init(start: nil, count: 0)
    private var output: UnsafeMutablePointer<UInt8>?
    private var outputCapacity = 0
    private var conversions: [ColourStandard: JFIFConversion] = [:]

    public init(quality: Int = 85) throws {
        guard Self.qualities.contains(quality) else { throw JPEGError.qualityOutOfRange(quality) }
        guard let handle = tjInitCompress() else {
            throw JPEGError.cannotCreateCompressor(String(cString: tjGetErrorStr2(nil)))
        }
        self.quality = quality
        self.handle = handle
    }

    deinit {
        if let output { tjFree(output) }
        lumaChroma.deallocate()
        tjDestroy(handle)
    }

    /// Encodes `picture`, whose samples are limited-range Y'CbCr in `standard`'s matrix,
    /// and hands the JPEG bytes to `body`. The bytes are valid only inside `body`.
    public func withJPEG<Result>(
        _ picture: PictureView, standard: ColourStandard,
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        let target = convertedPicture(width: picture.width, height: picture.height)
        let conversion = conversion(for: standard)
        conversion.convert(picture, into: target.view, lumaChroma: lumaChroma)
        let size = try compress(target.view)
        return try body(UnsafeRawBufferPointer(start: output, count: size))
    }

    /// Encodes `picture` (limited-range Y'CbCr in `standard`'s matrix) into a new array.
    public func encode(_ picture: PictureView, standard: ColourStandard) throws -> [UInt8] {
        try withJPEG(picture, standard: standard) { Array($0) }
    }

    private func conversion(for standard: ColourStandard) -> JFIFConversion {
        if let known = conversions[standard] { return known }
        let made = JFIFConversion(source: standard)
        conversions[standard] = made
        return made
    }

    private func convertedPicture(width: Int, height: Int) -> PictureBuffer {
        if let converted, converted.width == width, converted.height == height { return converted }
        let buffer = PictureBuffer(width: width, height: height)
        converted = buffer
        lumaChroma.deallocate()
        lumaChroma = .allocate(capacity: width / 2)
        return buffer
    }

    /// Compresses full-range planes into the output buffer and returns the JPEG's length.
    private func compress(_ picture: PictureView) throws -> Int {
        let subsampling = Int32(TJSAMP_420.rawValue)
        // tjBufSize is the worst case for this size and subsampling, so with
        // TJFLAG_NOREALLOC the library never needs to grow (or free) the buffer.
        let needed = Int(tjBufSize(Int32(picture.width), Int32(picture.height), subsampling))
        if needed > outputCapacity {
            if let output { tjFree(output) }
            output = tjAlloc(Int32(needed))
            outputCapacity = output == nil ? 0 : needed
            guard output != nil else { throw JPEGError.compressionFailed("cannot allocate \(needed) bytes") }
        }
        var planes: [UnsafePointer<UInt8>?] = [
            UnsafePointer(picture.luma.base), UnsafePointer(picture.cb.base), UnsafePointer(picture.cr.base),
        ]
        var strides: [Int32] = [Int32(picture.luma.stride), Int32(picture.cb.stride), Int32(picture.cr.stride)]
        var buffer = output
        var size = UInt(outputCapacity)
        let status = tjCompressFromYUVPlanes(
            handle, &planes, Int32(picture.width), &strides, Int32(picture.height), subsampling,
            &buffer, &size, Int32(quality), Int32(TJFLAG_NOREALLOC))
        guard status == 0 else { throw JPEGError.compressionFailed(String(cString: tjGetErrorStr2(handle))) }
        return Int(size)
    }
}
