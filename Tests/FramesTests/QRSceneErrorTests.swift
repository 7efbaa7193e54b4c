import Testing
@testable import Frames

@Suite("Broken QR layers")
struct QRSceneErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        var layer: String
        var line: Int
        var field: String
        var messageContains: String
        var description: String { "\(field): \(messageContains)" }
    }

    /// Each layer follows "background: {type: solid}" and "layers:" on lines 1-2, so its
    /// first line is line 3.
    static let cases: [Case] = [
        Case(layer: "  - type: qr\n    x: 0.1\n", line: 3, field: "layers[0].template", messageContains: "missing; a qr layer needs a template"),
        Case(layer: "  - type: qr\n    template: \"{frame}\"\n    error_correction: X\n", line: 5,
             field: "layers[0].error_correction", messageContains: "L, M, Q, H"),
        Case(layer: "  - type: qr\n    template: \"{frame}\"\n    quiet_zone: 40\n", line: 5,
             field: "layers[0].quiet_zone", messageContains: "0...16"),
        Case(layer: "  - type: qr\n    template: \"{frame}\"\n    module_size: 8.5\n", line: 5,
             field: "layers[0].module_size", messageContains: "not a length"),
        Case(layer: "  - type: qr\n    template: \"{frame}\"\n    colour: red\n", line: 5,
             field: "layers[0].colour", messageContains: "valid fields: error_correction, height, module_size, opacity, quiet_zone, template"),
        Case(layer: "  - type: qr\n    template: \"{time:%Q}\"\n", line: 4, field: "layers[0].template", messageContains: "%Q"),
    ]

    /// A scene with one layer under `layers:`.
    static func yaml(layer: String) -> String { "background: {type: solid}\nlayers:\n" + layer }

    @Test(arguments: cases)
    func errorNamesTheField(c: Case) {
        do {
            _ = try Scene.parse(yaml: Self.yaml(layer: c.layer), file: "qr.yaml")
            Issue.record("expected an error for \(c.field)")
        } catch {
            #expect(error.line == c.line, "\(error)")
            #expect(error.field == c.field, "\(error)")
            #expect(error.message.contains(c.messageContains), "\(error)")
        }
    }

    /// Text too long for a QR code is found when the renderer is built, at the template.
    @Test func textThatCannotFitNamesTheTemplate() throws {
        let long = String(repeating: "camsim ", count: 200)
        let scene = try Scene.parse(
            yaml: "background: {type: solid}\nlayers:\n  - type: qr\n    error_correction: H\n    template: \"\(long){frame}\"\n",
            file: "qr.yaml")
        #expect {
            _ = try scene.makeSceneRenderer(width: 640, height: 360)
        } throws: { error in
            guard let error = error as? SceneError else { return false }
            return error.field == "layers[0].template" && error.line == 5
                && error.message.contains("does not fit a QR code at error correction H")
        }
        // The same text fits at a lower level.
        let lowScene = try Scene.parse(
            yaml: "background: {type: solid}\nlayers:\n  - type: qr\n    error_correction: L\n    template: \"\(long){frame}\"\n",
            file: "qr.yaml")
        _ = try lowScene.makeSceneRenderer(width: 640, height: 360)
    }
}
