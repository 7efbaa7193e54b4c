import Testing
@testable import Frames

@Suite("Broken scenes")
struct SceneErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        var yaml: String
        var line: Int?
        var field: String
        var messageContains: String
        var description: String { field.isEmpty ? "syntax \(messageContains)" : field }
    }

    static let cases: [Case] = [
        Case(yaml: "background:\n  type: smpte-bars\nlayers:\n  - type: sparkles\n", line: 4, field: "layers[0].type",
             messageContains: "valid types: smpte-bars, smpte-hd-bars, ebu-bars"),
        Case(yaml: "background:\n  type: solid\n  colour: chartreuse\n", line: 3, field: "background.colour",
             messageContains: "not a colour"),
        Case(yaml: "background:\n  type: solid\nlayers:\n  - type: text\n    x: 0.1\n    template: \"{camera} {bogus}\"\n",
             line: 6, field: "layers[0].template", messageContains: "unknown placeholder {bogus}"),
        Case(yaml: "background:\n  type: solid\nlayers:\n  - type: box\n    size: 64.0\n", line: 5, field: "layers[0].size",
             messageContains: "not a length"),
        Case(yaml: "background:\n  type: solid\nlayers:\n  - type: box\n    sped_x: 4\n", line: 5, field: "layers[0].sped_x",
             messageContains: "valid fields"),
        Case(yaml: "background:\n  type: noise\n  luma: loud\n", line: 3, field: "background.luma",
             messageContains: "must be a number"),
        Case(yaml: "background:\n  type: ebu-bars\n  amplitude: 50\n", line: 3, field: "background.amplitude",
             messageContains: "75, 100"),
        Case(yaml: "layers: []\n", line: 1, field: "background", messageContains: "missing"),
        Case(yaml: "background:\n  type: solid\ncolour: red\n", line: 3, field: "colour", messageContains: "unknown field"),
        Case(yaml: "background:\n  colour: red\n", line: 2, field: "background.type", messageContains: "missing"),
        Case(yaml: "background:\n  type: solid\nlayers:\n  - type: text\n    template: \"{time:%Q}\"\n", line: 5,
             field: "layers[0].template", messageContains: "%Q"),
        Case(yaml: "background:\n  type: solid\n  opacity: 2\n", line: 3, field: "background.opacity",
             messageContains: "0...1"),
        Case(yaml: "background:\n  type: solid\nlayers:\n  - type: text\n    template: [a, b]\n", line: 5,
             field: "layers[0].template", messageContains: "single value"),
        Case(yaml: "background:\n  type: [solid\n", line: 3, field: "", messageContains: "YAML syntax error"),
        Case(yaml: "background:\n  type: solid\n  type: grid\n", line: 3, field: "type", messageContains: "duplicated"),
        // CR line endings: YAML counts these lines, and looking for the repeat used to trap.
        Case(yaml: "name: x\r\r\r\rbackground:\r  type: solid\r  type: grid\r", line: 7, field: "type",
             messageContains: "duplicated"),
    ]

    @Test(arguments: cases)
    func errorNamesFileLineAndField(c: Case) {
        do {
            _ = try Scene.parse(yaml: c.yaml, file: "broken.yaml")
            Issue.record("expected an error for \(c.field)")
        } catch {
            #expect(error.file == "broken.yaml")
            #expect(error.line == c.line, "\(error)")
            #expect(error.field == c.field, "\(error)")
            #expect(error.message.contains(c.messageContains), "\(error)")
            #expect(error.description.hasPrefix("broken.yaml:\(c.line.map(String.init) ?? "")"))
        }
    }

    /// One run reports every problem of a scene, in file order, each with its own line.
    @Test func everyProblemIsReportedAtOnce() {
        let yaml = """
            background:
              type: solid
              colour: chartreuse
            layers:
              - type: box
                sped_x: 4
                size: 64.0
              - type: sparkles
              - type: text
                template: "{bogus}"
            colour: red
            """
        do {
            _ = try Scene.parse(yaml: yaml, file: "broken.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.all.map(\.line) == [3, 6, 7, 8, 10, 11], "\(error)")
            #expect(error.all.map(\.field) == [
                "background.colour", "layers[0].sped_x", "layers[0].size", "layers[1].type", "layers[2].template", "colour",
            ])
            #expect(error.description.split(separator: "\n").count == 6)
            #expect(error.line == 3 && error.field == "background.colour")
        }
    }

    @Test func regionsAreClippedToTheFrame() throws {
        let yaml = "background:\n  type: solid\n  colour: black\nlayers:\n  - type: solid\n    colour: white\n    x: 600\n    width: 100\n"
        let scene = try Scene.parse(yaml: yaml, file: "r.yaml")
        let small = try renderFresh(scene, width: 640, height: 360, frame: 0)
        #expect(small.view.luma[639, 100] == 235 && small.view.luma[599, 100] == 16)
        // Entirely outside a smaller frame: skipped.
        let tiny = try renderFresh(scene, width: 320, height: 180, frame: 0)
        #expect(Set(tiny.array) == [16, 128])
    }
}
