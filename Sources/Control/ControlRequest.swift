import Foundation
import Hummingbird

/// Reading what a control request carries: its JSON body (bounded) and its path parameters.
public enum ControlRequest {
    /// The body as a JSON value: 413 beyond ``ControlLimits/maxBodyBytes``, 400 when it is
    /// not JSON. `nil` for an empty body.
    public static func jsonBody(_ request: Request) async throws -> (text: String, value: Any)? {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: ControlLimits.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ControlError(.contentTooLarge, "request body is larger than \(ControlLimits.maxBodyBytes) bytes")
        }
        guard buffer.readableBytes > 0 else { return nil }
        let data = Data(buffer.readableBytesView)
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ControlError.badRequest("request body is not JSON")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ControlError.badRequest("request body is not UTF-8") }
        return (text, value)
    }

    /// The body decoded as `T` (400 when it does not fit), or nil for an empty body.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T? {
        guard let body = try await jsonBody(request) else { return nil }
        do {
            return try JSONDecoder().decode(T.self, from: Data(body.text.utf8))
        } catch {
            throw ControlError.badRequest("request body does not have the expected shape: \(ControlRequest.describe(error))")
        }
    }

    /// A `{name}` path parameter, percent-decoded (a camera path `site-a/door` arrives as
    /// `site-a%2Fdoor`).
    public static func pathParameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        guard let raw = context.parameters.get(name) else { throw ControlError.badRequest("missing path parameter '\(name)'") }
        guard let decoded = raw.removingPercentEncoding else {
            throw ControlError.badRequest("path parameter '\(name)' is not valid percent-encoding")
        }
        return decoded
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? context.debugDescription : "'\(field)': \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}
