import Testing
@testable import Config

/// A broken snippet and the single problem it must produce.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    let label: String
    let yaml: String
    let line: Int
    let keyPath: String
    let fragment: String
    var known: Set<String> = []

    var testDescription: String { label }
}

@Suite("Broken configurations")
struct BrokenYAMLTests {
    static let cases: [BrokenCase] = [
        BrokenCase(label: "YAML syntax error", yaml: """
            cameras:
              - path: a
                streams: [ { name: main
            """, line: 4, keyPath: "", fragment: "YAML syntax error"),
        BrokenCase(label: "duplicate mapping key", yaml: """
            server:
              port: 1
              port: 2
            """, line: 2, keyPath: "", fragment: "duplicate key 'port'"),
        BrokenCase(label: "unknown top-level key", yaml: """
            camera:
              - path: a
            """, line: 1, keyPath: "camera", fragment: "unknown key 'camera'"),
        BrokenCase(label: "unknown stream key", yaml: """
            cameras:
              - path: a
                streams:
                  - name: main
                    fsp: 30
            """, line: 5, keyPath: "cameras[0].streams[0].fsp", fragment: "unknown key 'fsp'"),
        BrokenCase(label: "wrong type for port", yaml: """
            server:
              port: eighty
            """, line: 2, keyPath: "server.port", fragment: "expected a whole number, found 'eighty'"),
        BrokenCase(label: "mapping where a list belongs", yaml: """
            cameras:
              path: a
            """, line: 2, keyPath: "cameras", fragment: "expected a list, found a mapping"),
        BrokenCase(label: "port out of range", yaml: """
            server:
              port: 70000
            """, line: 2, keyPath: "server.port", fragment: "between 0 and 65535"),
        BrokenCase(label: "mtu too small", yaml: """
            server:
              mtu: 500
            """, line: 2, keyPath: "server.mtu", fragment: "at least 576"),
        BrokenCase(label: "mtu too large", yaml: """
            server:
              mtu: 9216
            """, line: 2, keyPath: "server.mtu", fragment: "jumbo"),
        BrokenCase(label: "rtp range odd start", yaml: """
            server:
              rtp_ports: 20001-20999
            """, line: 2, keyPath: "server.rtp_ports", fragment: "even port"),
        BrokenCase(label: "rtp range inverted", yaml: """
            server:
              rtp_ports: 21000-20000
            """, line: 2, keyPath: "server.rtp_ports", fragment: "inverted"),
        BrokenCase(label: "unknown log level", yaml: """
            server:
              log_level: verbose
            """, line: 2, keyPath: "server.log_level", fragment: "unknown log level 'verbose'"),
        BrokenCase(label: "fps zero", yaml: """
            cameras:
              - path: a
                streams:
                  - { name: main, fps: 0 }
            """, line: 4, keyPath: "cameras[0].streams[0].fps", fragment: "greater than 0"),
        BrokenCase(label: "fps above 240", yaml: """
            cameras:
              - path: a
                streams:
                  - { name: main, fps: 300 }
            """, line: 4, keyPath: "cameras[0].streams[0].fps", fragment: "at most 240"),
        BrokenCase(label: "odd width", yaml: """
            cameras:
              - path: a
                streams:
                  - size: 641x360
            """, line: 4, keyPath: "cameras[0].streams[0].size", fragment: "width must be even"),
        BrokenCase(label: "odd height key", yaml: """
            cameras:
              - path: a
                streams:
                  - width: 640
                    height: 361
            """, line: 5, keyPath: "cameras[0].streams[0].height", fragment: "height must be even"),
        BrokenCase(label: "zero size", yaml: """
            cameras:
              - path: a
                streams:
                  - size: 0x360
            """, line: 4, keyPath: "cameras[0].streams[0].size", fragment: "width must be between 2 and 7680"),
        BrokenCase(label: "size above 8K", yaml: """
            cameras:
              - path: a
                streams:
                  - size: 1920x8640
            """, line: 4, keyPath: "cameras[0].streams[0].size", fragment: "height must be between 2 and 4320"),
        BrokenCase(label: "malformed size", yaml: """
            cameras:
              - path: a
                streams:
                  - size: big
            """, line: 4, keyPath: "cameras[0].streams[0].size", fragment: "expected a size such as 1280x720"),
        BrokenCase(label: "bitrate zero", yaml: """
            cameras:
              - path: a
                streams:
                  - bitrate: 0k
            """, line: 4, keyPath: "cameras[0].streams[0].bitrate", fragment: "bitrate must be greater than 0"),
        BrokenCase(label: "bitrate garbage", yaml: """
            cameras:
              - path: a
                streams:
                  - bitrate: fast
            """, line: 4, keyPath: "cameras[0].streams[0].bitrate", fragment: "expected a bitrate"),
        BrokenCase(label: "crf above 51", yaml: """
            cameras:
              - path: a
                streams:
                  - crf: 60
            """, line: 4, keyPath: "cameras[0].streams[0].crf", fragment: "between 0 and 51"),
        BrokenCase(label: "bitrate and crf together", yaml: """
            cameras:
              - path: a
                streams:
                  - { bitrate: 2M, crf: 23 }
            """, line: 4, keyPath: "cameras[0].streams[0].crf", fragment: "not both"),
        BrokenCase(label: "gop zero", yaml: """
            cameras:
              - path: a
                streams:
                  - gop: 0
            """, line: 4, keyPath: "cameras[0].streams[0].gop", fragment: "at least 1"),
        BrokenCase(label: "unknown profile", yaml: """
            cameras:
              - path: a
                streams:
                  - profile: high10
            """, line: 4, keyPath: "cameras[0].streams[0].profile", fragment: "valid profiles: baseline, main, high"),
        BrokenCase(label: "unknown preset", yaml: """
            cameras:
              - path: a
                streams:
                  - preset: turbo
            """, line: 4, keyPath: "cameras[0].streams[0].preset",
            fragment: "ultrafast superfast veryfast faster fast medium slow slower veryslow placebo"),
        BrokenCase(label: "duplicate camera path", yaml: """
            cameras:
              - path: door
              - path: hall
              - path: door
            """, line: 4, keyPath: "cameras[2].path", fragment: "first defined at line 2, again at line 4"),
        BrokenCase(label: "duplicate path from a template", yaml: """
            cameras:
              - path: cam-02
              - count: 3
                path: "cam-{n:02}"
            """, line: 4, keyPath: "cameras[1].path", fragment: "duplicate camera path 'cam-02'"),
        BrokenCase(label: "duplicate stream name", yaml: """
            cameras:
              - path: a
                streams:
                  - name: main
                  - name: main
            """, line: 5, keyPath: "cameras[0].streams[1]", fragment: "duplicate stream name 'main'"),
        BrokenCase(label: "template count zero", yaml: """
            cameras:
              - template: true
                count: 0
                path: "c{n}"
            """, line: 3, keyPath: "cameras[0].count", fragment: "between 1 and 10000"),
        BrokenCase(label: "template count too large", yaml: """
            cameras:
              - count: 10001
                path: "c{n}"
            """, line: 2, keyPath: "cameras[0].count", fragment: "between 1 and 10000"),
        BrokenCase(label: "template name without placeholder", yaml: """
            cameras:
              - count: 4
                path: lobby
            """, line: 3, keyPath: "cameras[0].path", fragment: "needs {n} or {i}"),
        BrokenCase(label: "template with unknown placeholder", yaml: """
            cameras:
              - count: 4
                path: "lobby-{k}"
            """, line: 3, keyPath: "cameras[0].path", fragment: "unknown placeholder '{k}'"),
        BrokenCase(label: "template without count", yaml: """
            cameras:
              - template: true
                path: "lobby-{n}"
            """, line: 2, keyPath: "cameras[0]", fragment: "needs 'count'"),
        BrokenCase(label: "camera without path", yaml: """
            cameras:
              - scene: noise
            """, line: 2, keyPath: "cameras[0]", fragment: "needs a 'path'"),
        BrokenCase(label: "invalid path characters", yaml: """
            cameras:
              - path: "lobby cam"
            """, line: 2, keyPath: "cameras[0].path", fragment: "contains ' '"),
        BrokenCase(label: "undefined fault profile", yaml: """
            faults:
              flaky: { drop: 0.1 }
            cameras:
              - path: a
                faults: [flakey]
            """, line: 5, keyPath: "cameras[0].faults[0]", fragment: "fault profile 'flakey' is not defined"),
        BrokenCase(label: "undefined fault in defaults", yaml: """
            defaults:
              faults: jitter
            cameras:
              - path: a
            """, line: 2, keyPath: "defaults.faults", fragment: "'jitter' is not defined"),
        BrokenCase(label: "wrong type for on_demand", yaml: """
            cameras:
              - path: a
                on_demand: sometimes
            """, line: 3, keyPath: "cameras[0].on_demand", fragment: "expected true or false"),
        BrokenCase(label: "negative idle_stop", yaml: """
            cameras:
              - path: a
                idle_stop: -1
            """, line: 3, keyPath: "cameras[0].idle_stop", fragment: "between 0 and 86400"),
        BrokenCase(label: "empty streams list", yaml: """
            cameras:
              - path: a
                streams: []
            """, line: 3, keyPath: "cameras[0].streams", fragment: "at least one stream"),
        BrokenCase(label: "camera entry is a plain string", yaml: """
            cameras:
              - bars
            """, line: 2, keyPath: "cameras[0]", fragment: "expected a mapping, found 'bars'"),
        BrokenCase(label: "count with template: false", yaml: """
            cameras:
              - { template: false, count: 2, path: a }
            """, line: 2, keyPath: "cameras[0].count", fragment: "only valid in a template"),
        BrokenCase(label: "top level is a list", yaml: """
            - path: a
            """, line: 1, keyPath: "", fragment: "expected a mapping, found a list"),
        BrokenCase(label: "placeholder outside a template", yaml: """
            cameras:
              - path: "cam-{n}"
            """, line: 2, keyPath: "cameras[0].path", fragment: "only expanded in templates"),
        BrokenCase(label: "seed is negative", yaml: """
            cameras:
              - { path: a, seed: -4 }
            """, line: 2, keyPath: "cameras[0].seed", fragment: "non-negative whole number"),
        BrokenCase(label: "bad control address", yaml: """
            server:
              control: localhost
            """, line: 2, keyPath: "server.control", fragment: "expected an address"),
    ]

    @Test("reports the right place and message", arguments: cases)
    func reportsProblem(_ testCase: BrokenCase) {
        let found = problems(testCase.yaml, known: testCase.known)
        #expect(found.count == 1, "\(found)")
        guard let problem = found.first else { return }
        #expect(problem.line == testCase.line, "\(problem)")
        #expect(problem.keyPath == testCase.keyPath, "\(problem)")
        #expect(problem.message.contains(testCase.fragment), "\(problem)")
        #expect(problem.file == "test.yaml")
    }

    @Test func builtInFaultNamesCountAsDefined() throws {
        let config = try parse("""
            cameras:
              - path: a
                faults: [jitter, { drop: 0.5 }]
            """, known: ["jitter"])
        #expect(config.cameras[0].faults.count == 2)
        #expect(config.cameras[0].faults[0] == .named("jitter"))
    }
}
