import Frames
import JPEGSyntax

extension JPEGEncoder {
    /// Encodes `picture` (limited-range Y'CbCr in `standard`'s matrix) and hands `body` the
    /// pieces RFC 2435 carries: the frame parameters (size, 4:2:0 sampling, the luma and
    /// chroma quantization tables) and the entropy-coded scan, valid only inside `body`.
    ///
    /// libjpeg-turbo writes the typical Huffman tables of T.81 Annex K.3 unless asked to
    /// optimise them (TurboJPEG 2.1 only does for progressive JPEGs, which camsim never
    /// asks for, or when the TJ_OPTIMIZE environment variable is 1); the parse checks, and a
    /// JPEG with other tables is an error, as RFC 2435 receivers assume the typical ones.
    public func withScan<Result>(
        _ picture: PictureView, standard: ColourStandard,
        _ body: (JPEGFrameParameters, UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        try withJPEG(picture, standard: standard) { jpeg in
            let parsed: BaselineJPEG
            do {
                parsed = try BaselineJPEG.parse(jpeg)
            } catch let error as BaselineJPEGError {
                throw JPEGError.unexpectedOutput(error)
            }
            return try body(parsed.parameters, UnsafeRawBufferPointer(rebasing: jpeg[parsed.scan]))
        }
    }
}
