import Foundation
import NIOCore
import Server

extension ServerEvent {
    /// The event as JSON: `type`, `time`, `camera` and `session` when set, and the details
    /// beside them (`{"type": "session_ended", "camera": "cam", "packets_sent": 812, ...}`).
    var json: JSONValue {
        var object: [String: JSONValue] = ["type": .string(kind.rawValue), "time": .string(ControlJSON.timestamp(time))]
        if let camera { object["camera"] = .string(camera) }
        if let session { object["session"] = .string(session) }
        for (name, detail) in details {
            switch detail {
            case .int(let value): object[name] = .int(value)
            case .string(let value): object[name] = .string(value)
            case .strings(let values): object[name] = .array(values.map { .string($0) })
            }
        }
        return .object(object)
    }

    /// One server-sent event (HTML Living Standard §9.2.6): `event: KIND`, `data: JSON`, a blank line.
    var serverSentEvent: ByteBuffer {
        let data = (try? ControlJSON.encoder().encode(json)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ByteBuffer(string: "event: \(kind.rawValue)\ndata: \(data)\n\n")
    }
}
