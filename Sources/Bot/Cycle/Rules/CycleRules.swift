public import Config
public import Foundation
public import Regulation

/// The Regulation's numbers and Kazakhstan's calendar, as the cycle's mail needs them. Read once
/// at start from the files `rules.policy_file` and `rules.holidays_file` name (or the
/// installation's copies), so the bot and the CLI use the same files.
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

    /// Reads both files where `files` says (`rules.*` of the configuration, else the
    /// installation's: `/etc/cpdbot` over `/usr/share/cpdbot/config`). Config reads them (one
    /// size cap, errors naming the file and the key); the Regulation parses them.
    public static func load(_ files: RuleFiles) throws(CycleError) -> CycleRules {
        let texts: RuleFiles.Texts
        do throws(ConfigurationError) {
            texts = try files.read()
        } catch {
            throw .rules(error.description)
        }
        let policy: Policy
        let calendar: HolidayCalendar
        do throws(RegulationError) {
            policy = try texts.policy.map { text throws(RegulationError) in try Policy(yaml: text, source: files.policy.path) } ?? Policy()
            calendar = try HolidayCalendar(yaml: texts.holidays, source: files.holidays.path)
        } catch {
            throw .rules(error.description)
        }
        return try CycleRules(policy: policy, calendar: calendar)
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
