import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real HTTP client (Foundation's URLSession) for the control API, with the bearer
/// token when one is given. Every request has a deadline.
struct ControlClient: Sendable {
    let baseURL: String
    let token: String?

    /// What came back: status, headers (lower-cased names) and body.
    struct Reply: Sendable, CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }
        var description: String { "HTTP \(status) \(headers) \(text.prefix(2000))" }
    }

    func get(_ path: String) async throws -> Reply { try await send("GET", path) }
    func delete(_ path: String) async throws -> Reply { try await send("DELETE", path) }
    func post(_ path: String, json: String? = nil) async throws -> Reply { try await send("POST", path, body: json) }
    func put(_ path: String, json: String) async throws -> Reply { try await send("PUT", path, body: json) }

    /// Sends `method path` with `body` (as JSON unless `contentType` says otherwise).
    func send(
        _ method: String, _ path: String, body: String? = nil, data: Data? = nil,
        headers: [String: String] = [:], timeoutSeconds: Double = 20
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = timeoutSeconds
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = Data(body.utf8) } else if let data { request.httpBody = data }
        if request.httpBody != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                let http = response as! HTTPURLResponse
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    headers[String(describing: name).lowercased()] = String(describing: value)
                }
                continuation.resume(returning: Reply(status: http.statusCode, headers: headers, body: data ?? Data()))
            }.resume()
        }
    }
}
