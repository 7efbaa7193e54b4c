import Config
@testable import Control
import Foundation
import Testing

/// A camera's `faults:` to JSON and back, in the shapes the API shows and takes.
struct FaultsJSONTests {
    private func body(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    @Test func aNamedProfileIsProfileJSONAndBack() throws {
        #expect(FaultsJSON([.named("lte")]).json == .object(["profile": .string("lte")]))
        #expect(FaultsJSON.references(fromBody: try body(#"{"profile": "lte"}"#), text: "") == [.named("lte")])
    }

    @Test func aMappingIsKeptAsWrittenAndReadBackAsJSON() throws {
        let text = #"{"loss": "5%", "delay": 20}"#
        let references = try #require(FaultsJSON.references(fromBody: try body(text), text: text))
        guard case .inline(let yaml) = references.first else { Issue.record("not inline: \(references)"); return }
        #expect(yaml.text == text + "\n")
        #expect(FaultsJSON(references).json == .object(["loss": .string("5%"), "delay": .int(20)]))
    }

    @Test func layersAreAnArrayOfNamesAndMappings() throws {
        let references = try #require(FaultsJSON.references(fromBody: try body(#"["lte", {"loss": "1%"}]"#), text: ""))
        #expect(references.count == 2 && references.first == .named("lte"))
        #expect(FaultsJSON(references).json == .array([.string("lte"), .object(["loss": .string("1%")])]))
    }

    @Test func noneIsAnEmptyObjectBothWays() throws {
        #expect(FaultsJSON([]).json == .object([:]))
        #expect(FaultsJSON.references(fromBody: try body("{}"), text: "{}") == [])
    }

    @Test(arguments: ["3", #""lte""#, "[3]", "[[\"lte\"]]", "null"])
    func otherShapesAreRefused(json: String) throws {
        #expect(FaultsJSON.references(fromBody: try body(json), text: json) == nil)
    }

    /// A camera's and a session's `PUT .../faults` read their body alike: no body is a
    /// 400, a body of another shape a 422 naming `faults`.
    @Test(arguments: ["3", "[3]", "null"])
    func cameraAndSessionBodiesOfAnotherShapeAreTheSame422(json: String) throws {
        let camera = #expect(throws: ControlError.self) {
            try FaultsJSON.references(inRequestBody: (json, try body(json)), missing: "")
        }
        let session = #expect(throws: ControlError.self) {
            try SessionFaultsBody.profile(body: (json, try body(json)), catalog: [:])
        }
        #expect(camera?.status == .unprocessableContent && session?.status == .unprocessableContent)
        #expect(camera?.problems.map(\.field) == ["faults"] && session?.problems.map(\.field) == ["faults"])
        let none = #expect(throws: ControlError.self) { try SessionFaultsBody.profile(body: nil, catalog: [:]) }
        #expect(none?.status == .badRequest)
    }
}
