import Composition
import Config
@testable import Control
import Foundation
import Frames
import Server
import Testing

/// The OpenAPI document is the source of truth: every route the router serves is in it,
/// and every operation in it is routed.
struct ControlOpenAPITests {
    private var document: [String: Any] {
        get throws {
            let value = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
            return try #require(value as? [String: Any], "the document is not a JSON object")
        }
    }

    /// `GET /api/v1/cameras/{path}` for each operation of the document.
    private func documentedOperations() throws -> Set<String> {
        let paths = try #require(try document["paths"] as? [String: [String: Any]])
        var operations: Set<String> = []
        for (path, item) in paths {
            for method in item.keys where ["get", "put", "post", "delete", "patch", "head", "options"].contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryOperationRouted() async throws {
        let server = CamsimServer(configuration: ServerConfiguration(bindHost: "127.0.0.1", port: 0), cameras: [])
        let running = RunningConfiguration(server: server, config: CamsimConfig(), scenes: SceneLibrary(directory: nil))
        let routes = ControlAPI(server: server, running: running, scenes: SceneLibrary(directory: nil)).makeRoutes(token: nil)
        let routed = Set(routes.table.map(\.description))
        await server.shutdown()
        #expect(routed.count == routes.table.count, "a route is added twice: \(routes.table)")
        let documented = try documentedOperations()
        #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        #expect(documented.contains("GET /api/v1/sessions") && documented.contains("GET /metrics"))
    }

    @Test func itIsOpenAPI31AndEveryReferenceResolves() throws {
        let document = try document
        #expect(document["openapi"] as? String == "3.1.0")
        let text = OpenAPIDocument.json
        let references = text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/).map { (String($0.1), String($0.2)) }
        #expect(!references.isEmpty)
        let components = try #require(document["components"] as? [String: [String: Any]])
        for (kind, name) in references {
            #expect(components[kind]?[name] != nil, "unresolved reference #/components/\(kind)/\(name)")
        }
    }

    @Test func everyOperationSaysWhatA401AndItsSuccessLookLike() throws {
        let paths = try #require(try document["paths"] as? [String: [String: Any]])
        for (path, item) in paths {
            for (method, value) in item where method != "parameters" {
                let responses = (value as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                #expect(responses["401"] != nil, "\(method) \(path) documents no 401")
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path) documents no success")
            }
        }
    }

    /// Every route is served: none may promise a 5xx (schemathesis counts one as a failure).
    @Test func noOperationDocumentsAServerError() throws {
        let paths = try #require(try document["paths"] as? [String: [String: Any]])
        for (path, item) in paths {
            for (method, value) in item where method != "parameters" {
                let responses = (value as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                let errors = responses.keys.filter { $0.hasPrefix("5") }
                #expect(errors.isEmpty, "\(method) \(path) documents \(errors.sorted())")
            }
        }
        let components = try #require(try document["components"] as? [String: Any])
        #expect((components["responses"] as? [String: Any])?["NotImplemented"] == nil)
    }

    /// A multicast session's counts are its group's: the document says so, and what a
    /// session's fault change meets when it is one.
    @Test func sessionsSayWhatMulticastAndPlaybackSessionsAre() throws {
        let paths = try #require(try document["paths"] as? [String: [String: Any]])
        let list = try #require((paths["/api/v1/sessions"]?["get"] as? [String: Any])?["description"] as? String)
        #expect(list.contains("multicast") && list.contains("shared"), "\(list)")
        let faults = try #require((paths["/api/v1/sessions/{id}/faults"]?["put"] as? [String: Any])?["responses"] as? [String: Any])
        #expect(faults["409"] != nil)
        let schemas = try #require((try document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let session = try #require(schemas["Session"] as? [String: Any])
        #expect((session["required"] as? [String])?.contains("playback") == true)
        let events = try #require((paths["/api/v1/events"]?["get"] as? [String: Any])?["responses"] as? [String: Any])
        let described = try #require((events["200"] as? [String: Any])?["description"] as? String)
        #expect(described.contains("config_reload_failed"), "\(described)")
    }
}
