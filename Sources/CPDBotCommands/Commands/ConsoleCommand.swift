import ArgumentParser
import Bot
import Config
import Console
import Foundation
import Logging
import Mail
import ServiceLifecycle
import Store
import UnixSignals

/// `cpdbot console`: the web console alone (issue 17), e.g. on a second machine that reads the
/// store, or while `run` is stopped. Inside `cpdbot run` it starts by itself when `console.listen`
/// is set.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Serve DSHR's web console (console.listen) until SIGTERM or SIGINT.",
        discussion: """
            Sign-in links go into the outbox. When no `cpdbot run` holds the store, the console \
            sends them itself; otherwise the running bot sends them at its next pass (run the \
            console inside `cpdbot run` to have them sent at once).
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let environment = bootstrap.environment
        guard let listen = environment.configuration.console.listen else {
            throw CLIExit.couldNotRun("console.listen is empty: set it (e.g. 127.0.0.1:8080) to serve the console")
        }
        let service = try ConsoleSetup.service(environment: environment, templates: global.templatesDirectory(environment.configuration),
                                               listen: listen, wake: { ConsoleSetup.flushIfAlone(environment) })
        // Alone, the process is all console: below a bot on the same machine (`console.nice`).
        service.lowerProcessPriority()
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: environment.logger))
        do {
            try await group.run()
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
    }
}

/// What `run` and `console` share: the console's templates, app and service.
enum ConsoleSetup {
    static func service(environment: BotEnvironment, templates: String, listen: CPDBotConfiguration.Console.Listen,
                        wake: @escaping @Sendable () -> Void) throws -> ConsoleService {
        let directory = URL(fileURLWithPath: templates).appendingPathComponent("console")
        let loaded: ConsoleTemplates
        do {
            loaded = try ConsoleTemplates(directory: directory, timeZone: environment.timeZone)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        let app = ConsoleApp(environment: environment, templates: loaded,
                             mailer: OutboxSignInMailer(environment: environment, wake: wake))
        var logger = environment.logger
        logger[metadataKey: "service"] = "console"
        return ConsoleService(app: app, host: listen.host, port: listen.port, logger: logger)
    }

    /// Without a running bot, the console sends its sign-in mail itself (holding the store's lock
    /// for the flush, so a bot that starts meanwhile waits rather than sending twice).
    static func flushIfAlone(_ environment: BotEnvironment) {
        Thread.detachNewThread {
            guard let lock = try? environment.store.lock() else { return }
            defer { withExtendedLifetime(lock) {} }
            do {
                let runner = try BotRunner(environment: environment)
                defer { runner.disconnect() }
                _ = try runner.flushOutbox()
            } catch {
                environment.logger.error("console: sending the sign-in mail: \(error); it stays in the outbox")
            }
        }
    }
}
