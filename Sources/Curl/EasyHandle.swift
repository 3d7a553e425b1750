internal import CCurl
internal import CurlShim
import Foundation

/// One libcurl easy handle: one connection, one transfer at a time.
///
/// Deliberately not `Sendable`: keep each handle confined to one thread or actor.
/// `perform` blocks, so run it off Swift's cooperative pool.
///
/// Callbacks reach this object through `Unmanaged` userdata set once in `init`; they never throw
/// into C: a thrown error is stored, libcurl is told to abort, and `perform` rethrows it.
public final class EasyHandle {
    let raw: UnsafeMutableRawPointer
    /// libcurl writes its error text here; it must live as long as the handle.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// slists handed to libcurl, which does not copy them: freed when replaced or in deinit.
    private var lists: [CurlOption: UnsafeMutablePointer<curl_slist>] = [:]

    /// Names the server, user and CA file in errors; set by `apply(_:)`.
    public var context = ErrorContext()

    /// Receives downloaded data (URL fetches). Throw to abort the transfer.
    public var onWrite: ((UnsafeRawBufferPointer) throws -> Void)?
    /// Fills the buffer with upload data and returns the count (0 = end). Throw to abort.
    public var onRead: ((UnsafeMutableRawBufferPointer) throws -> Int)?
    /// Sees libcurl's protocol conversation (commands out, replies in). Header-out lines can
    /// hold credentials (AUTH): never log them.
    public var onDebug: ((DebugEvent, UnsafeRawBufferPointer) -> Void)?

    /// The last reply line the server sent during a transfer (for error messages).
    public internal(set) var lastServerReply = ""
    /// An error thrown by a callback during the current transfer.
    var callbackError: (any Error)?

    /// What errors of this handle name: the server, the user, the CA file.
    public struct ErrorContext: Sendable, Equatable {
        /// The server as errors name it.
        public var server = "(no server)"
        /// The login name, where an error should name it.
        public var user: String?
        /// The CA file, for TLS errors.
        public var caFile: String?
        /// A context for errors; `apply(_:)` sets it from the settings.
        public init(server: String = "(no server)", user: String? = nil, caFile: String? = nil) {
            self.server = server
            self.user = user
            self.caFile = caFile
        }
    }

    /// A new handle ([curl_easy_init](https://curl.se/libcurl/c/curl_easy_init.html)) with the error buffer, CURLOPT_NOSIGNAL and the callbacks installed.
    public init() throws(CurlError) {
        guard cpd_global_init_once() == CURLE_OK, let raw = curl_easy_init() else {
            throw CurlError(kind: .other, step: "initialise libcurl", server: "(none)",
                            detail: "curl_global_init or curl_easy_init failed")
        }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try installDefaults()
    }

    deinit {
        curl_easy_cleanup(raw)
        for list in lists.values { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    private func installDefaults() throws(CurlError) {
        try check(cpd_easy_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer), "set CURLOPT_ERRORBUFFER")
        // Signals would interrupt other threads' work; timeouts use poll instead.
        try set(.noSignal, true)
        installCallbacks()
    }

    /// Runs the configured transfer; `step` names it in errors ("log in", "send message").
    public func perform(step: String) throws {
        errorBuffer[0] = 0
        callbackError = nil
        lastServerReply = ""
        let code = curl_easy_perform(raw)
        if let callbackError {
            self.callbackError = nil
            throw callbackError
        }
        guard code == CURLE_OK else { throw error(for: code, step: step) }
    }

    /// The CurlError for a failed call, with libcurl's error text and the OS errno.
    func error(for code: CURLcode, step: String) -> CurlError {
        var osErrno = 0
        _ = cpd_easy_getinfo_long(raw, CURLINFO_OS_ERRNO, &osErrno)
        let kind = CurlError.Kind(curlCode: Int(code.rawValue), osErrno: Int32(clamping: osErrno))
        var detail = String(cString: errorBuffer)
        if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
        if kind == .loginDenied {
            // libcurl's text is only "Login denied"; the server's own words say more.
            detail = lastServerReply.isEmpty ? "" : "server said: \(lastServerReply)"
        }
        return CurlError(
            kind: kind, code: Int(code.rawValue), step: step, server: context.server,
            user: context.user, caFile: context.caFile, detail: detail)
    }

    func check(_ code: CURLcode, _ step: @autoclosure () -> String) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError(
                kind: CurlError.Kind(curlCode: Int(code.rawValue)), code: Int(code.rawValue),
                step: step(), server: context.server, user: context.user, caFile: context.caFile,
                detail: String(cString: curl_easy_strerror(code)))
        }
    }

    func keep(_ list: UnsafeMutablePointer<curl_slist>?, for option: CurlOption) {
        if let old = lists.removeValue(forKey: option) { curl_slist_free_all(old) }
        if let list { lists[option] = list }
    }
}
