import ArgumentParser
import Bot
import Config
import Foundation
import Logging
import Store

/// What every command that uses the store and the mail servers starts with: the configuration,
/// the store (locked when the command changes it), the templates and a logger on stderr.
struct BotBootstrap {
    let configuration: CPDBotConfiguration
    let store: FileStore
    let environment: BotEnvironment
    /// Held for the command's life; nil for read-only commands.
    let lock: StoreLock?

    init(global: GlobalOptions, exclusive: Bool, logLevel: Logger.Level = .info) throws {
        LogSetup.install(format: global.logFormat, level: logLevel)
        let configurationFile = global.configurationFile
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigurationLoader().load(file: configurationFile, missingMeansDefaults: !global.configurationFileWasNamed)
        } catch {
            throw CLIExit.couldNotRun("configuration \(configurationFile): \(error)")
        }
        for note in loaded.notes { CLIExit.printNote(note) }
        configuration = loaded.configuration
        let root = URL(fileURLWithPath: configuration.store.path)
        do {
            store = try FileStore(root: root)
            lock = exclusive ? try store.lock() : nil
        } catch {
            throw CLIExit.couldNotRun("store \(root.path): \(error)")
        }
        var logger = Logger(label: "cpdbot")
        logger.logLevel = logLevel
        let templates = URL(fileURLWithPath: global.templatesDirectory(configuration))
        guard FileManager.default.fileExists(atPath: templates.appendingPathComponent("en").path) else {
            throw CLIExit.couldNotRun("no message templates at \(templates.path) (set bot.templates_dir, or pass --templates DIR)")
        }
        let ruleFiles = global.ruleFiles(configuration)
        environment = BotEnvironment(configuration: configuration, store: store, templatesDirectory: templates,
                                     ruleFiles: ruleFiles, logger: logger)
    }

    /// Runs `work` with a `BotRunner` made and used on a thread of its own (libcurl blocks;
    /// `Task.detached` would block a thread of the cooperative pool), and drops its
    /// connections afterwards.
    func withRunner<T: Sendable>(_ work: @escaping @Sendable (BotRunner) throws -> T) async throws -> T {
        try await BlockingThread.run(named: "cpdbot-command") { [environment] in
            let runner = try BotRunner(environment: environment)
            defer { runner.disconnect() }
            return try work(runner)
        }
    }
}
