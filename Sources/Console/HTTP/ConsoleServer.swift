public import Bot
import Store
import Foundation
public import Staff
import HTTPTypes
import Hummingbird
public import Logging
import NIOCore
import NIOPosix
import Config
public import ServiceLifecycle

/// The request context: Hummingbird's core storage and the peer's address (the rate limit's key).
struct ConsoleRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// Hummingbird's side: HTTP in, `ConsoleRequest` to `ConsoleApp`, `ConsoleResponse` back out.
struct ConsoleResponder: HTTPResponder {
    let app: ConsoleApp
    /// A sign-in form is a few hundred bytes; anything bigger is not the console's.
    static let maximumFormBytes = 16 * 1024

    func respond(to request: Request, context: ConsoleRequestContext) async throws -> Response {
        var form: [String: String] = [:]
        if request.method == .post {
            let body = try await request.body.collect(upTo: Self.maximumFormBytes)
            form = ConsoleRequest.decodeForm(String(buffer: body))
        }
        let consoleRequest = ConsoleRequest(
            method: request.method.rawValue, path: request.uri.path,
            query: ConsoleRequest.decodeForm(request.uri.query ?? ""),
            cookies: Self.cookies(request.headers[values: .cookie]), form: form,
            client: Self.client(context.remoteAddress, forwardedFor: request.headers[.init("X-Forwarded-For")!]))
        // Over the pace, the request waits its turn without holding a thread, or is told "busy".
        switch app.pacer.admit(now: RequestPacer.uptime()) {
        case .go: break
        case let .wait(seconds): try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        case .refuse:
            let busy = app.busy(consoleRequest)
            return Self.response(busy, body: ByteBuffer(bytes: busy.body))
        }
        // The store is read with blocking file calls: off the event loop, on the console's own
        // threads at their lower priority (`ConsoleWorkers`), the body's copy included.
        let (answer, body) = await app.workers.run {
            let answer = app.handle(consoleRequest)
            return (answer, ByteBuffer(bytes: answer.body))
        }
        return Self.response(answer, body: body)
    }

    /// The HTTP response of a console answer whose body is already in a buffer.
    static func response(_ answer: ConsoleResponse, body: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = answer.contentType
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: body))
    }

    static func cookies(_ lines: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for line in lines {
            for pair in line.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                // The first cookie of a name wins, as browsers send the most specific path first.
                if cookies[name] == nil { cookies[name] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
        }
        return cookies
    }

    /// The client's address; behind a proxy on this machine (nginx), the address it forwards.
    static func client(_ address: SocketAddress?, forwardedFor: String?) -> String {
        let peer = address?.ipAddress ?? "unknown"
        let isLoopback = peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("::ffff:127.")
        if isLoopback, let forwarded = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
           !forwarded.isEmpty {
            return forwarded
        }
        return peer
    }
}

/// The console as a service of `cpdbot run`'s ServiceGroup, or alone (`cpdbot console`). A
/// console that cannot listen logs why and waits for shutdown: the bot's mail goes on.
public struct ConsoleService: Service {
    let app: ConsoleApp
    let host: String
    let port: Int
    let logger: Logger
    let onListening: @Sendable (Int) async -> Void

    /// The `/metrics` figures of this console (`cpdbot run` records its polls there).
    public var metrics: ConsoleMetrics { app.metrics }

    /// A service listening on `host:port`; `onListening` gets the port bound (0 asks for any).
    public init(app: ConsoleApp, host: String, port: Int, logger: Logger,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.app = app
        self.host = host
        self.port = port
        self.logger = logger
        self.onListening = onListening
    }

    /// For `cpdbot console` alone: the whole process at `console.nice` (inside `cpdbot run` only
    /// the console's own threads are, the bot's keep their priority).
    public func lowerProcessPriority() {
        ThreadPriority.setProcess(nice: app.settings.nice)
    }

    /// Serves until the service group shuts down; a failure to listen is logged, not thrown.
    public func run() async throws {
        // An event loop of the console's own, niced like its workers: parsing and writing HTTP
        // for a flood of requests must not take the mail loop's CPU either.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let nice = app.settings.nice
        for loop in group.makeIterator() {
            _ = try? await loop.submit { ThreadPriority.setCurrent(nice: nice) }.get()
        }
        defer { group.shutdownGracefully { _ in } }
        let application = Application(
            responder: ConsoleResponder(app: app),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [logger, onListening] channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("console listening on \(channel.localAddress?.description ?? "?")")
                await onListening(port)
            },
            eventLoopGroupProvider: .shared(group),
            logger: logger)
        do {
            try await application.run()
        } catch {
            logger.error("\(ConsoleError.listen(address: "\(host):\(port)", reason: "\(error)"))")
            // Ending early would stop the whole group, the bot with it: wait for the shutdown instead.
            try? await gracefulShutdown()
        }
    }
}

/// The production mailer: the bot's outbox, then a nudge to the loop that sends it.
public struct OutboxSignInMailer: SignInMailing {
    let environment: BotEnvironment
    let wake: @Sendable () -> Void

    /// A mailer that queues into `environment`'s outbox and calls `wake` so that the loop sends.
    public init(environment: BotEnvironment, wake: @escaping @Sendable () -> Void) {
        self.environment = environment
        self.wake = wake
    }

    /// Queues the sign-in mail in the person's language and returns its Message-ID.
    public func send(to person: RosterPerson, link: String, validMinutes: Int, key: String) throws -> String {
        let messageID = try ConsoleSignInMail(environment: environment).queue(to: person, link: link,
                                                                              validMinutes: validMinutes, key: key)
        wake()
        return messageID
    }

    /// Wakes the mail loop.
    public func outboxChanged() { wake() }
}
