internal import CCurl
import Foundation

extension CurlError {
    /// What went wrong, by meaning rather than by CURLcode number.
    public enum Kind: String, Sendable, CaseIterable {
        case loginDenied
        case tlsNotTrusted
        case caFileUnusable
        case tlsFailed
        /// The server offers no STARTTLS and the settings require TLS (CURLUSESSL_ALL).
        case startTLSUnavailable
        /// The settings ask for plaintext on a host that is not loopback.
        case plaintextNotAllowed
        case connectionRefused
        case connectFailed
        case hostNotFound
        case timedOut
        case connectionLost
        case badURL
        case protocolNotAllowed
        case badOption
        case other

        /// The mapping table from libcurl's result codes; `osErrno` (CURLINFO_OS_ERRNO) tells a
        /// refused connection from an unreachable one.
        public init(curlCode: Int, osErrno: Int32 = 0) {
            switch UInt32(clamping: curlCode) {
            case CURLE_LOGIN_DENIED.rawValue, CURLE_AUTH_ERROR.rawValue: self = .loginDenied
            case CURLE_PEER_FAILED_VERIFICATION.rawValue, CURLE_SSL_ISSUER_ERROR.rawValue,
                CURLE_SSL_PINNEDPUBKEYNOTMATCH.rawValue, CURLE_SSL_INVALIDCERTSTATUS.rawValue:
                self = .tlsNotTrusted
            case CURLE_SSL_CACERT_BADFILE.rawValue, CURLE_SSL_CRL_BADFILE.rawValue: self = .caFileUnusable
            case CURLE_SSL_CONNECT_ERROR.rawValue, CURLE_SSL_CIPHER.rawValue,
                CURLE_SSL_CERTPROBLEM.rawValue, CURLE_SSL_SHUTDOWN_FAILED.rawValue:
                self = .tlsFailed
            case CURLE_USE_SSL_FAILED.rawValue: self = .startTLSUnavailable
            case CURLE_COULDNT_CONNECT.rawValue:
                self = osErrno == ECONNREFUSED ? .connectionRefused : .connectFailed
            case CURLE_COULDNT_RESOLVE_HOST.rawValue: self = .hostNotFound
            case CURLE_OPERATION_TIMEDOUT.rawValue: self = .timedOut
            case CURLE_SEND_ERROR.rawValue, CURLE_RECV_ERROR.rawValue, CURLE_GOT_NOTHING.rawValue,
                CURLE_PARTIAL_FILE.rawValue:
                self = .connectionLost
            case CURLE_URL_MALFORMAT.rawValue: self = .badURL
            case CURLE_UNSUPPORTED_PROTOCOL.rawValue: self = .protocolNotAllowed
            case CURLE_UNKNOWN_OPTION.rawValue, CURLE_BAD_FUNCTION_ARGUMENT.rawValue,
                CURLE_NOT_BUILT_IN.rawValue, CURLE_SETOPT_OPTION_SYNTAX.rawValue:
                self = .badOption
            default: self = .other
            }
        }
    }
}
