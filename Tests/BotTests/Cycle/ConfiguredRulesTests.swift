import Config
import Foundation
import Logging
import Regulation
import Store
import Testing
@testable import Bot

/// Issue 12: the service takes `policy.yml` and `holidays-kz.yml` from the configuration
/// (`rules.*`), read once when its environment is made – the same files, through the same
/// `CPDBotConfiguration.ruleFiles(layout:)`, as the command line (`GlobalOptions.ruleFiles`).
@Suite struct ConfiguredRulesTests {
    static func environment(_ configuration: CPDBotConfiguration, store: URL) throws -> BotEnvironment {
        BotEnvironment(configuration: configuration, store: try FileStore(root: store),
                       templatesDirectory: MailSandbox.repository.appendingPathComponent("templates"), logger: Logger(label: "test"))
    }

    @Test func theConfiguredPolicyIsTheOneTheServiceUses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policy = folder.appendingPathComponent("policy.yml")
        try Data("cycle: {call_for_applications: \"03-02\"}\n".utf8).write(to: policy)
        var configuration = CPDBotConfiguration()
        configuration.rules.policyFile = policy.path
        configuration.rules.holidaysFile = MailSandbox.repository.appendingPathComponent("config/holidays-kz.yml").path

        let environment = try Self.environment(configuration, store: folder.appendingPathComponent("store"))
        #expect(environment.ruleFiles == configuration.ruleFiles(layout: .current()))
        let rules = try environment.cycleRules.get()
        #expect(rules.policy.cycle.callForApplications == MonthDay("03-02"))
        // Read once: changing the file afterwards changes nothing for this environment.
        try Data("cycle: {call_for_applications: \"05-05\"}\n".utf8).write(to: policy)
        #expect(try environment.cycleRules.get().policy.cycle.callForApplications == MonthDay("03-02"))
    }

    @Test func aMissingCalendarIsNamedWithItsKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpdbot-rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = CPDBotConfiguration()
        configuration.rules.holidaysFile = folder.appendingPathComponent("holidays.yml").path
        let environment = try Self.environment(configuration, store: folder.appendingPathComponent("store"))
        guard case let .failure(error) = environment.cycleRules else {
            Issue.record("a missing holidays file must not load")
            return
        }
        #expect(error.description.contains("rules.holidays_file"))
        #expect(error.description.contains(folder.appendingPathComponent("holidays.yml").path))
    }
}
