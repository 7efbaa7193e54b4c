import Foundation
import Faults

/// The dashboard's files, shipped as resources of this module (`Dashboard/`) and read
/// once: the page, its style sheet and script, and the fault presets it offers.
struct DashboardAssets: Sendable {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// By name as served under `/dashboard/` (`index.html` is the page at `/`).
    let files: [String: Asset]

    static let contentTypes = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
    ]

    /// Every file of the `Dashboard` resource folder, and `presets.json` made from the
    /// built-in fault presets (so the picker offers exactly the presets camsim knows).
    /// Without the folder the page is missing (404), and the API works on.
    static func load() -> DashboardAssets {
        var files: [String: Asset] = [:]
        if let folder = folder(),
           let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names {
                let url = folder.appendingPathComponent(name)
                guard let type = contentTypes[url.pathExtension], let data = try? Data(contentsOf: url) else { continue }
                files[name] = Asset(bytes: [UInt8](data), contentType: type)
            }
        }
        let presets = FaultPresets.names.map { "\"\($0)\"" }.joined(separator: ", ")
        files["presets.json"] = Asset(bytes: Array("{\"presets\": [\(presets)]}".utf8), contentType: contentTypes["json"]!)
        return DashboardAssets(files: files)
    }

    /// Whether the page itself was found.
    var hasPage: Bool { files["index.html"] != nil }

    /// The `Dashboard` folder of the module's resource bundle, which SwiftPM puts beside
    /// the executable (`camsim_Control.resources`). `Bundle.module` stops the process when
    /// it finds no bundle (a binary copied without it), so it is only asked once the
    /// bundle is known to be there.
    private static func folder() -> URL? {
        let besideExecutable = Bundle.main.bundleURL.appendingPathComponent("camsim_Control.resources")
        guard FileManager.default.fileExists(atPath: besideExecutable.path) else { return nil }
        return Bundle.module.url(forResource: "Dashboard", withExtension: nil)
    }
}
