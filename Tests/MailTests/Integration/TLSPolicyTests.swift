import Curl
import Foundation
import Testing
@testable import Mail

extension MailIntegrationTests {
    @Suite struct TLSPolicyTests {
        @Test func untrustedCAGivesTheTLSError() throws {
            let sandbox = try Sandbox.open()
            let wrongCA = try OtherCA.make()
            let settings = sandbox.settings(user: "staff1901@kazguu.kz", caFile: wrongCA)
            let error = try #require(throws: MailError.self) { try IMAPClient(settings: settings) }
            guard case .transport(let curl) = error else { Issue.record("expected a transport error, got \(error)"); return }
            #expect(curl.kind == .tlsNotTrusted)
            #expect(error.description.hasPrefix("TLS certificate of 127.0.0.1:10993 not trusted (CA file \(wrongCA)): "))
        }

        @Test func missingCAFileIsNamed() throws {
            let sandbox = try Sandbox.open()
            let settings = sandbox.settings(user: "staff1901@kazguu.kz", caFile: "/nonexistent/cpdbot-ca.pem")
            let error = try #require(throws: MailError.self) { try IMAPClient(settings: settings) }
            #expect(error.description.hasPrefix("CA file /nonexistent/cpdbot-ca.pem for 127.0.0.1:10993 could not be used"))
        }

        @Test func refusedConnectionNamesTheServer() throws {
            let sandbox = try Sandbox.open()
            let port = try FreePort.find()
            let settings = sandbox.settings(user: "staff1901@kazguu.kz", url: "imaps://127.0.0.1:\(port)/")
            let error = try #require(throws: MailError.self) { try IMAPClient(settings: settings) }
            #expect(error.description == "could not connect to 127.0.0.1:\(port): connection refused")
        }

        @Test func imapURLUsesSTARTTLSWithTheRealServer() throws {
            let sandbox = try Sandbox.open()
            for allowPlaintext in [false, true] {
                var settings = sandbox.settings(user: "staff1902@kazguu.kz", url: Sandbox.imapURL)
                settings.allowPlaintextOnLoopback = allowPlaintext
                let client = try IMAPClient(settings: settings)
                // Dovecot offers STARTTLS, so even the loopback exception ends up encrypted.
                #expect(client.isEncrypted)
                _ = try client.select("INBOX")
                client.logout()
            }
        }

        @Test func clientRefusesToLogInWithoutSTARTTLS() throws {
            let server = try PlaintextIMAPServer()
            let settings = ConnectionSettings(
                url: "imap://127.0.0.1:\(server.port)/", user: "staff1903@kazguu.kz", password: "secret-password-123")
            let error = try #require(throws: MailError.self) { try IMAPClient(settings: settings) }
            guard case .transport(let curl) = error else { Issue.record("expected a transport error, got \(error)"); return }
            #expect(curl.kind == .startTLSUnavailable)
            #expect(error.description.hasPrefix("127.0.0.1:\(server.port) does not offer STARTTLS"))
            let sent = server.received()
            #expect(!sent.isEmpty)
            #expect(!sent.contains { $0.uppercased().contains("LOGIN") || $0.uppercased().contains("AUTHENTICATE") })
            #expect(!sent.contains { $0.contains("secret-password-123") || $0.contains(Data("\0staff1903@kazguu.kz\0secret-password-123".utf8).base64EncodedString()) })
        }
    }
}

/// A CA the sandbox's certificate does not chain to, made with openssl for the test.
enum OtherCA {
    static func make() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-wrong-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pem = directory.appendingPathComponent("other-ca.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", directory.appendingPathComponent("key.pem").path, "-out", pem,
                             "-days", "1", "-subj", "/CN=Some Other CA"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Sandbox.Unusable(description: "openssl could not make a CA") }
        return pem
    }
}

/// A loopback port nobody listens on (bound, then released).
enum FreePort {
    static func find() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw Sandbox.Unusable(description: "no free port") }
        return UInt16(bigEndian: address.sin_port)
    }
}
