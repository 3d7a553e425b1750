import CivilCalendar
public import Foundation

extension CPDBotConfiguration {
    /// The Regulation's numbers and Kazakhstan's calendar (`rules.*`): where `policy.yml` and
    /// `holidays-kz.yml` are. Unset, the installation's copies are used (`InstallationLayout`):
    /// `config/` in a checkout, `/etc/cpdbot` over `/usr/share/cpdbot/config` when installed.
    public struct Rules: Sendable, Equatable {
        /// `rules.policy_file`; nil: the installation's `policy.yml` (and when that is missing
        /// too, the Regulation's own numbers).
        public var policyFile: String?
        /// `rules.holidays_file`; nil: the installation's `holidays-kz.yml` (always required).
        public var holidaysFile: String?

        /// Both unset by default: the installation's copies are used.
        public init(policyFile: String? = nil, holidaysFile: String? = nil) {
            self.policyFile = policyFile
            self.holidaysFile = holidaysFile
        }
    }

    /// The zone the university lives in when `bot.time_zone` is not set.
    public static let defaultTimeZoneName = UniversityTimeZone.defaultName

    /// Asia/Almaty (see `UniversityTimeZone`).
    public static let defaultTimeZone: TimeZone = UniversityTimeZone.default

    /// The templates folder: `bot.templates_dir`, else the installation's.
    public func templatesDirectory(layout: InstallationLayout) -> String {
        bot.templatesDirectory ?? layout.templatesDirectory
    }

    /// Where the Regulation's files are: `rules.*`, else the installation's.
    public func ruleFiles(layout: InstallationLayout) -> RuleFiles {
        RuleFiles(policy: rules.policyFile ?? layout.ruleFile(RuleFiles.policyName), policyIsNamed: rules.policyFile != nil,
                  holidays: rules.holidaysFile ?? layout.ruleFile(RuleFiles.holidaysName))
    }
}
