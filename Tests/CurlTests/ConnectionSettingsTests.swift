import Testing
@testable import Curl

@Suite struct ConnectionSettingsTests {
    @Test func descriptionHidesThePassword() {
        let settings = ConnectionSettings(url: "imaps://mail.kazguu.kz/", user: "hr-intake@kazguu.kz",
                                          password: "Sup3r-Secret", caFile: "/etc/cpdbot/ca.pem")
        #expect(!settings.description.contains("Sup3r-Secret"))
        #expect(!"\(settings)".contains("Sup3r-Secret"))
        #expect(settings.description.contains("hr-intake@kazguu.kz"))
    }

    @Test(arguments: [
        ("imaps://mail.kazguu.kz/", false, ConnectionSettings.TLSRequirement.implicit),
        ("smtps://mail.kazguu.kz/", true, .implicit),
        ("imap://mail.kazguu.kz/", false, .startTLSRequired),
        ("smtp://mail.kazguu.kz:587/kazguu.kz", false, .startTLSRequired),
        ("imap://127.0.0.1:10143/", false, .startTLSRequired),
        ("imap://127.0.0.1:10143/", true, .startTLSIfOffered),
        ("smtp://localhost:10587/", true, .startTLSIfOffered),
        ("imap://[::1]:10143/", true, .startTLSIfOffered),
    ])
    func tlsRule(url: String, allowPlaintext: Bool, expected: ConnectionSettings.TLSRequirement) throws {
        let settings = ConnectionSettings(url: url, user: "u", password: "p", allowPlaintextOnLoopback: allowPlaintext)
        #expect(try settings.tlsRequirement() == expected)
    }

    /// The loopback exception never applies to a real host, whatever the flag says.
    @Test(arguments: ["imap://mail.kazguu.kz/", "smtp://10.0.0.5:25/", "imap://127.0.0.1.evil.kz/", "imap://128.0.0.1/"])
    func plaintextIsRefusedOffLoopback(url: String) {
        let settings = ConnectionSettings(url: url, user: "u", password: "p", allowPlaintextOnLoopback: true)
        #expect(throws: CurlError.self) { try settings.tlsRequirement() }
    }

    @Test(arguments: [
        ("imaps://127.0.0.1:10993/", "127.0.0.1:10993", true),
        ("imaps://mail.kazguu.kz/", "mail.kazguu.kz:993", false),
        ("imap://mail.kazguu.kz/INBOX", "mail.kazguu.kz:143", false),
        ("smtp://localhost/kazguu.kz", "localhost:25", true),
        ("smtps://[::1]/", "[::1]:465", true),
        ("IMAPS://127.1.2.3:1/", "127.1.2.3:1", true),
    ])
    func endpoints(url: String, display: String, loopback: Bool) throws {
        let endpoint = try Endpoint(url: url)
        #expect(endpoint.description == display)
        #expect(endpoint.isLoopback == loopback)
    }

    @Test(arguments: ["http://mail.kazguu.kz/", "ftp://x/", "gopher://x/"])
    func otherSchemesAreRefused(url: String) {
        let error = #expect(throws: CurlError.self) { try Endpoint(url: url) }
        #expect(error?.kind == .protocolNotAllowed)
    }

    @Test(arguments: ["", "not a url", "imaps://", "imaps:///INBOX"])
    func malformedURLsAreRefused(url: String) {
        #expect(throws: CurlError.self) { try Endpoint(url: url) }
    }
}
