import Foundation
import Testing
@testable import Config

/// The README's configuration reference must document every key the loader accepts.
@Suite struct ReadmeTests {
    @Test func readmeDocumentsEveryKey() throws {
        let readme = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for key in ServerSettings.keys + StreamConfig.keys + CameraSettings.keys {
            #expect(text.contains("| `\(key)` |"), "README does not document the key \(key)")
        }
    }
}
