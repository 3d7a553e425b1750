import Foundation
import Staff
import Testing
@testable import Console

/// `templates/console/strings/<lang>.yml` is read by the one YAML reader: a broken file is
/// refused with the file, the key and the line, not shown as keys on every page.
@Suite struct ConsoleStringsFileTests {
    private static func load(_ yaml: String) throws -> ConsoleStrings {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("console-strings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("strings"), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("strings/en.yml"))
        return try ConsoleStrings.load(directory: directory, language: .en)
    }

    @Test func textsAndNumbersAreRead() throws {
        let strings = try Self.load("title: \"Overview: 2026\"\nyear: 2026\n")
        #expect(strings.texts == ["title": "Overview: 2026", "year": "2026"])
    }

    @Test func aKeyThatIsNotATextIsNamedWithItsLine() {
        #expect {
            try Self.load("title: Overview\nunits:\n  - one\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("strings/en.yml") && text.contains("units") && text.contains("line 3")
        }
    }

    @Test func yamlThatDoesNotParseIsRefusedWithItsPlace() {
        #expect {
            try Self.load("title: \"unclosed\n")
        } throws: { error in
            let text = "\(error)"
            return text.contains("strings/en.yml") && text.contains("line")
        }
    }

    @Test func aListInsteadOfAMappingIsRefused() {
        #expect {
            try Self.load("- title\n- units\n")
        } throws: { error in "\(error)".contains("expected a mapping") }
    }
}
