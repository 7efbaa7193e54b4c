import Foundation
import Yams

/// The media faults written as mappings: resolution change, timestamp jump, payload type change.
extension FaultProfileYAMLBuilder {
    mutating func resolutionChange(_ node: Node, _ key: String) -> ResolutionChange? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "size"],
                                           expected: "a mapping {at: 30s, size: 640x360}") else { return nil }
        var at: Int64?
        var size: (Int, Int)?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                size = reader.value(value, "\(key).size", expected: "WIDTHxHEIGHT with even sides, like 640x360",
                                    FaultValues.frameSize)
            }
        }
        guard entries.count == 2 || (at != nil && size != nil) else {
            fail(node, key, "'at' and 'size' are required")
            return nil
        }
        guard let at, let size else { return nil }
        return ResolutionChange(at: at, width: size.0, height: size.1)
    }

    mutating func timestampJump(_ node: Node, _ key: String) -> TimestampJump? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "by"],
                                           expected: "a mapping {at: 20s, by: 500ms} (by may be negative)") else { return nil }
        var at: Int64?
        var by: Int64?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                by = reader.duration(value, "\(key).by", bare: FaultTime.millisecond, allowNegative: true)
            }
        }
        guard entries.count == 2 || (at != nil && by != nil) else {
            fail(node, key, "'at' and 'by' are required")
            return nil
        }
        guard let at, let by else { return nil }
        return TimestampJump(at: at, offset: by)
    }

    mutating func payloadTypeChange(_ node: Node, _ key: String) -> PayloadTypeChange? {
        guard let entries = reader.mapping(node, key, allowed: ["at", "payload_type"],
                                           expected: "a mapping {at: 30s, payload_type: 97}") else { return nil }
        var at: Int64?
        var type: Int?
        for (name, value) in entries {
            if name == "at" {
                at = reader.duration(value, "\(key).at", bare: FaultTime.second)
            } else {
                type = reader.integer(value, "\(key).payload_type", 0...127)
            }
        }
        guard entries.count == 2 || (at != nil && type != nil) else {
            fail(node, key, "'at' and 'payload_type' are required")
            return nil
        }
        guard let at, let type else { return nil }
        return PayloadTypeChange(at: at, payloadType: UInt8(type))
    }
}
