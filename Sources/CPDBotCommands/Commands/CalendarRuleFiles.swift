import ArgumentParser
import Config
import Foundation
import Regulation

/// `--policy` and `--holidays`: the Regulation's numbers and Kazakhstan's calendar. By default
/// `config/…` in a checkout; when installed, `/etc/cpdbot/…` if the administrator put one
/// there, else `/usr/share/cpdbot/config/…` (`InstallationLayout`).
struct RuleFileOptions: ParsableArguments {
    @Option(name: [.customLong("policy")], help: "The Regulation's thresholds and dates (YAML).")
    var policyOption: String?

    @Option(name: [.customLong("holidays")], help: "Kazakhstan's public holidays and transferred days off per year (YAML).")
    var holidaysOption: String?

    var policy: String { policyOption ?? InstallationLayout.current().ruleFile("policy.yml") }
    var holidays: String { holidaysOption ?? InstallationLayout.current().ruleFile("holidays-kz.yml") }

    func loadPolicy() throws -> Policy {
        do {
            return try Policy(yaml: try CommandFiles.text(policy), source: policy)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        }
    }

    func loadHolidays() throws -> HolidayCalendar {
        do {
            return try HolidayCalendar(yaml: try CommandFiles.text(holidays), source: holidays)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        }
    }
}

/// File access for the offline commands (the Regulation module itself does no I/O).
enum CommandFiles {
    /// Largest configuration or table file read (the Documents limit is the same order).
    static let maxBytes = 20 * 1024 * 1024

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIExit.couldNotRun("cannot open \(path): no such file or no permission")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw CLIExit.couldNotRun("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count <= maxBytes else {
            throw CLIExit.couldNotRun("\(path) is larger than \(maxBytes) bytes, the maximum")
        }
        return [UInt8](data)
    }

    static func text(_ path: String) throws -> String {
        let raw = try bytes(path)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw CLIExit.couldNotRun("\(path) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// A date argument: ISO or DD.MM.YYYY.
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text: text) else {
            throw ValidationError("\(option) '\(text)' is not a date; use YYYY-MM-DD or DD.MM.YYYY")
        }
        return date
    }

    /// JSON null for a missing value (JSONSerialization needs NSNull).
    static func orNull<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? NSNull() }

    static func printJSON(_ object: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
