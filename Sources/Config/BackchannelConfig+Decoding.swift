import Foundation
import Spelling

extension BackchannelConfig {
    /// Decodes `backchannel: {codec: pcmu|pcma, record: DIR}`; every problem is reported at
    /// its field, and nil returned when there was one. `record` must name an existing directory.
    static func decode(_ field: YAMLField) -> BackchannelConfig? {
        guard let map = field.mapping(allowedKeys: keys) else { return nil }
        let before = map.collector.problems.count
        var config = BackchannelConfig()
        if let codecField = map["codec"], let text = codecField.string(expected: "pcmu or pcma") {
            if let codec = Codec(rawValue: text.lowercased()) {
                config.codec = codec
            } else {
                codecField.fail(
                    "backchannel codec '\(text)' is not supported: use pcmu or pcma",
                    suggestion: Spelling.didYouMean(text, in: Codec.allCases.map(\.rawValue)))
            }
        }
        if let recordField = map["record"], let path = recordField.string(expected: "a directory") {
            var isDirectory: ObjCBool = false
            if path.isEmpty {
                recordField.fail("'record' needs a directory to write the received audio to")
            } else if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                recordField.fail("'\(path)' is not an existing directory")
            } else {
                config.recordDirectory = path
            }
        }
        return map.collector.problems.count == before ? config : nil
    }
}
