import ArgumentParser
import Bot
import Config
import Console
import Logging
import Mail
import ServiceLifecycle
import UnixSignals

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the service: handle mail as it arrives and send what is due, until SIGTERM or SIGINT.",
        discussion: """
            Waits for new mail with IMAP IDLE (or polls every poll_interval_seconds). When a server \
            is down it retries with growing pauses and says why in the log. On SIGTERM or SIGINT it \
            finishes the message in hand and exits.
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: true)
        // The console (console.listen) wakes the mail loop when it queues a sign-in link.
        let waker: IdleWaker
        do { waker = try IdleWaker() } catch { throw CLIExit.couldNotRun("\(error)") }
        var console: ConsoleService?
        if let listen = bootstrap.configuration.console.listen {
            console = try ConsoleSetup.service(
                environment: bootstrap.environment, templates: global.templatesDirectory(bootstrap.configuration), listen: listen,
                wake: { waker.wake() })
        }
        // Each poll's duration goes to the console's /metrics (the console in this process).
        let service = BotService(environment: bootstrap.environment, storeLock: bootstrap.lock, waker: waker,
                                 onPoll: { [metrics = console?.metrics] in metrics?.recordPoll(duration: $0, succeeded: $1) })
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: service)]
        if let console { services.append(.init(service: console)) }
        let group = ServiceGroup(configuration: .init(
            services: services,
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: bootstrap.environment.logger))
        do {
            try await group.run()
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        withExtendedLifetime(bootstrap.lock) {}
    }
}
