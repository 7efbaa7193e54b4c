extension PlaneView {
    /// Fills this plane with the part of `source` that starts at (`x`, `y`) and is `width` ×
    /// `height` source samples (fractions allowed), stretched to this plane's size: each
    /// sample takes the source sample under its centre (nearest neighbour), clamped to the
    /// source. A row that maps to the same source row as the one above is copied from it,
    /// so a magnified view reads each source row once. `columns` is scratch space, kept by
    /// the caller so that no frame allocates.
    public func fill(
        from source: PlaneView, x: Double, y: Double, width: Double, height: Double, columns: inout [Int]
    ) {
        guard self.width > 0, self.height > 0, source.width > 0, source.height > 0 else { return }
        if columns.count != self.width { columns = [Int](repeating: 0, count: self.width) }
        let stepX = width / Double(self.width), stepY = height / Double(self.height)
        let lastColumn = source.width - 1, lastRow = source.height - 1
        for column in 0..<self.width {
            columns[column] = min(lastColumn, max(0, Int((x + (Double(column) + 0.5) * stepX).rounded(.down))))
        }
        var previousRow = -1
        columns.withUnsafeBufferPointer { columns in
            for row in 0..<self.height {
                let sourceRow = min(lastRow, max(0, Int((y + (Double(row) + 0.5) * stepY).rounded(.down))))
                let out = self.row(row)
                if sourceRow == previousRow {
                    out.update(from: self.row(row - 1), count: self.width)
                    continue
                }
                previousRow = sourceRow
                let input = source.row(sourceRow)
                for column in 0..<columns.count { out[column] = input[columns[column]] }
            }
        }
    }
}

extension PictureView {
    /// Fills this picture with a part of `source` given in luma samples (see
    /// ``PlaneView/fill(from:x:y:width:height:columns:)``); the chroma planes take the same
    /// part at half the coordinates.
    public func fill(from source: PictureView, x: Double, y: Double, width: Double, height: Double, scratch: inout ViewportScratch) {
        luma.fill(from: source.luma, x: x, y: y, width: width, height: height, columns: &scratch.luma)
        cb.fill(from: source.cb, x: x / 2, y: y / 2, width: width / 2, height: height / 2, columns: &scratch.chroma)
        cr.fill(from: source.cr, x: x / 2, y: y / 2, width: width / 2, height: height / 2, columns: &scratch.chroma)
    }
}

/// The column tables ``PictureView/fill(from:x:y:width:height:scratch:)`` reuses from frame to frame.
public struct ViewportScratch: Sendable {
    var luma: [Int] = []
    var chroma: [Int] = []

    public init() {}
}
