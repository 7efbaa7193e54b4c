import HTTPTypes

/// An answer other than success, sent as `{"error": "..."}` (and `problems` for a 422).
public struct ControlError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    public var problems: [Problem]
    /// Extra response headers, such as `Allow` on a 405 or `WWW-Authenticate` on a 401.
    public var headers: HTTPFields

    /// One field that failed validation: `streams[0].fps`, `must be at least 1`.
    public struct Problem: Sendable, Equatable, Codable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public init(_ status: HTTPResponse.Status, _ message: String, problems: [Problem] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.problems = problems
        self.headers = headers
    }

    public static func notFound(_ message: String) -> ControlError { ControlError(.notFound, message) }
    public static func badRequest(_ message: String) -> ControlError { ControlError(.badRequest, message) }
    public static func conflict(_ message: String) -> ControlError { ControlError(.conflict, message) }
    /// A route that is in the OpenAPI document but not answered yet.
    public static func invalid(_ message: String, problems: [Problem]) -> ControlError {
        ControlError(.unprocessableContent, message, problems: problems)
    }
}
