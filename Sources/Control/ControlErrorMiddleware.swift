import HTTPTypes
import Hummingbird
import Logging

/// Turns every failure into a JSON error body: unknown routes 404, a known path with
/// another method 405 (with `Allow`), Hummingbird's own errors (such as a body over the
/// limit) with their status, and anything unexpected 500, logged. Nothing escapes.
struct ControlErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let routes: ControlRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            return ControlJSON.errorResponse(error)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(forRequestPath: request.uri.path)
            guard allowed.isEmpty else {
                var headers = HTTPFields()
                headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return ControlJSON.errorResponse(ControlError(
                    .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path)", headers: headers))
            }
            return ControlJSON.errorResponse(.notFound(error.body ?? "no route for \(request.method.rawValue) \(request.uri.path)"))
        } catch let error as any HTTPResponseError {
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            return ControlJSON.errorResponse(ControlError(error.status, message))
        } catch {
            context.logger.error("control request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return ControlJSON.errorResponse(ControlError(.internalServerError, "internal error"))
        }
    }
}
