import CCurl
import CurlShim

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
    public static let url = CurlOption(CURLOPT_URL)
    public static let username = CurlOption(CURLOPT_USERNAME)
    public static let password = CurlOption(CURLOPT_PASSWORD)
    public static let caInfo = CurlOption(CURLOPT_CAINFO)
    public static let caPath = CurlOption(CURLOPT_CAPATH)
    public static let sslVerifyPeer = CurlOption(CURLOPT_SSL_VERIFYPEER)
    public static let sslVerifyHost = CurlOption(CURLOPT_SSL_VERIFYHOST)
    public static let protocols = CurlOption(CURLOPT_PROTOCOLS_STR)
    public static let useSSL = CurlOption(CURLOPT_USE_SSL)
    public static let connectTimeout = CurlOption(CURLOPT_CONNECTTIMEOUT_MS)
    public static let lowSpeedLimit = CurlOption(CURLOPT_LOW_SPEED_LIMIT)
    public static let lowSpeedTime = CurlOption(CURLOPT_LOW_SPEED_TIME)
    public static let noSignal = CurlOption(CURLOPT_NOSIGNAL)
    public static let verbose = CurlOption(CURLOPT_VERBOSE)
    public static let connectOnly = CurlOption(CURLOPT_CONNECT_ONLY)
    public static let upload = CurlOption(CURLOPT_UPLOAD)
    public static let inFileSize = CurlOption(CURLOPT_INFILESIZE_LARGE)
    public static let customRequest = CurlOption(CURLOPT_CUSTOMREQUEST)
    public static let mailFrom = CurlOption(CURLOPT_MAIL_FROM)
    public static let mailRecipients = CurlOption(CURLOPT_MAIL_RCPT)
    public static let mailRecipientAllowFails = CurlOption(cpd_opt_mail_rcpt_allowfails())
    public static let loginOptions = CurlOption(CURLOPT_LOGIN_OPTIONS)
    public static let tcpKeepAlive = CurlOption(CURLOPT_TCP_KEEPALIVE)
    public static let xoauth2Bearer = CurlOption(CURLOPT_XOAUTH2_BEARER)
    public static let timeout = CurlOption(CURLOPT_TIMEOUT_MS)
    public static let maxFileSize = CurlOption(CURLOPT_MAXFILESIZE_LARGE)
    public static let httpHeader = CurlOption(CURLOPT_HTTPHEADER)
    public static let followLocation = CurlOption(CURLOPT_FOLLOWLOCATION)
}
