import CPNG
import Foundation

/// Writes one picture as an 8-bit RGB PNG (through libpng's simplified API), for looking
/// at a scene without a video player.
///
/// Each pixel's limited-range Y'CbCr is decoded with the picture's matrix (BT.709 or
/// BT.601, see ``ColourStandard``) to full-range R'G'B' 0...255. Chroma is taken from the
/// sample co-sited with the pixel's 2×2 block (the siting camsim renders and x264
/// assumes), without interpolation, so colour edges stay as sharp as the 4:2:0 planes.
public enum PNGSnapshot {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The picture as packed R'G'B' rows, three bytes a pixel.
    public static func rgb(_ picture: PictureView, standard: ColourStandard) -> [UInt8] {
        // Decoded per pixel in Double: a snapshot is a single frame.
        var pixels = [UInt8](repeating: 0, count: picture.width * picture.height * 3)
        var at = 0
        for y in 0..<picture.height {
            let lumaRow = picture.luma.row(y)
            let cbRow = picture.cb.row(y / 2)
            let crRow = picture.cr.row(y / 2)
            for x in 0..<picture.width {
                let colour = standard.decode(y: lumaRow[x], cb: cbRow[x / 2], cr: crRow[x / 2])
                pixels[at] = UInt8((colour.r * 255).rounded())
                pixels[at + 1] = UInt8((colour.g * 255).rounded())
                pixels[at + 2] = UInt8((colour.b * 255).rounded())
                at += 3
            }
        }
        return pixels
    }

    /// Writes `picture` to `url` as a PNG.
    public static func write(_ picture: PictureView, standard: ColourStandard, to url: URL) throws {
        var image = png_image()
        image.version = camsim_png_image_version
        image.width = UInt32(picture.width)
        image.height = UInt32(picture.height)
        image.format = camsim_png_format_rgb
        let pixels = rgb(picture, standard: standard)
        let written = pixels.withUnsafeBytes { bytes in
            png_image_write_to_file(&image, url.path, 0, bytes.baseAddress, 0, nil)
        }
        guard written != 0 else {
            let message = withUnsafeBytes(of: image.message) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            png_image_free(&image)
            throw WriteError(description: "cannot write \(url.path): \(message)")
        }
    }
}
