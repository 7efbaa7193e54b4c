import HTTPTypes
import Hummingbird

/// Refuses a body declared larger than ``ControlLimits/maxBodyBytes`` with 413 before
/// any handler runs; bodies without a length are bounded where they are read
/// (``ControlRequest/json(_:)``).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The ONVIF services bound their bodies themselves, and answer with a SOAP fault.
        if BearerTokenMiddleware.isONVIF(request) { return try await next(request, context) }
        if let length = request.headers[.contentLength] {
            guard let bytes = Int(length), bytes >= 0 else { throw ControlError.badRequest("Content-Length is not a number") }
            guard bytes <= ControlLimits.maxBodyBytes else {
                throw ControlError(.contentTooLarge, "request body is \(bytes) bytes; the limit is \(ControlLimits.maxBodyBytes)")
            }
        }
        return try await next(request, context)
    }
}
