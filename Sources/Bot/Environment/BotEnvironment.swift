public import Config
public import Foundation
public import Logging
public import Store

/// What every part of the bot works with: the configuration, the file store, the templates,
/// a logger and the clock (injected so tests can set the date).
public struct BotEnvironment: Sendable {
    /// The configuration, loaded and checked.
    public var configuration: CPDBotConfiguration
    /// The file store.
    public var store: FileStore
    /// `templates/` with one folder per language.
    public var templatesDirectory: URL
    /// `policy.yml` and `holidays-kz.yml`.
    public let ruleFiles: RuleFiles
    /// What those files say, read once when the environment is made; a failure is kept and
    /// thrown where the cycle's mail needs the rules (other mail is handled without them).
    public let cycleRules: Result<CycleRules, CycleError>
    /// The university's time zone (`bot.time_zone`).
    public var timeZone: TimeZone { configuration.bot.timeZone }
    /// Where the bot logs.
    public var logger: Logger
    /// The clock; tests set the date.
    public var now: @Sendable () -> Date

    /// Without `ruleFiles`, the rules are the configuration's (`rules.*`, else the installation's files).
    public init(configuration: CPDBotConfiguration, store: FileStore, templatesDirectory: URL,
                ruleFiles: RuleFiles? = nil, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.store = store
        self.templatesDirectory = templatesDirectory
        let ruleFiles = ruleFiles ?? configuration.ruleFiles(layout: .current())
        self.ruleFiles = ruleFiles
        cycleRules = Result(catching: { () throws(CycleError) -> CycleRules in try CycleRules.load(ruleFiles) })
        self.logger = logger
        self.now = now
    }

    /// The bot's own mail domain, for Message-IDs.
    var domain: String {
        configuration.bot.address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
