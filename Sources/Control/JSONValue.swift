import Foundation
import Yams

/// Any JSON value, for the parts of an answer whose shape the configuration decides
/// (a fault profile written in YAML).
public enum JSONValue: Sendable, Equatable, Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A value as `Yams.load` gives it (Swift values); anything else becomes its description.
    public init(_ any: Any?) {
        switch any {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map { JSONValue($0) })
        case let value as [String: Any]: self = .object(value.mapValues { JSONValue($0) })
        case let value as [AnyHashable: Any]:
            self = .object(Dictionary(value.map { ("\($0.key)", JSONValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        default: self = .string("\(any!)")
        }
    }

    /// YAML text (a fault profile as the configuration keeps it) as JSON.
    public init(yaml: String) throws {
        self.init(try Yams.load(yaml: yaml))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
