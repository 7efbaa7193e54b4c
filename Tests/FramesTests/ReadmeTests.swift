import Foundation
import Testing
@testable import Frames

/// The README's scene reference must name every layer type camsim accepts.
@Suite struct ReadmeTests {
    @Test func readmeDocumentsEveryLayerType() throws {
        let readme = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for type in LayerType.allCases {
            #expect(text.contains("`\(type.rawValue)`"), "README does not document layer type \(type.rawValue)")
        }
    }
}
