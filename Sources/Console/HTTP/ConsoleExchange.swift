public import Foundation

/// A request as the console's pages see it: no HTTP library types, so the routes are tested
/// without a socket, and the Hummingbird adapter stays one small file.
public struct ConsoleRequest: Sendable {
    /// `GET` or `POST`.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The query's parameters, decoded.
    public var query: [String: String]
    /// The request's cookies by name.
    public var cookies: [String: String]
    /// A POST's form fields (`application/x-www-form-urlencoded`), decoded.
    public var form: [String: String]
    /// The client's IP address (the rate limit's key).
    public var client: String

    /// A request; tests build them directly.
    public init(method: String, path: String, query: [String: String] = [:], cookies: [String: String] = [:],
                form: [String: String] = [:], client: String = "127.0.0.1") {
        self.method = method
        self.path = path
        self.query = query
        self.cookies = cookies
        self.form = form
        self.client = client
    }

    /// `application/x-www-form-urlencoded` or a query string into a map (the last value wins).
    public static func decodeForm(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            values[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return values
    }
}

/// A response before it becomes HTTP.
public struct ConsoleResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The Content-Type header's value.
    public var contentType: String
    /// The body.
    public var body: Data
    /// Further headers (Set-Cookie may repeat, so a list).
    public var headers: [(name: String, value: String)] = []

    /// A response.
    public init(status: Int, contentType: String, body: Data, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    static func html(_ text: String, status: Int = 200) -> ConsoleResponse {
        ConsoleResponse(status: status, contentType: "text/html; charset=utf-8", body: Data(text.utf8))
    }

    static func redirect(_ location: String) -> ConsoleResponse {
        ConsoleResponse(status: 303, contentType: "text/plain; charset=utf-8", body: Data(), headers: [("Location", location)])
    }

    /// The body as UTF-8 text (tests).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Every value of header `name`, case-insensitively.
    public func header(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The security headers every answer carries: no inline script or style, no framing, no
    /// sniffing, no referrer (a sign-in link must not leak to another site).
    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy",
         "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]
}
