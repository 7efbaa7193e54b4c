import Foundation
import Testing

extension Integration {
    /// The Dockerfile, read as Docker reads it (no Docker needed): a Swift build stage that
    /// runs `make install` (InstallTests runs that target), and a slim Debian runtime stage,
    /// not root, that installs a Debian package for every shared library the binary links.
    @Suite
    struct DockerfileTests {
        static let dockerfile = PythonClients.repositoryRoot.appendingPathComponent("Dockerfile")

        /// Libraries of every Debian image (`libc6` and `libgcc-s1` are Essential).
        static let essentialPackages: Set<String> = ["libc6", "libgcc-s1"]

        @Test func twoStagesBuildWithMakeInstallAndRunSlimDebianAsAUser() throws {
            let file = try DockerfileInstructions(String(contentsOf: Self.dockerfile, encoding: .utf8))
            let stages = file.stages
            #expect(stages.count == 2, "\(stages.map(\.image))")
            let build = try #require(stages.first)
            let runtime = try #require(stages.last)
            #expect(build.image.hasPrefix("swift:6.") && build.image.hasSuffix("-bookworm"), "\(build.image)")
            #expect(runtime.image == "debian:bookworm-slim", "\(runtime.image)")

            let install = try #require(build.arguments("RUN").first { $0.contains("make install") }, "\(build.instructions)")
            let prefix = try #require(install.firstMatch(of: /PREFIX=(\S+)/).map { String($0.1) }, "\(install)")
            #expect(install.contains("SWIFT_BUILD_FLAGS=--static-swift-stdlib"), "the runtime stage has no Swift runtime: \(install)")
            #expect(runtime.arguments("COPY").contains("--from=\(build.name ?? "0") \(prefix) \(prefix)"), "\(runtime.instructions)")
            #expect(runtime.arguments("ENV").contains { $0.contains("PATH=\(prefix)/bin:") })

            let user = try #require(runtime.arguments("USER").last, "the runtime stage sets no USER")
            let name = String(user.split(separator: ":").first ?? "")
            #expect(!["root", "0"].contains(name), "runs as \(user)")
            #expect(runtime.arguments("ENTRYPOINT") == [#"["camsim"]"#])
        }

        @Test func theRuntimeStageInstallsAPackageForEveryLibraryTheBinaryLinks() async throws {
            let file = try DockerfileInstructions(String(contentsOf: Self.dockerfile, encoding: .utf8))
            let runtime = try #require(file.stages.last)
            let packages = Set(runtime.arguments("RUN").flatMap(Self.aptInstalled))
            #expect(packages.contains("fonts-dejavu-core"), "scenes' text needs the default font")

            let readelf = try #require(ClientProcess.resolve("readelf"), "readelf (binutils) must be installed")
            let dynamic = await ClientProcess.run(readelf, ["-d", try CamsimBinary.path()], timeoutSeconds: 30)
            try #require(dynamic.succeeded, "\(dynamic)")
            let needed = dynamic.stdout.matches(of: /\(NEEDED\)\s+Shared library: \[([^\]]+)\]/).map { String($0.1) }
            #expect(needed.contains { $0.hasPrefix("libx264.so.") }, "\(needed)")

            // `dpkg -S` prints `package:arch[, package:arch]: path` for each library a
            // package holds, and exits 1 when some library has none.
            let dpkg = try #require(ClientProcess.resolve("dpkg"))
            let owners = await ClientProcess.run(dpkg, ["-S"] + needed.map { "*/\($0)" }, timeoutSeconds: 60)
            var packagesOf: [String: Set<String>] = [:]
            for line in owners.stdout.split(separator: "\n") {
                guard let separator = line.range(of: ": /") else { continue }
                let library = (String(line[separator.upperBound...]) as NSString).lastPathComponent
                for owner in line[..<separator.lowerBound].split(separator: ",") {
                    let name = owner.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
                    packagesOf[library, default: []].insert(name)
                }
            }
            for library in needed {
                guard let owner = packagesOf[library] else {
                    // Not from a Debian package: the Swift toolchain's runtime, linked in by
                    // --static-swift-stdlib.
                    #expect(Self.isSwiftRuntime(library), "\(library) belongs to no Debian package: \(owners)")
                    continue
                }
                #expect(!owner.isDisjoint(with: packages.union(Self.essentialPackages)),
                        "\(library) comes from \(owner.sorted()), which the runtime stage does not install")
            }
            // Every package named exists in the Debian release the image is built on.
            let aptCache = try #require(ClientProcess.resolve("apt-cache"))
            let shown = await ClientProcess.run(aptCache, ["show", "--no-all-versions"] + packages.sorted(), timeoutSeconds: 60)
            #expect(shown.succeeded, "\(shown)")
        }

        /// The Swift runtime and core libraries of a toolchain on Linux.
        static func isSwiftRuntime(_ library: String) -> Bool {
            ["libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "lib_FoundationICU"].contains { library.hasPrefix($0) }
        }

        /// The packages of the `apt-get install` in a RUN command.
        static func aptInstalled(_ command: String) -> [String] {
            command.split(separator: "&&").flatMap { part -> [String] in
                let words = part.split(whereSeparator: \.isWhitespace).map(String.init)
                guard let install = words.firstIndex(of: "install"), words[..<install].contains("apt-get") else { return [] }
                return words[(install + 1)...].filter { !$0.hasPrefix("-") }
            }
        }
    }
}

/// A Dockerfile's instructions, with comments dropped, continuation lines joined and
/// `ARG` defaults substituted in `FROM`.
struct DockerfileInstructions {
    struct Instruction: CustomStringConvertible {
        var keyword: String
        var arguments: String
        var description: String { "\(keyword) \(arguments)" }
    }

    struct Stage {
        var image: String
        var name: String?
        var instructions: [Instruction]

        func arguments(_ keyword: String) -> [String] {
            instructions.filter { $0.keyword == keyword }.map(\.arguments)
        }
    }

    var instructions: [Instruction] = []

    init(_ text: String) throws {
        var logical = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.hasSuffix("\\") {
                logical += String(trimmed.dropLast()) + " "
                continue
            }
            logical += trimmed
            let words = logical.split(separator: " ", maxSplits: 1)
            if let keyword = words.first {
                let arguments = words.count > 1 ? String(words[1]).trimmingCharacters(in: .whitespaces) : ""
                instructions.append(Instruction(keyword: keyword.uppercased(), arguments: arguments))
            }
            logical = ""
        }
    }

    /// The stages, from each `FROM`; `${ARG}` in an image takes the ARG's default.
    var stages: [Stage] {
        var defaults: [String: String] = [:]
        var stages: [Stage] = []
        for instruction in instructions {
            switch instruction.keyword {
            case "ARG" where stages.isEmpty:
                let parts = instruction.arguments.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { defaults[parts[0]] = parts[1] }
            case "FROM":
                let words = instruction.arguments.split(separator: " ").map(String.init)
                var image = words.first ?? ""
                for (key, value) in defaults { image = image.replacingOccurrences(of: "${\(key)}", with: value) }
                let name = words.count == 3 && words[1].uppercased() == "AS" ? words[2] : nil
                stages.append(Stage(image: image, name: name, instructions: []))
            default:
                if !stages.isEmpty { stages[stages.count - 1].instructions.append(instruction) }
            }
        }
        return stages
    }
}
