import Foundation
import Regulation

/// The Regulation's numbers and Kazakhstan's calendar, as the cycle's mail needs them. Read from
/// `config/policy.yml` and `config/holidays-kz.yml` next to the templates folder (the layout
/// of the project and of an installation), so the bot and the CLI use the same files.
public struct CycleRules: Sendable {
    /// The Regulation's figures (`policy.yml`).
    public var policy: Policy
    /// Kazakhstan's holidays and transfers (`holidays-kz.yml`).
    public var calendar: HolidayCalendar
    /// How certificate numbers are made (§7.16).
    public var certificateFormat: CertificateNumberFormat
    /// When reminders go out.
    public var schedule: ReminderSchedule

    /// `schedule` overrides the policy's dates (`cpdbot remind --call-on`); without it they are
    /// the policy's (`cycle.call_for_applications`).
    public init(policy: Policy, calendar: HolidayCalendar, schedule: ReminderSchedule? = nil) throws(CycleError) {
        self.policy = policy
        self.calendar = calendar
        self.schedule = schedule ?? ReminderSchedule(callForApplications: policy.cycle.callForApplications)
        do {
            certificateFormat = try CertificateNumberFormat(policy.certificates.numberFormat)
        } catch {
            throw .rules("certificates.number_format: \(error.description)")
        }
    }

    /// Reads both files from `directory` (usually `<project>/config`). A missing policy file
    /// means the Regulation as written; a missing calendar is an error, never a guess.
    public static func load(directory: URL) throws(CycleError) -> CycleRules {
        try load(RuleFiles(directory: directory))
    }

    /// Reads both files where `files` says (an installation: `/etc/cpdbot` over `/usr/share/cpdbot/config`).
    public static func load(_ files: RuleFiles) throws(CycleError) -> CycleRules {
        let policyURL = files.policy
        let holidaysURL = files.holidays
        var policy = Policy()
        do {
            if let text = try read(policyURL) { policy = try Policy(yaml: text, source: policyURL.path) }
            guard let holidays = try read(holidaysURL) else {
                throw CycleError.rules("\(holidaysURL.path) not found: the working-day calendar is needed for the §7.7 deadline; "
                    + "copy config/holidays-kz.yml there")
            }
            return try CycleRules(policy: policy, calendar: try HolidayCalendar(yaml: holidays, source: holidaysURL.path))
        } catch let error as RegulationError {
            throw .rules(error.description)
        } catch let error as CycleError {
            throw error
        } catch {
            throw .rules("\(policyURL.path), \(holidaysURL.path): \(error)")
        }
    }


    private static func read(_ url: URL) throws -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url)
        guard data.count <= 1_048_576 else { throw CycleError.rules("\(url.path) is over 1 MiB; it cannot be a rules file") }
        guard let text = String(data: data, encoding: .utf8) else { throw CycleError.rules("\(url.path) is not UTF-8 text") }
        return text
    }
}

/// When the call for applications goes out. The Regulation (§7.3) fixes no date, so it is the
/// university's setting: `cycle.call_for_applications` in policy.yml (default 15 April), which
/// `cpdbot remind --call-on MM-DD` overrides for one run.
public struct ReminderSchedule: Sendable, Equatable {
    /// The day the call for applications goes out (15 April by default).
    public var callForApplications = MonthDay(month: 4, day: 15)!
    /// A schedule; the default calls on 15 April.
    public init(callForApplications: MonthDay = MonthDay(month: 4, day: 15)!) {
        self.callForApplications = callForApplications
    }
}

/// Where `policy.yml` and `holidays-kz.yml` are read from.
public struct RuleFiles: Sendable, Equatable {
    /// `policy.yml`.
    public var policy: URL
    /// `holidays-kz.yml`.
    public var holidays: URL

    /// The two rule files.
    public init(policy: URL, holidays: URL) {
        self.policy = policy
        self.holidays = holidays
    }

    /// Both files in one folder (the project's `config/`).
    public init(directory: URL) {
        self.init(policy: directory.appendingPathComponent("policy.yml"),
                  holidays: directory.appendingPathComponent("holidays-kz.yml"))
    }

    /// `config/` next to a templates folder: the project's layout.
    public init(nextTo templates: URL) {
        self.init(directory: templates.deletingLastPathComponent().appendingPathComponent("config"))
    }
}
