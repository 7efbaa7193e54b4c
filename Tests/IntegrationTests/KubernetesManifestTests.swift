import Config
import Foundation
import Testing

extension Integration {
    /// `deploy/kubernetes/`: the base and every overlay render with `kubectl kustomize`,
    /// pass `kubernetes-validate --strict` against a current Kubernetes, and say what a
    /// working fleet needs (each pod its shard, probes on `/health`, the budget and the
    /// ServiceMonitor aimed at what exists, UDP on the host's network).
    @Suite
    struct KubernetesManifestTests {
        static let kustomizations = ["base", "overlays/hostnetwork", "overlays/servicemonitor"]

        @Test func everyKustomizationIsChecked() throws {
            #expect(try KubernetesManifests.kustomizations() == Self.kustomizations)
        }

        @Test(arguments: kustomizations)
        func rendersAndValidatesStrictly(directory: String) async throws {
            let rendered = try await KubernetesManifests.render(directory)
            let objects = try KubernetesManifests.objects(rendered)
            #expect(objects.count >= 7, "\(objects)")
            let result = try await KubernetesManifests.validate(rendered)
            #expect(result.succeeded, "\(result)")
            // One pass per object Kubernetes knows; a custom resource only a warning.
            let output = result.stdout + result.stderr
            let passed = output.split(separator: "\n").filter { $0.contains(" passed for resource ") }
            let custom = objects.filter { KubernetesManifests.customResourceKinds.contains($0.kind) }
            #expect(passed.count == objects.count - custom.count, "\(result)")
            #expect(!output.contains("ERROR"), "\(result)")
            for object in custom {
                #expect(output.contains("Couldn't find schema for kind \(object.kind)"), "\(result)")
            }
        }

        @Test(arguments: kustomizations)
        func eachPodServesItsShardOfTheMountedCameras(directory: String) async throws {
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render(directory))
            let set = try objects.one("StatefulSet", named: "camsim")
            let replicas = try #require(set["spec.replicas"] as? Int)
            let container = try #require(set.list("spec.template.spec.containers").first)
            let command = try #require(container["command"] as? [String])
            #expect(Array(command.prefix(2)) == ["camsim", "serve"], "\(command)")
            let shard = try #require(command.firstIndex(of: "--shard").map { command[$0 + 1] }, "\(command)")
            #expect(shard == "$(CAMSIM_SHARD_INDEX)/$(CAMSIM_SHARDS)")

            // The index is the pod's ordinal, the count the number of pods.
            let env = Dictionary(
                (container["env"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) },
                uniquingKeysWith: { first, _ in first })
            let index = KubernetesObject(try #require(env["CAMSIM_SHARD_INDEX"]))
            #expect(index["valueFrom.fieldRef.fieldPath"] as? String == "metadata.labels['apps.kubernetes.io/pod-index']")
            #expect(env["CAMSIM_SHARDS"]?["value"] as? String == String(replicas))

            // A Service per pod, each selecting that pod by name.
            let perPod = objects.of("Service").filter { $0.labels("metadata.labels")["app.kubernetes.io/component"] == "pod" }
            #expect(perPod.map(\.name).sorted() == (0..<replicas).map { "camsim-\($0)" })
            for service in perPod {
                #expect(service.labels("spec.selector") == ["statefulset.kubernetes.io/pod-name": service.name])
                #expect(Set(service.list("spec.ports").compactMap { $0["name"] as? String }) == ["rtsp", "control"])
            }
            let headless = try objects.one("Service", named: "camsim")
            #expect(headless["spec.clusterIP"] as? String == "None")
            #expect(set["spec.serviceName"] as? String == headless.name)

            // --config names the file the cameras ConfigMap mounts, and camsim accepts that file.
            let configPath = try #require(command.firstIndex(of: "--config").map { command[$0 + 1] }, "\(command)")
            let mount = try #require((container["volumeMounts"] as? [[String: Any]])?.first {
                configPath.hasPrefix(($0["mountPath"] as? String ?? "") + "/")
            }, "no volume mounted at \(configPath)")
            let volume = try #require(set.list("spec.template.spec.volumes").first { $0["name"] as? String == mount["name"] as? String })
            let configMapName = try #require(KubernetesObject(volume)["configMap.name"] as? String)
            let configMap = try objects.one("ConfigMap", named: configMapName)
            let yaml = try #require(configMap.labels("data")[(configPath as NSString).lastPathComponent], "\(configMap.body)")
            try await Self.expectCamsimAccepts(yaml, directory: directory)
            // RTSP listens on the port the container and the Services name.
            let rtsp = (container["ports"] as? [[String: Any]])?.first { $0["name"] as? String == "rtsp" }
            let config = try ConfigLoader().parse(yaml: yaml, file: "cameras.yaml")
            #expect(config.server.port == rtsp?["containerPort"] as? Int)
        }

        @Test func thePodsCommandServesTheCamerasCamsimShardsGivesItsPod() async throws {
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render("base"))
            let set = try objects.one("StatefulSet")
            let replicas = try #require(set["spec.replicas"] as? Int)
            let container = KubernetesObject(try #require(set.list("spec.template.spec.containers").first))
            let command = try #require(container["command"] as? [String])
            let config = try Self.cameraConfig(objects)
            let table = try ShardTable(config: config, count: replicas)
            // camsim shards names each pod by the StatefulSet's and the headless Service's names.
            let serviceName = try #require(set["spec.serviceName"] as? String)
            #expect(table.pods.map(\.host) == (0..<replicas).map { "\(set.name)-\($0).\(serviceName).default.svc" })
            #expect(table.pods.allSatisfy { $0.cameras > 0 }, "\(table.pods)")
            // SIZING: the CPU request covers the largest shard's cameras all watched, at
            // the README's live figure (160 640x360@15 cameras on 2 cores).
            let cpu = try #require(container["resources.requests.cpu"] as? String)
            let millicores = try #require(Double(cpu.hasSuffix("m") ? String(cpu.dropLast()) : cpu).map { cpu.hasSuffix("m") ? $0 : $0 * 1000 })
            let largest = table.pods.map(\.cameras).max() ?? 0
            #expect(millicores >= Double(largest) * 2000 / 160, "\(cpu) for \(largest) cameras")

            // The last pod's command as the kubelet expands it, on loopback and port 0.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-\(UUID().uuidString).yaml")
            try Self.cameraYAML(objects).write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let last = replicas - 1
            var arguments = command.dropFirst(2).map {
                $0.replacingOccurrences(of: "$(CAMSIM_SHARD_INDEX)", with: String(last))
                    .replacingOccurrences(of: "$(CAMSIM_SHARDS)", with: String(replicas))
            }
            // The control API's `dashboard:` line comes once the service group (and its
            // SIGTERM handling) runs.
            for (option, value) in [("--config", file.path), ("--control", "127.0.0.1:0")] {
                let index = try #require(arguments.firstIndex(of: option), "\(command)")
                arguments[index + 1] = value
            }
            let expected = table.cameras.filter { $0.shard == last }.map(\.path)
            let serve = try ServeProcess(arguments + ["--bind", "127.0.0.1", "--port", "0"])
            let lines = await serve.waitForLines(expected.count + 1)
            #expect(lines.last?.hasPrefix("dashboard: ") == true, "\(lines)")
            let served = lines.filter { $0.hasPrefix("rtsp://") }.compactMap { URL(string: $0)?.path.dropFirst() }.map(String.init)
            #expect(Set(served) == Set(expected) && served.count == expected.count, "\(lines) \(serve.errorText)")
            let status = await serve.stop()
            #expect(status == 0, "\(String(describing: status)) \(serve.errorText)")
        }

        @Test(arguments: kustomizations)
        func probesAskTheControlAPIForHealthOnThePortItListensOn(directory: String) async throws {
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render(directory))
            let container = KubernetesObject(try #require(try objects.one("StatefulSet").list("spec.template.spec.containers").first))
            let command = container["command"] as? [String] ?? []
            let control = try #require(command.firstIndex(of: "--control").map { command[$0 + 1] }, "\(command)")
            #expect(control.hasPrefix("0.0.0.0:"), "a probe from the kubelet needs the pod's address: \(control)")
            let controlPort = Int(control.split(separator: ":").last ?? "")
            let ports = Dictionary(uniqueKeysWithValues: container.list("ports").map { ($0["name"] as? String ?? "", $0["containerPort"] as? Int) })
            #expect(ports["control"] == controlPort)
            #expect(ports["rtsp"] == 8554)
            for probe in ["readinessProbe", "livenessProbe"] {
                #expect(container["\(probe).httpGet.path"] as? String == "/health", "\(probe)")
                #expect(container["\(probe).httpGet.port"] as? String == "control", "\(probe)")
            }
            // Off loopback camsim demands a token: it comes from a Secret, never the manifest.
            let token = container.list("env").first { $0["name"] as? String == "CAMSIM_CONTROL_TOKEN" }
            let secret = KubernetesObject(try #require(token))
            #expect(secret["valueFrom.secretKeyRef.name"] as? String == "camsim-control")
            #expect(secret["value"] == nil)
        }

        @Test(arguments: kustomizations)
        func theDisruptionBudgetAndTheServicesSelectThePods(directory: String) async throws {
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render(directory))
            let set = try objects.one("StatefulSet")
            let podLabels = set.labels("spec.template.metadata.labels")
            let budget = try objects.one("PodDisruptionBudget")
            let selector = budget.labels("spec.selector.matchLabels")
            #expect(!selector.isEmpty && selector.allSatisfy { podLabels[$0.key] == $0.value }, "\(selector) vs \(podLabels)")
            #expect(set.labels("spec.selector.matchLabels").allSatisfy { podLabels[$0.key] == $0.value })
            #expect(budget["spec.maxUnavailable"] as? Int == 1)
            let headless = try objects.one("Service", named: "camsim")
            #expect(headless.labels("spec.selector").allSatisfy { podLabels[$0.key] == $0.value })
            // Every Service port targets a port the container names.
            let containerPorts = Set(set.list("spec.template.spec.containers").flatMap {
                KubernetesObject($0).list("ports").compactMap { $0["name"] as? String }
            })
            for service in objects.of("Service") {
                for port in service.list("spec.ports") {
                    #expect(containerPorts.contains(port["targetPort"] as? String ?? ""), "\(service): \(port)")
                }
            }
        }

        @Test func theServiceMonitorScrapesMetricsFromAPortOfOneService() async throws {
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render("overlays/servicemonitor"))
            let monitor = try objects.one("ServiceMonitor")
            #expect(monitor["apiVersion"] as? String == "monitoring.coreos.com/v1")
            let selector = monitor.labels("spec.selector.matchLabels")
            let selected = objects.of("Service").filter { service in
                selector.allSatisfy { service.labels("metadata.labels")[$0.key] == $0.value }
            }
            // Only the headless Service: the per-pod ones would scrape each pod twice.
            #expect(selected.map(\.name) == ["camsim"])
            let endpoint = KubernetesObject(try #require(monitor.list("spec.endpoints").first))
            #expect(endpoint["path"] as? String == "/metrics")
            let portNames = selected.first?.list("spec.ports").compactMap { $0["name"] as? String } ?? []
            #expect(portNames.contains(endpoint["port"] as? String ?? ""), "\(portNames)")
            #expect(endpoint["authorization.type"] as? String == "Bearer")
            #expect(endpoint["authorization.credentials.name"] as? String == "camsim-control")
            #expect(endpoint["authorization.credentials.key"] as? String == "token")
        }

        @Test func theHostNetworkOverlayUsesTheNodesNetworkAndAnRTPPortRange() async throws {
            let base = try KubernetesManifests.objects(try await KubernetesManifests.render("base"))
            let objects = try KubernetesManifests.objects(try await KubernetesManifests.render("overlays/hostnetwork"))
            let pod = KubernetesObject(try #require(try objects.one("StatefulSet")["spec.template.spec"] as? [String: Any]))
            #expect(pod["hostNetwork"] as? Bool == true)
            #expect(pod["dnsPolicy"] as? String == "ClusterFirstWithHostNet")
            let antiAffinity = pod.list("affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution")
            #expect(antiAffinity.first?["topologyKey"] as? String == "kubernetes.io/hostname")
            #expect(try base.one("StatefulSet")["spec.template.spec.hostNetwork"] == nil)

            let config = try Self.cameraConfig(objects)
            let baseConfig = try Self.cameraConfig(base)
            #expect(config.server.rtpPortRange == 20000...20099)
            #expect(baseConfig.server.rtpPortRange == nil)
            #expect(config.cameras == baseConfig.cameras, "the overlay serves the base's cameras")
        }

        /// The camera configuration file of a rendered manifest.
        static func cameraYAML(_ objects: [KubernetesObject]) throws -> String {
            let configMap = try #require(objects.of("ConfigMap").first { $0.name.hasPrefix("camsim-cameras") })
            return try #require(configMap.labels("data")["cameras.yaml"])
        }

        /// The camera configuration of a rendered manifest, loaded as camsim loads it.
        static func cameraConfig(_ objects: [KubernetesObject]) throws -> CamsimConfig {
            try ConfigLoader().parse(yaml: try cameraYAML(objects), file: "cameras.yaml")
        }

        /// `camsim validate` on the configuration a pod mounts (scenes included).
        static func expectCamsimAccepts(_ yaml: String, directory: String) async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("camsim-\(UUID().uuidString).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try await CamsimBinary.run(["validate", file.path])
            #expect(result.succeeded && result.stdout.contains(": OK,"), "\(directory): \(result)")
        }
    }
}
