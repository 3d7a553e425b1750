import ArgumentParser
import Config
import Foundation
import Regulation

/// `--policy` and `--holidays`: the Regulation's numbers and Kazakhstan's calendar. By default
/// the configuration's `rules.policy_file` and `rules.holidays_file`, else `config/…` in a
/// checkout and, when installed, `/etc/cpdbot/…` over `/usr/share/cpdbot/config/…` – the files
/// `cpdbot run` reads, read the same way (Config's size cap and messages).
struct RuleFileOptions: ParsableArguments {
    @Option(name: [.customLong("policy")], help: "The Regulation's thresholds and dates (YAML); default rules.policy_file.")
    var policyOption: String?

    @Option(name: [.customLong("holidays")], help: "Kazakhstan's public holidays and transferred days off per year (YAML); default rules.holidays_file.")
    var holidaysOption: String?

    /// The configuration's rule files with the options over them.
    func files(_ global: GlobalOptions) throws -> RuleFiles {
        var configuration = try StoreCommands.configuration(global)
        if let policyOption { configuration.rules.policyFile = policyOption }
        if let holidaysOption { configuration.rules.holidaysFile = holidaysOption }
        return global.ruleFiles(configuration)
    }

    func loadPolicy(_ global: GlobalOptions) throws -> Policy {
        let files = try files(global)
        do {
            guard let text = try files.readPolicy() else { return Policy() }
            return try Policy(yaml: text, source: files.policy.path)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        } catch let error as ConfigurationError {
            throw CLIExit.couldNotRun(error.description)
        }
    }

    func loadHolidays(_ global: GlobalOptions) throws -> HolidayCalendar {
        let files = try files(global)
        do {
            return try HolidayCalendar(yaml: try files.readHolidays(), source: files.holidays.path)
        } catch let error as RegulationError {
            throw CLIExit.couldNotRun(error.description)
        } catch let error as ConfigurationError {
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
