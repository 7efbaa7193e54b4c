import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// How the control API writes JSON: snake_case keys (spelled out in each type's
/// `CodingKeys`), sorted, and times as ISO 8601 UTC with milliseconds.
public enum ControlJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        return encoder
    }

    /// `2026-11-26T03:12:06.123Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// `value` as a JSON response.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder().encode(value)
        return response(data: data, status: status)
    }

    /// JSON bytes as a response.
    public static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": "..."}`, with `problems` when there are any.
    static func errorResponse(_ error: ControlError) -> Response {
        struct Body: Encodable {
            var error: String
            var problems: [ControlError.Problem]?
        }
        let body = Body(error: error.message, problems: error.problems.isEmpty ? nil : error.problems)
        // Encoding two strings cannot fail; the fallback keeps the status regardless.
        let data = (try? encoder().encode(body)) ?? Data(#"{"error":"internal error"}"#.utf8)
        var response = response(data: data, status: error.status)
        response.headers.append(contentsOf: error.headers)
        return response
    }
}
