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

    /// A `{name}` path parameter, percent-decoded (a camera path `site-a/door` arrives as
    /// `site-a%2Fdoor`).
    public static func pathParameter(_ name: String, _ context: BasicRequestContext) throws -> String {
        guard let raw = context.parameters.get(name) else { throw ControlError.badRequest("missing path parameter '\(name)'") }
        guard let decoded = raw.removingPercentEncoding else {
            throw ControlError.badRequest("path parameter '\(name)' is not valid percent-encoding")
        }
        return decoded
    }
}
