import Foundation

/// A rectangle of pixels in luma coordinates, used to sample decoded pictures.
struct PictureRect: Sendable, CustomStringConvertible {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    /// A box of `halfSize` pixels either side of (`cx`, `cy`).
    static func centred(_ cx: Int, _ cy: Int, halfSize: Int) -> PictureRect {
        PictureRect(x: cx - halfSize, y: cy - halfSize, width: 2 * halfSize, height: 2 * halfSize)
    }

    var description: String { "(\(x),\(y) \(width)x\(height))" }
}

/// Mean code values of one region, per plane.
struct PlaneMeans: Sendable, CustomStringConvertible {
    var y: Double
    var cb: Double
    var cr: Double

    var description: String { String(format: "Y %.1f Cb %.1f Cr %.1f", y, cb, cr) }
}

/// One decoded 8-bit I420 picture (Y plane, then Cb and Cr at half size each way).
struct PictureFrame: Sendable {
    let width: Int
    let height: Int
    let bytes: [UInt8]

    static func byteCount(width: Int, height: Int) -> Int { width * height * 3 / 2 }

    var chromaWidth: Int { width / 2 }
    var chromaOffsetCb: Int { width * height }
    var chromaOffsetCr: Int { width * height + (width / 2) * (height / 2) }

    /// Mean of a plane over `rect` (luma coordinates; chroma planes sample the
    /// co-sited half-resolution rectangle).
    private func mean(offset: Int, stride: Int, _ r: PictureRect, scale: Int) -> Double {
        let x0 = r.x / scale, y0 = r.y / scale
        let x1 = (r.x + r.width) / scale, y1 = (r.y + r.height) / scale
        var sum = 0, count = 0
        for row in y0..<y1 {
            for col in x0..<x1 {
                sum += Int(bytes[offset + row * stride + col])
                count += 1
            }
        }
        return count == 0 ? .nan : Double(sum) / Double(count)
    }

    func means(_ r: PictureRect) -> PlaneMeans {
        PlaneMeans(
            y: mean(offset: 0, stride: width, r, scale: 1),
            cb: mean(offset: chromaOffsetCb, stride: chromaWidth, r, scale: 2),
            cr: mean(offset: chromaOffsetCr, stride: chromaWidth, r, scale: 2))
    }

    /// Mean absolute luma difference from `other` over `rect` (the whole frame when nil).
    func meanAbsLumaDifference(from other: PictureFrame, in rect: PictureRect? = nil) -> Double {
        let r = rect ?? PictureRect(x: 0, y: 0, width: width, height: height)
        var sum = 0
        for row in r.y..<(r.y + r.height) {
            for col in r.x..<(r.x + r.width) {
                sum += abs(Int(bytes[row * width + col]) - Int(other.bytes[row * width + col]))
            }
        }
        return Double(sum) / Double(r.width * r.height)
    }

    /// The smallest rectangle holding every luma sample above `threshold`, or nil.
    func boundingBox(lumaAbove threshold: UInt8) -> PictureRect? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for row in 0..<height {
            for col in 0..<width where bytes[row * width + col] > threshold {
                minX = min(minX, col); maxX = max(maxX, col)
                minY = min(minY, row); maxY = max(maxY, row)
            }
        }
        guard maxX >= 0 else { return nil }
        return PictureRect(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// Splits raw concatenated I420 frames.
    static func split(_ data: Data, width: Int, height: Int) -> [PictureFrame] {
        let size = byteCount(width: width, height: height)
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - size + 1, by: size).map {
            PictureFrame(width: width, height: height, bytes: Array(bytes[$0..<($0 + size)]))
        }
    }
}
