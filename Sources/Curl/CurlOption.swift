internal import CCurl
internal import CurlShim

/// A libcurl option, named so that error messages can say which one failed.
///
/// Mail code sets options through these constants and never sees the C enum; the kind of
/// argument each option takes is looked up in libcurl's own option table
/// (`curl_easy_option_by_id`), so passing a string to a `long` option is an error, not UB.
public struct CurlOption: Sendable, Hashable, CustomStringConvertible {
    let raw: CURLoption

    init(_ raw: CURLoption) { self.raw = raw }

    /// For tests: an option number libcurl may not know.
    static func unchecked(_ number: UInt32) -> CurlOption { CurlOption(CURLoption(rawValue: number)) }

    /// libcurl's name for the option ("CURLOPT_URL"), or its number when libcurl does not know it.
    public var description: String {
        guard let entry = curl_easy_option_by_id(raw), let name = entry.pointee.name else {
            return "option #\(raw.rawValue)"
        }
        return "CURLOPT_" + String(cString: name)
    }

    /// The argument kind libcurl declares for this option; nil when libcurl does not know it.
    var argumentKind: ArgumentKind? {
        guard let entry = curl_easy_option_by_id(raw) else { return nil }
        switch entry.pointee.type {
        case CURLOT_LONG, CURLOT_VALUES: return .long
        case CURLOT_OFF_T: return .offset
        case CURLOT_STRING: return .string
        case CURLOT_SLIST: return .list
        case CURLOT_OBJECT, CURLOT_CBPTR: return .pointer
        case CURLOT_FUNCTION: return .function
        default: return .other
        }
    }

    enum ArgumentKind: Equatable { case long, offset, string, list, pointer, function, other }

    // MARK: The options cpdbot uses.
    /// The URL: scheme, host, port and, for IMAP, the mailbox: [CURLOPT_URL](https://curl.se/libcurl/c/CURLOPT_URL.html).
    public static let url = CurlOption(CURLOPT_URL)
    /// The login name: [CURLOPT_USERNAME](https://curl.se/libcurl/c/CURLOPT_USERNAME.html).
    public static let username = CurlOption(CURLOPT_USERNAME)
    /// The password (never logged): [CURLOPT_PASSWORD](https://curl.se/libcurl/c/CURLOPT_PASSWORD.html).
    public static let password = CurlOption(CURLOPT_PASSWORD)
    /// A CA bundle file to verify the server with: [CURLOPT_CAINFO](https://curl.se/libcurl/c/CURLOPT_CAINFO.html).
    public static let caInfo = CurlOption(CURLOPT_CAINFO)
    /// A folder of CA certificates: [CURLOPT_CAPATH](https://curl.se/libcurl/c/CURLOPT_CAPATH.html).
    public static let caPath = CurlOption(CURLOPT_CAPATH)
    /// Verify the server certificate's chain: [CURLOPT_SSL_VERIFYPEER](https://curl.se/libcurl/c/CURLOPT_SSL_VERIFYPEER.html).
    public static let sslVerifyPeer = CurlOption(CURLOPT_SSL_VERIFYPEER)
    /// Verify that the certificate names the host: [CURLOPT_SSL_VERIFYHOST](https://curl.se/libcurl/c/CURLOPT_SSL_VERIFYHOST.html).
    public static let sslVerifyHost = CurlOption(CURLOPT_SSL_VERIFYHOST)
    /// The schemes a transfer may use (`imap,imaps,smtp,smtps`): [CURLOPT_PROTOCOLS_STR](https://curl.se/libcurl/c/CURLOPT_PROTOCOLS_STR.html).
    public static let protocols = CurlOption(CURLOPT_PROTOCOLS_STR)
    /// Require STARTTLS on a plain connection: [CURLOPT_USE_SSL](https://curl.se/libcurl/c/CURLOPT_USE_SSL.html).
    public static let useSSL = CurlOption(CURLOPT_USE_SSL)
    /// How long connecting may take, in milliseconds: [CURLOPT_CONNECTTIMEOUT_MS](https://curl.se/libcurl/c/CURLOPT_CONNECTTIMEOUT_MS.html).
    public static let connectTimeout = CurlOption(CURLOPT_CONNECTTIMEOUT_MS)
    /// Bytes per second below which a transfer counts as stalled: [CURLOPT_LOW_SPEED_LIMIT](https://curl.se/libcurl/c/CURLOPT_LOW_SPEED_LIMIT.html).
    public static let lowSpeedLimit = CurlOption(CURLOPT_LOW_SPEED_LIMIT)
    /// Seconds a transfer may stay under the low-speed limit: [CURLOPT_LOW_SPEED_TIME](https://curl.se/libcurl/c/CURLOPT_LOW_SPEED_TIME.html).
    public static let lowSpeedTime = CurlOption(CURLOPT_LOW_SPEED_TIME)
    /// No signals: timeouts must not interrupt other threads: [CURLOPT_NOSIGNAL](https://curl.se/libcurl/c/CURLOPT_NOSIGNAL.html).
    public static let noSignal = CurlOption(CURLOPT_NOSIGNAL)
    /// libcurl's protocol trace: [CURLOPT_VERBOSE](https://curl.se/libcurl/c/CURLOPT_VERBOSE.html).
    public static let verbose = CurlOption(CURLOPT_VERBOSE)
    /// Connect (and log in) only: the client speaks the protocol itself: [CURLOPT_CONNECT_ONLY](https://curl.se/libcurl/c/CURLOPT_CONNECT_ONLY.html).
    public static let connectOnly = CurlOption(CURLOPT_CONNECT_ONLY)
    /// Upload: SMTP sends the message: [CURLOPT_UPLOAD](https://curl.se/libcurl/c/CURLOPT_UPLOAD.html).
    public static let upload = CurlOption(CURLOPT_UPLOAD)
    /// The size of what is uploaded: [CURLOPT_INFILESIZE_LARGE](https://curl.se/libcurl/c/CURLOPT_INFILESIZE_LARGE.html).
    public static let inFileSize = CurlOption(CURLOPT_INFILESIZE_LARGE)
    /// A protocol command instead of the default one: [CURLOPT_CUSTOMREQUEST](https://curl.se/libcurl/c/CURLOPT_CUSTOMREQUEST.html).
    public static let customRequest = CurlOption(CURLOPT_CUSTOMREQUEST)
    /// SMTP MAIL FROM (RFC 5321 §3.3): [CURLOPT_MAIL_FROM](https://curl.se/libcurl/c/CURLOPT_MAIL_FROM.html).
    public static let mailFrom = CurlOption(CURLOPT_MAIL_FROM)
    /// SMTP RCPT TO, one per address (RFC 5321 §3.3): [CURLOPT_MAIL_RCPT](https://curl.se/libcurl/c/CURLOPT_MAIL_RCPT.html).
    public static let mailRecipients = CurlOption(CURLOPT_MAIL_RCPT)
    /// Go on when some RCPT TO are refused: [CURLOPT_MAIL_RCPT_ALLOWFAILS](https://curl.se/libcurl/c/CURLOPT_MAIL_RCPT_ALLOWFAILS.html).
    public static let mailRecipientAllowFails = CurlOption(cpd_opt_mail_rcpt_allowfails())
    /// The SASL mechanism to log in with (`AUTH=XOAUTH2`): [CURLOPT_LOGIN_OPTIONS](https://curl.se/libcurl/c/CURLOPT_LOGIN_OPTIONS.html).
    public static let loginOptions = CurlOption(CURLOPT_LOGIN_OPTIONS)
    /// TCP keep-alive probes on idle connections: [CURLOPT_TCP_KEEPALIVE](https://curl.se/libcurl/c/CURLOPT_TCP_KEEPALIVE.html).
    public static let tcpKeepAlive = CurlOption(CURLOPT_TCP_KEEPALIVE)
    /// The OAuth 2.0 bearer token (RFC 7628): [CURLOPT_XOAUTH2_BEARER](https://curl.se/libcurl/c/CURLOPT_XOAUTH2_BEARER.html).
    public static let xoauth2Bearer = CurlOption(CURLOPT_XOAUTH2_BEARER)
    /// How long the whole transfer may take, in milliseconds: [CURLOPT_TIMEOUT_MS](https://curl.se/libcurl/c/CURLOPT_TIMEOUT_MS.html).
    public static let timeout = CurlOption(CURLOPT_TIMEOUT_MS)
    /// The largest download accepted: [CURLOPT_MAXFILESIZE_LARGE](https://curl.se/libcurl/c/CURLOPT_MAXFILESIZE_LARGE.html).
    public static let maxFileSize = CurlOption(CURLOPT_MAXFILESIZE_LARGE)
    /// Extra HTTP request headers (the token endpoint): [CURLOPT_HTTPHEADER](https://curl.se/libcurl/c/CURLOPT_HTTPHEADER.html).
    public static let httpHeader = CurlOption(CURLOPT_HTTPHEADER)
    /// Follow HTTP redirects: [CURLOPT_FOLLOWLOCATION](https://curl.se/libcurl/c/CURLOPT_FOLLOWLOCATION.html).
    public static let followLocation = CurlOption(CURLOPT_FOLLOWLOCATION)
}
