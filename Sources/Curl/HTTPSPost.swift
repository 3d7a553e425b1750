internal import CCurl
internal import CurlShim
public import Foundation

/// How an HTTPS request to a token endpoint is made: the same CA rule as the mail servers,
/// bounded in time and in the size of the answer.
public struct HTTPSRequestSettings: Sendable {
    /// PEM file with the CA(s) to trust; when set, only these are trusted (CAPATH is cleared).
    public var caFile: String?
    /// How long connecting (TCP and TLS) may take.
    public var connectTimeout: Duration
    /// The whole request, connection included.
    public var timeout: Duration
    /// A longer answer is cut off and the request fails: a token response is a few KiB.
    public var maxResponseBytes: Int

    /// Settings for a token endpoint; the defaults bound a token request to a minute and 64 KiB.
    public init(caFile: String? = nil, connectTimeout: Duration = .seconds(20), timeout: Duration = .seconds(60),
                maxResponseBytes: Int = 64 * 1024) {
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}

/// What an HTTPS server answered: the status code and the body.
public struct HTTPSResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The body as received (at most `maxResponseBytes`).
    public var body: Data

    /// A response (tests build their own).
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

extension EasyHandle {
    /// POSTs `form` (`application/x-www-form-urlencoded`) to `url` on a handle of its own that
    /// speaks only `https`, verifies the certificate, follows no redirect and stops reading
    /// after `settings.maxResponseBytes`. Any status is returned; only transport failures throw.
    /// The form may hold a client secret: errors name the host, never the form.
    public static func postForm(url: String, form: String, settings: HTTPSRequestSettings) throws(CurlError) -> HTTPSResponse {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
              let host = components.host, !host.isEmpty
        else {
            throw CurlError(kind: .badURL, step: "read the token endpoint URL", server: url,
                            detail: "expected an https:// URL")
        }
        let server = host + (components.port.map { ":\($0)" } ?? "")
        let handle = try EasyHandle()
        handle.context = ErrorContext(server: server, caFile: settings.caFile)
        try handle.set(.protocols, "https")
        try handle.set(.url, url)
        try handle.set(.followLocation, false)
        try handle.set(.sslVerifyPeer, true)
        try handle.set(.sslVerifyHost, 2)
        if let caFile = settings.caFile {
            try handle.set(.caInfo, caFile)
            try handle.set(.caPath, nil)
        }
        try handle.set(.connectTimeout, settings.connectTimeout.milliseconds)
        try handle.set(.timeout, settings.timeout.milliseconds)
        try handle.set(.maxFileSize, offset: Int64(settings.maxResponseBytes))
        try handle.set(.httpHeader, list: ["Content-Type: application/x-www-form-urlencoded", "Accept: application/json"])
        // libcurl copies the body (COPYPOSTFIELDS); it takes an object pointer, hence the raw call.
        try handle.check(cpd_easy_setopt_off_t(handle.raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(form.utf8.count)),
                         "set CURLOPT_POSTFIELDSIZE_LARGE")
        let code = form.withCString { cpd_easy_setopt_pointer(handle.raw, CURLOPT_COPYPOSTFIELDS, $0) }
        try handle.check(code, "set CURLOPT_COPYPOSTFIELDS")

        var body = Data()
        let limit = settings.maxResponseBytes
        handle.onWrite = { bytes in
            guard body.count + bytes.count <= limit else { throw ResponseTooLarge() }
            body.append(contentsOf: bytes)
        }
        do {
            try handle.perform(step: "ask the token endpoint for a token")
        } catch let error as CurlError {
            throw error
        } catch {
            throw CurlError(kind: .other, step: "ask the token endpoint for a token", server: server,
                            detail: "the answer is longer than \(limit) bytes")
        }
        return HTTPSResponse(status: handle.responseCode, body: body)
    }

    private struct ResponseTooLarge: Error {}
}
