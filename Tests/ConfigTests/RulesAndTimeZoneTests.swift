import Foundation
import Testing
@testable import Config

/// Issue 12: `bot.time_zone`, `bot.templates_dir` and `rules.*`, read once through Config.
@Suite struct RulesAndTimeZoneTests {
    @Test func theNewKeysAreRead() throws {
        let loaded = try load("""
            bot: { time_zone: Asia/Aqtobe, templates_dir: /srv/cpdbot/templates }
            rules: { policy_file: /srv/cpdbot/policy.yml, holidays_file: /srv/cpdbot/holidays-kz.yml }
            """)
        #expect(loaded.configuration.bot.timeZone.identifier == "Asia/Aqtobe")
        #expect(loaded.configuration.bot.templatesDirectory == "/srv/cpdbot/templates")
        #expect(loaded.configuration.rules == CPDBotConfiguration.Rules(
            policyFile: "/srv/cpdbot/policy.yml", holidaysFile: "/srv/cpdbot/holidays-kz.yml"))
    }

    @Test func theEnvironmentSetsThemToo() throws {
        let loaded = try load("", environment: ["CPDBOT_BOT_TIME_ZONE": "Europe/Moscow", "CPDBOT_RULES_HOLIDAYS_FILE": "/x/h.yml"])
        #expect(loaded.configuration.bot.timeZone.identifier == "Europe/Moscow")
        #expect(loaded.configuration.rules.holidaysFile == "/x/h.yml")
    }

    @Test(arguments: ["Asia/Almati", "UTC+5", "+05:00", "Almaty"])
    func aWrongZoneNameIsAnErrorNamingTheKey(_ name: String) {
        let found = issues("bot:\n  time_zone: \"\(name)\"")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("bot.time_zone: expected an IANA time zone name such as Asia/Almaty") == true)
        #expect(found.first?.hasSuffix("(cpdbot.yml, line 2)") == true)
    }

    /// Kazakhstan has one zone, UTC+5, since 1 March 2024 (tzdata 2024a). Foundation on Linux
    /// reads its own ICU copy of tzdata; with one older than 2024a, Asia/Almaty would still say
    /// +06:00 after March 2024 and every day boundary would be an hour off – this test is the alarm.
    @Test func asiaAlmatyIsUTCPlusFiveSinceMarch2024() throws {
        let zone = CPDBotConfiguration.defaultTimeZone
        #expect(zone.identifier == "Asia/Almaty")
        let june2026 = Date(timeIntervalSince1970: 1_780_000_000)
        #expect(zone.secondsFromGMT(for: june2026) == 5 * 60 * 60)
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_709_251_200)) == 5 * 60 * 60)  // 2024-03-01 00:00 UTC
        // Before the change Almaty kept UTC+6: the zone's history is there, not a fixed offset.
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_704_067_200)) == 6 * 60 * 60)  // 2024-01-01
    }

    @Test func unsetPathsFollowTheInstallation() {
        let configuration = CPDBotConfiguration()
        let installed = InstallationLayout(executablePath: "/usr/bin/cpdbot") { _ in true }
        #expect(configuration.templatesDirectory(layout: installed) == "/usr/share/cpdbot/templates")
        let files = configuration.ruleFiles(layout: installed)
        // The administrator's copy in /etc/cpdbot when there is one, else the packaged one.
        #expect(["/etc/cpdbot/policy.yml", "/usr/share/cpdbot/config/policy.yml"].contains(files.policy.path))
        #expect(!files.policyIsNamed)
        #expect(configuration.templatesDirectory(layout: .checkout) == "templates")
    }

    @Test func setPathsWinOverTheInstallation() {
        var configuration = CPDBotConfiguration()
        configuration.bot.templatesDirectory = "/srv/t"
        configuration.rules = .init(policyFile: "/srv/p.yml", holidaysFile: "/srv/h.yml")
        let installed = InstallationLayout(executablePath: "/usr/bin/cpdbot") { _ in true }
        #expect(configuration.templatesDirectory(layout: installed) == "/srv/t")
        #expect(configuration.ruleFiles(layout: installed) == RuleFiles(policy: "/srv/p.yml", policyIsNamed: true, holidays: "/srv/h.yml"))
    }

    @Test func aMissingHolidaysFileIsAnErrorNamingTheFileAndTheKey() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = RuleFiles(directory: directory)
        let error = #expect(throws: ConfigurationError.self) { _ = try files.read() }
        let text = error?.description ?? ""
        #expect(text.contains(directory.appendingPathComponent("holidays-kz.yml").path))
        #expect(text.contains("rules.holidays_file"))
    }

    @Test func aMissingPolicyIsFineUnlessItWasNamed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try writeFile("holidays: []\n", named: "holidays-kz.yml", in: directory, mode: 0o644)
        #expect(try RuleFiles(directory: directory).read() == RuleFiles.Texts(policy: nil, holidays: "holidays: []\n"))

        var configuration = CPDBotConfiguration()
        configuration.rules.policyFile = directory.appendingPathComponent("polcy.yml").path
        configuration.rules.holidaysFile = directory.appendingPathComponent("holidays-kz.yml").path
        let error = #expect(throws: ConfigurationError.self) { _ = try configuration.ruleFiles(layout: .checkout).read() }
        #expect(error == .ruleFile(path: directory.appendingPathComponent("polcy.yml").path, key: "rules.policy_file",
                                   problem: "no such file; set rules.policy_file to the university's policy.yml "
                                       + "(or leave it unset for the Regulation's own numbers)"))
    }

    @Test func ruleFilesHaveTheConfigurationFilesCap() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("holidays-kz.yml")
        try Data(repeating: 0x23, count: ConfigurationLoader.maxFileBytes + 1).write(to: path)
        #expect(throws: ConfigurationError.ruleFile(path: path.path, key: "rules.holidays_file",
                                                    problem: "1048577 bytes, more than the 1048576 a configuration file may have")) {
            _ = try RuleFiles(directory: directory).readHolidays()
        }
    }

    /// One YAML reader: what is not YAML is placed by line and column, in cpdbot.yml as in the rule files.
    @Test func brokenYAMLIsPlacedByLineAndColumn() {
        let error = #expect(throws: ConfigurationError.self) { _ = try load("imap:\n  url: [unclosed\n") }
        guard case let .invalidYAML(path, line, column, problem) = error else {
            Issue.record("expected invalidYAML, got \(String(describing: error))")
            return
        }
        #expect(path == "cpdbot.yml")
        #expect(line != nil && column != nil)
        #expect(!problem.isEmpty)
    }
}
