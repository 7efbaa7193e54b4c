import Foundation
import Testing
@testable import Config

@Suite("A camera's backchannel")
struct BackchannelConfigTests {
    @Test func readsCodecAndRecordDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let config = try parse("""
            defaults:
              backchannel: { codec: pcma }
            cameras:
              - path: door
                backchannel: { codec: PCMU, record: \(directory) }
              - path: gate
              - path: lobby
                backchannel: {}
            """)
        #expect(config.cameras[0].backchannel == BackchannelConfig(codec: .pcmu, recordDirectory: directory))
        #expect(config.cameras[1].backchannel == BackchannelConfig(codec: .pcma))
        #expect(config.cameras[2].backchannel == BackchannelConfig(codec: .pcmu))
        #expect(BackchannelConfig.Codec.pcma.payloadType == 8)
        #expect(BackchannelConfig.Codec.pcmu.encodingName == "PCMU")
    }

    @Test func aCameraWithoutOneHasNone() throws {
        #expect(try parse("cameras: [{ path: a }]\n").cameras[0].backchannel == nil)
    }

    static let broken: [(yaml: String, keyPath: String, message: String)] = [
        ("cameras: [{ path: a, backchannel: { codec: opus } }]\n", "cameras[0].backchannel.codec", "use pcmu or pcma"),
        ("cameras: [{ path: a, backchannel: { codec: pcmx } }]\n", "cameras[0].backchannel.codec", "did you mean 'pcmu'?"),
        ("cameras: [{ path: a, backchannel: { record: /nonexistent/dir } }]\n", "cameras[0].backchannel.record", "not an existing directory"),
        ("cameras: [{ path: a, backchannel: { record: '' } }]\n", "cameras[0].backchannel.record", "needs a directory"),
        ("cameras: [{ path: a, backchannel: { rate: 8000 } }]\n", "cameras[0].backchannel.rate", "unknown key"),
        ("cameras: [{ path: a, backchannel: pcmu }]\n", "cameras[0].backchannel", "mapping"),
    ]

    @Test(arguments: broken)
    func problemsNameTheField(yaml: String, keyPath: String, message: String) {
        let found = problems(yaml)
        #expect(found.contains { $0.keyPath == keyPath && ($0.message + " " + ($0.suggestion ?? "")).contains(message) }, "\(found)")
    }
}
