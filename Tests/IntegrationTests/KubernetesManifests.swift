import Foundation
import Testing
import Yams

/// The Kustomize base and overlays in `deploy/kubernetes/`, rendered by `kubectl kustomize`
/// and checked by `kubernetes-validate` (a Python client of `make deps-test`).
enum KubernetesManifests {
    /// The directory that holds `base/` and `overlays/`.
    static let root = PythonClients.repositoryRoot.appendingPathComponent("deploy/kubernetes")

    /// The schema version manifests are validated against: the newest that the
    /// kubernetes-validate of Tests/python-requirements.txt ships.
    static let kubernetesVersion = "1.37.0"

    /// Kinds that are custom resources: Kubernetes' schemas do not know them, so
    /// kubernetes-validate can only warn that it has none (their fields are checked
    /// by the tests instead).
    static let customResourceKinds: Set<String> = ["ServiceMonitor"]

    /// Every directory under `deploy/kubernetes/` with a `kustomization.yaml`, relative to it.
    static func kustomizations() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.path)
            .filter { ($0 as NSString).lastPathComponent == "kustomization.yaml" }
            .map { ($0 as NSString).deletingLastPathComponent }
            .sorted()
    }

    /// `kubectl kustomize deploy/kubernetes/<directory>`: the rendered YAML stream.
    static func render(_ directory: String) async throws -> String {
        let kubectl = try #require(
            ClientProcess.resolve("kubectl"),
            "kubectl must be installed: run `make deps-test` (Debian package kubernetes-client)")
        let result = await ClientProcess.run(
            kubectl, ["kustomize", root.appendingPathComponent(directory).path], timeoutSeconds: 60)
        try #require(result.succeeded, "\(result)")
        return result.stdout
    }

    /// The objects of a rendered stream.
    static func objects(_ rendered: String) throws -> [KubernetesObject] {
        try Yams.load_all(yaml: rendered).compactMap { document in
            (document as? [String: Any]).map(KubernetesObject.init)
        }
    }

    /// `kubernetes-validate --strict` of `rendered` against ``kubernetesVersion``.
    static func validate(_ rendered: String) async throws -> ProcessResult {
        let validator = try PythonClients.command("kubernetes-validate")
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("camsim-manifests-\(UUID().uuidString).yaml")
        try rendered.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return await ClientProcess.run(
            validator, ["--strict", "--kubernetes-version", kubernetesVersion, file.path], timeoutSeconds: 120)
    }
}

/// One object of a rendered manifest, read through key paths such as `spec.template.spec`.
struct KubernetesObject: @unchecked Sendable, CustomStringConvertible {
    let body: [String: Any]

    init(_ body: [String: Any]) {
        self.body = body
    }

    var kind: String { body["kind"] as? String ?? "" }
    var name: String { self["metadata.name"] as? String ?? "" }
    var description: String { "\(kind)/\(name)" }

    /// The value at a dotted path of mapping keys (`spec.selector.matchLabels`).
    subscript(_ path: String) -> Any? {
        var value: Any? = body
        for key in path.split(separator: ".") {
            value = (value as? [String: Any])?[String(key)]
        }
        return value
    }

    /// A mapping at `path` of string values (labels, selectors), empty when absent.
    func labels(_ path: String) -> [String: String] {
        (self[path] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
    }

    /// A list of mappings at `path` (containers, ports, env), empty when absent.
    func list(_ path: String) -> [[String: Any]] {
        self[path] as? [[String: Any]] ?? []
    }
}

extension [KubernetesObject] {
    /// The objects of one kind.
    func of(_ kind: String) -> [KubernetesObject] {
        filter { $0.kind == kind }
    }

    /// The one object of a kind (and name, when given), failing the test otherwise.
    func one(_ kind: String, named name: String? = nil) throws -> KubernetesObject {
        let matches = of(kind).filter { name == nil || $0.name == name }
        try #require(matches.count == 1, "expected one \(kind)\(name.map { " named \($0)" } ?? ""), got \(matches)")
        return matches[0]
    }
}
