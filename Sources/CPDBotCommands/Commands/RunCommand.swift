import ArgumentParser
import Bot
import Config
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
        let service = BotService(environment: bootstrap.environment, storeLock: bootstrap.lock, waker: waker)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: service)]
        if let listen = bootstrap.configuration.console.listen {
            services.append(.init(service: try ConsoleSetup.service(
                environment: bootstrap.environment, templates: global.templatesDirectory(bootstrap.configuration), listen: listen,
                wake: { waker.wake() })))
        }
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
