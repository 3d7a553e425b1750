import Foundation
import Logging
import Testing
@testable import Bot

@Suite struct LogLineTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func journalLinesCarryTheSyslogPriorityAndNoTimestamp() {
        let line = LogLineHandler.line(level: .error, message: "IMAP login failed\nat 127.0.0.1", metadata: [:],
                                       label: "cpdbot", format: .text, toJournal: true, now: Self.now)
        #expect(line == "<3>IMAP login failed at 127.0.0.1")
        #expect(LogLineHandler.priority(.critical) == 2)
        #expect(LogLineHandler.priority(.warning) == 4)
        #expect(LogLineHandler.priority(.info) == 6)
        #expect(LogLineHandler.priority(.debug) == 7)
    }

    @Test func terminalLinesHaveTimeLevelAndLabel() {
        let line = LogLineHandler.line(level: .info, message: "poll: 3 message(s)", metadata: ["server": "127.0.0.1:10993"],
                                       label: "cpdbot", format: .text, toJournal: false, now: Self.now)
        #expect(line == "2027-01-15T08:00:00Z info cpdbot: poll: 3 message(s) server=127.0.0.1:10993")
    }

    @Test func jsonLinesAreOneObjectEach() throws {
        let line = LogLineHandler.line(level: .warning, message: "a \"quoted\"\nmessage", metadata: ["uid": "7"],
                                       label: "cpdbot", format: .json, toJournal: true, now: Self.now)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["time": "2027-01-15T08:00:00Z", "level": "warning", "priority": "4", "logger": "cpdbot",
                           "message": "a \"quoted\" message", "uid": "7"])
    }

    @Test func journalStreamMustBeStderrItself() {
        #expect(!LogLineHandler.stderrIsJournal(environment: [:]))
        #expect(!LogLineHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "1:2"]))
        var status = stat()
        fstat(STDERR_FILENO, &status)
        #expect(LogLineHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"]))
    }
}
