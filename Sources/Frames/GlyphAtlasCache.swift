import Foundation

/// Process-wide cache of glyph atlases keyed by (font file, pixel size).
///
/// Cameras build their renderers on several threads; the first one to ask for an atlas
/// rasterises it while holding the lock, later ones get the same immutable atlas.
public final class GlyphAtlasCache: @unchecked Sendable {
    public static let shared = GlyphAtlasCache()

    private struct Key: Hashable {
        var path: String
        var size: Int
    }

    private let lock = NSLock()
    private var atlases: [Key: GlyphAtlas] = [:]

    public init() {}

    /// The atlas for a font file at a pixel size, rasterising it on first use.
    public func atlas(fontPath: String, pixelSize: Int) throws(FontError) -> GlyphAtlas {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(path: fontPath, size: pixelSize)
        if let atlas = atlases[key] { return atlas }
        let atlas = try GlyphAtlas(fontPath: fontPath, pixelSize: pixelSize)
        atlases[key] = atlas
        return atlas
    }

    /// How many atlases have been built so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return atlases.count
    }
}
