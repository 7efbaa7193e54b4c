import Foundation

/// Finds font files for text layers.
///
/// A font is named by file name (`DejaVuSansMono.ttf`) or by path. A bare name is looked
/// up, in order, in `fonts/` inside the scene's own directory, in `fonts/` inside the
/// default patterns directory (`SceneLibrary.locateDefaultDirectory()`), and in Debian's
/// fonts-dejavu-core directory `/usr/share/fonts/truetype/dejavu/`.
public enum FontLocator {
    /// The font used when a text layer names none.
    public static let defaultFont = "DejaVuSansMono.ttf"
    /// The system directory searched last.
    public static let systemDirectory = URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu", isDirectory: true)

    /// The directories a bare font name is looked up in, in order.
    public static func searchDirectories(sceneDirectory: URL?) -> [URL] {
        var dirs: [URL] = []
        if let sceneDirectory { dirs.append(sceneDirectory.appendingPathComponent("fonts", isDirectory: true)) }
        if let patterns = SceneLibrary.locateDefaultDirectory() {
            dirs.append(patterns.appendingPathComponent("fonts", isDirectory: true))
        }
        dirs.append(systemDirectory)
        return dirs
    }

    /// The path of the first existing file for `name`, or nil.
    public static func locate(_ name: String, sceneDirectory: URL?) -> String? {
        let fm = FileManager.default
        if name.contains("/") {
            let url = name.hasPrefix("/") || sceneDirectory == nil
                ? URL(fileURLWithPath: name)
                : sceneDirectory!.appendingPathComponent(name)
            return fm.fileExists(atPath: url.path) ? url.path : nil
        }
        for dir in searchDirectories(sceneDirectory: sceneDirectory) {
            let path = dir.appendingPathComponent(name).path
            if fm.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
