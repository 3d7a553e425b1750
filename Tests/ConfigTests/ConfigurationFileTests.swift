import Foundation
import Testing
@testable import Config

@Suite struct ConfigurationFileTests {
    @Test func missingDefaultFileMeansDefaultsWithANote() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cpdbot.yml").path
        let loaded = try ConfigurationLoader(environment: ["CPDBOT_STORE_PATH": "/env/store"]).load(file: path, missingMeansDefaults: true)
        #expect(loaded.file == nil)
        #expect(loaded.configuration == defaults { $0.store.path = "/env/store" })
        #expect(loaded.notes.count == 1)
        #expect(loaded.notes.first?.contains("no configuration file at \(path)") == true)
    }

    @Test func missingNamedFileIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("typo.yml").path
        #expect(throws: ConfigurationError.unreadableFile(path: path, reason: "no such file (copy config/cpdbot.example.yml to start one)")) {
            _ = try ConfigurationLoader(environment: [:]).load(file: path)
        }
    }

    @Test func fileIsReadAndNamedInMessages() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeFile("store: { path: /srv/x }\nimap: { mailboxx: INBOX }\n", named: "c.yml", in: directory, mode: 0o644)
        #expect(throws: ConfigurationError.invalidKeys([
            ConfigurationIssue(key: "imap.mailboxx", problem: "unknown key (did you mean imap.mailbox?)", origin: "\(path), line 2"),
        ])) {
            _ = try ConfigurationLoader(environment: [:]).load(file: path)
        }
    }

    @Test(arguments: [
        (Data([0x69, 0x6D, 0x61, 0x70, 0x3A, 0xFF, 0xFE]), "not UTF-8 text"),
        (Data(repeating: 0x23, count: ConfigurationLoader.maxFileBytes + 1), "1048577 bytes, more than the 1048576 a configuration file may have"),
    ])
    func unreadableFilesAreRefused(_ bytes: Data, _ reason: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yml").path
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: ConfigurationError.unreadableFile(path: path, reason: reason)) {
            _ = try ConfigurationLoader(environment: [:]).load(file: path)
        }
    }

    @Test func directoryIsNotAConfigurationFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationLoader(environment: [:]).load(file: directory.path)
        }
    }
}
