internal import CCurl
import Foundation
import Testing
@testable import Curl

@Suite struct CurlErrorTests {
    /// The mapping table: libcurl result (and errno) → what went wrong.
    @Test(arguments: [
        (67, 0, CurlError.Kind.loginDenied),
        (94, 0, .loginDenied),
        (60, 0, .tlsNotTrusted),
        (77, 0, .caFileUnusable),
        (35, 0, .tlsFailed),
        (64, 0, .startTLSUnavailable),
        (7, ECONNREFUSED, .connectionRefused),
        (7, EHOSTUNREACH, .connectFailed),
        (6, 0, .hostNotFound),
        (28, 0, .timedOut),
        (55, 0, .connectionLost),
        (56, 0, .connectionLost),
        (52, 0, .connectionLost),
        (3, 0, .badURL),
        (1, 0, .protocolNotAllowed),
        (48, 0, .badOption),
        (43, 0, .badOption),
        (8, 0, .other),
        (-1, 0, .other),
        (99_999, 0, .other),
    ] as [(Int, Int32, CurlError.Kind)])
    func mapsResultCodes(code: Int, osErrno: Int32, expected: CurlError.Kind) {
        #expect(CurlError.Kind(curlCode: code, osErrno: osErrno) == expected)
    }

    @Test(arguments: [
        (CurlError.Kind.loginDenied, "could not log in to 127.0.0.1:10993 as hr-intake@kazguu.kz: authentication failed (detail)"),
        (.tlsNotTrusted, "TLS certificate of 127.0.0.1:10993 not trusted (CA file var/mail-sandbox/ca.pem): detail"),
        (.connectionRefused, "could not connect to 127.0.0.1:10993: connection refused"),
        (.startTLSUnavailable, "127.0.0.1:10993 does not offer STARTTLS: refusing to log in over an unencrypted connection (use an imaps:// or smtps:// URL, or enable STARTTLS on the server)"),
        (.timedOut, "127.0.0.1:10993 did not answer in time (while trying to fetch messages): detail"),
        (.connectionLost, "connection to 127.0.0.1:10993 was lost (while trying to fetch messages): detail"),
        (.other, "could not fetch messages on 127.0.0.1:10993: detail (libcurl error 8)"),
    ])
    func messagesNameServerUserAndCAFile(kind: CurlError.Kind, expected: String) {
        let error = CurlError(kind: kind, code: 8, step: "fetch messages", server: "127.0.0.1:10993",
                              user: "hr-intake@kazguu.kz", caFile: "var/mail-sandbox/ca.pem", detail: "detail")
        #expect(error.description == expected)
    }

    @Test func everyKindHasAMessageNamingTheServer() {
        for kind in CurlError.Kind.allCases where kind != .badOption {
            let error = CurlError(kind: kind, step: "log in", server: "mail.example.kz:993")
            #expect(error.description.contains("mail.example.kz:993"), "\(kind)")
        }
    }
}
