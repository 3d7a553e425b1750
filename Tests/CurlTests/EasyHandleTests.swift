import Foundation
import Testing
@testable import Curl

@Suite struct EasyHandleTests {
    @Test func optionsOfEveryKindAreAccepted() throws {
        let handle = try EasyHandle()
        try handle.set(.url, "imaps://127.0.0.1:10993/")
        try handle.set(.connectTimeout, 5_000)
        try handle.set(.noSignal, true)
        try handle.set(.inFileSize, offset: 12 * 1024 * 1024)
        try handle.set(.mailRecipients, list: ["<a@kazguu.kz>", "<b@kazguu.kz>"])
        try handle.set(.mailRecipients, list: ["<c@kazguu.kz>"])  // replaces and frees the old list
        try handle.set(.caPath, nil)
        try handle.set(.mailRecipientAllowFails, true)
        try handle.set(.protocols, EasyHandle.allowedProtocols)

        // The options took effect: the transfer goes to the URL set (nothing listens on port 1,
        // so the connection is refused at once), and a protocol outside the list is refused
        // before any connection.
        try handle.set(.url, "imap://127.0.0.1:1/")
        let refused = try #require(throws: CurlError.self) { try handle.perform(step: "connect") }
        #expect([.connectionRefused, .connectFailed].contains(refused.kind), "\(refused)")
        #expect(refused.code == 7, "CURLE_COULDNT_CONNECT: \(refused)")
        try handle.set(.url, "dict://127.0.0.1:1/")
        let outside = try #require(throws: CurlError.self) { try handle.perform(step: "connect") }
        #expect(outside.code == 1, "CURLE_UNSUPPORTED_PROTOCOL: \(outside)")
    }

    @Test func wrongArgumentKindIsAnErrorNotUndefinedBehaviour() throws {
        let handle = try EasyHandle()
        let error = try #require(throws: CurlError.self) { try handle.set(.url, 5) }
        #expect(error.kind == .badOption)
        #expect(error.description == "could not set CURLOPT_URL: it does not take a number")
        #expect(throws: CurlError.self) { try handle.set(.connectTimeout, "fast") }
        #expect(throws: CurlError.self) { try handle.set(.url, list: ["x"]) }
        #expect(throws: CurlError.self) { try handle.set(.mailRecipients, offset: 3) }
    }

    @Test func valuesLibcurlRejectsAreErrors() throws {
        let handle = try EasyHandle()
        let badValue = try #require(throws: CurlError.self) { try handle.set(.useSSL, 99) }
        #expect(badValue.kind == .badOption)
        #expect(badValue.description.hasPrefix("could not set CURLOPT_USE_SSL"))
        #expect(throws: CurlError.self) { try handle.set(.protocols, "imap,gopherish") }
        let unknown = try #require(throws: CurlError.self) { try handle.set(.unchecked(9_999), 1) }
        #expect(unknown.kind == .badOption)
    }

    @Test func passwordsNeverAppearInOptionErrors() throws {
        let handle = try EasyHandle()
        let error = try #require(throws: CurlError.self) { try handle.set(.password, 42) }
        #expect(error.description == "could not set CURLOPT_PASSWORD: it does not take a number")
    }

    /// libcurl itself refuses schemes outside CURLOPT_PROTOCOLS_STR, before connecting anywhere.
    @Test func protocolsOutsideTheAllowedSetFail() throws {
        let handle = try EasyHandle()
        try handle.set(.protocols, EasyHandle.allowedProtocols)
        try handle.set(.url, "file:///etc/hostname")
        let error = try #require(throws: CurlError.self) { try handle.perform(step: "fetch") }
        #expect(error.kind == .protocolNotAllowed)
    }

    struct SinkFull: Error, Equatable {}

    /// A callback's error is rethrown by perform, not turned into a C error code.
    @Test func callbackErrorsAreRethrownAfterPerform() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("curl-callback-\(UUID().uuidString)")
        try Data(repeating: 65, count: 100_000).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try EasyHandle()
        try handle.set(.url, file.absoluteString)
        var received = 0
        handle.onWrite = { bytes in
            received += bytes.count
            if received > 10 { throw SinkFull() }
        }
        #expect(throws: SinkFull.self) { try handle.perform(step: "read a file") }
        // The handle stays usable: the next transfer runs from a clean state.
        received = 0
        handle.onWrite = { received += $0.count }
        try handle.perform(step: "read a file")
        #expect(received == 100_000)
    }

    @Test func connectionRefusedNamesServerAndReason() throws {
        let handle = try EasyHandle()
        try handle.apply(ConnectionSettings(url: "imaps://127.0.0.1:1/", user: "u@kazguu.kz", password: "p"))
        try handle.set(.connectOnly, true)
        let error = try #require(throws: CurlError.self) { try handle.perform(step: "log in") }
        #expect(error.description == "could not connect to 127.0.0.1:1: connection refused")
    }
}
