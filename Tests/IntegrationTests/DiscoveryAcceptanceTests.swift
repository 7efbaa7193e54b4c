import Foundation
import Testing

/// WS-Discovery against a client we did not write: python-wsdiscovery finds every camera of a
/// 20-camera configuration, a scoped Probe gets only the cameras in scope, the XAddrs answer
/// SOAP, and a camera a reload removes says Bye. camsim and the client both run in a network
/// namespace the test makes, so no datagram reaches the host's network.
@Suite(.serialized) struct DiscoveryAcceptanceTests {
    static let token = "discovery-test-token"

    /// Ten cameras `even/cam-NN` scoped `location/even`, `count` more `odd/cam-NN` scoped `location/odd`.
    static func config(address: String, odd: Int) -> String {
        """
        server:
          control_token: \(token)
          onvif:
            discovery: {enabled: true, interface: "\(address)"}
        cameras:
          - count: 10
            path: "even/cam-{n:02}"
            onvif: {scopes: ["onvif://www.onvif.org/location/even"]}
          - count: \(odd)
            path: "odd/cam-{n:02}"
            onvif: {scopes: ["onvif://www.onvif.org/location/odd"]}
        """
    }

    struct Report: Decodable {
        var all: [String]
        var xaddrs: [String: [String]]
        var scoped: [String]
        var answer: String?
        var bye: Bool?
    }

    @Test(.timeLimit(.minutes(2)))
    func wsdiscoveryFindsEveryCameraAndHonoursScopes() async throws {
        try await MulticastNamespace.with { namespace in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-discovery-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let configFile = directory.appendingPathComponent("cameras.yaml")
            let replacement = directory.appendingPathComponent("fewer.yaml")
            try Self.config(address: namespace.peerAddress, odd: 10).write(to: configFile, atomically: true, encoding: .utf8)
            try Self.config(address: namespace.peerAddress, odd: 9).write(to: replacement, atomically: true, encoding: .utf8)
            // The server in the namespace, on its address there: RTSP, control API and discovery.
            let serve = try ServeProcess(
                ["--config", configFile.path, "--bind", namespace.peerAddress, "--port", "0",
                 "--control", "\(namespace.peerAddress):0", "--discovery"],
                launcher: [MulticastNamespace.ip, "netns", "exec", namespace.name])
            let lines = await serve.waitForLines(21)
            #expect(lines.contains { $0.hasPrefix("dashboard: ") }, "\(lines)\n\(serve.errorText)")
            let python = try PythonClients.python()
            let script = PythonClients.repositoryRoot.appendingPathComponent("Tests/IntegrationTests/Python/ws_discovery.py").path
            let command = namespace.exec([
                python, script, "20", "onvif://www.onvif.org/location/even",
                "--reload", configFile.path, replacement.path, String(serve.pid), "odd%2Fcam-10",
            ])
            let result = await ClientProcess.run(command.executable, command.arguments, timeoutSeconds: 60)
            let status = await serve.stop()
            try #require(result.succeeded, "\(result)\n\(serve.errorText)")
            let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
            #expect(report.all.count == 20, "\(report.all)")
            #expect(Set(report.all).count == 20)
            #expect(report.scoped.count == 10, "\(report.scoped)")
            #expect(Set(report.scoped).isSubset(of: Set(report.all)))
            let port = try #require(lines.first { $0.hasPrefix("dashboard: ") }.flatMap { URL(string: String($0.dropFirst(11)))?.port })
            for (_, addresses) in report.xaddrs {
                #expect(addresses.count == 1)
                #expect(addresses.first?.hasPrefix("http://\(namespace.peerAddress):\(port)/onvif/") == true, "\(addresses)")
                #expect(addresses.first?.hasSuffix("/device_service") == true)
            }
            #expect(report.answer?.contains("GetSystemDateAndTimeResponse") == true, "\(report.answer ?? "no answer")")
            #expect(report.bye == true, "\(serve.errorText)")
            #expect(status == 0)
        }
    }
}
