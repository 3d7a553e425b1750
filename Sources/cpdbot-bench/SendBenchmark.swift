import ArgumentParser
import Curl
import Foundation
import MIME
import Mail

/// The sending half of `scripts/bench`: composes personalised announcements with the same
/// composer the bot uses and sends them over several SMTP connections at once, each connection
/// reused for all its messages, pipelined. Talks to 127.0.0.1 only.
@main
struct SendBenchmark: ParsableCommand {
    /// The Date header's zone: the university's, as the bot writes it.
    static let almaty = TimeZone(identifier: "Asia/Almaty") ?? .gmt
    static let configuration = CommandConfiguration(
        commandName: "cpdbot-bench",
        abstract: "Sends COUNT announcements of about SIZE bytes to the mail sandbox and prints the rate.")

    @Option var count = 2000
    @Option var size = 6000
    @Option var connections = 4
    /// Announcement n goes to staff(n mod recipients + 1): the benchmark's own mailboxes only.
    @Option var recipients = 100
    /// batch: the outbox's way (pipelined, one round trip per message); single: one `send` per
    /// message (pipelined within it: two); lock-step: no pipelining (four, like libcurl's SMTP).
    @Option var mode: Mode = .batch

    enum Mode: String, ExpressibleByArgument { case batch, single, lockStep = "lock-step" }
    /// Messages composed and handed to the client at a time (bounds memory).
    static let batchSize = 100

    @Option(name: .customLong("ca-file")) var caFile = "var/mail-sandbox/ca.pem"
    @Option(name: .customLong("password-file")) var passwordFile = "var/mail-sandbox/password"
    @Option var url = "smtp://127.0.0.1:10587/kazguu.kz"
    @Option var user = "hr-intake@kazguu.kz"

    func validate() throws {
        guard (1...100_000).contains(count), (1...64).contains(connections), (100...1_000_000).contains(size),
              (1...1100).contains(recipients) else {
            throw ValidationError("count 1…100000, connections 1…64, size 100…1000000, recipients 1…1100")
        }
        guard let host = URL(string: url)?.host, ["127.0.0.1", "localhost", "::1"].contains(host) else {
            throw ValidationError("the benchmark sends to the local sandbox only (127.0.0.1)")
        }
    }

    func run() throws {
        let password = try String(contentsOfFile: passwordFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let settings = ConnectionSettings(url: url, user: user, password: password, caFile: caFile)
        let filler = String(repeating: "Құрметті әріптес! Біліктілікті арттыру жоспары бекітілді. ", count: size / 110)
        let failures = FailureCounter()
        let started = ContinuousClock.now
        // One thread per connection: SMTPClient is blocking and confined to its thread. Each
        // connection gets its messages in batches, so that they are pipelined back to back
        // (RFC 2920) as the bot's outbox sends them; composing is part of the measured time.
        DispatchQueue.concurrentPerform(iterations: connections) { worker in
            do {
                let client = try SMTPClient(settings: settings)
                client.allowsPipelining = mode != .lockStep
                let mine = Array(stride(from: worker, to: count, by: connections))
                for start in stride(from: 0, to: mine.count, by: Self.batchSize) {
                    let batch = mine[start..<min(start + Self.batchSize, mine.count)].map { n in
                        let recipient = String(format: "staff%04d@kazguu.kz", n % recipients + 1)
                        var message = OutgoingMessage(
                            from: Mailbox(displayName: "ДШРД / DSHR", address: user),
                            to: [Mailbox(displayName: nil, address: recipient)],
                            subject: "Біліктілікті арттыру жоспары: сіздің курстарыңыз (\(n))",
                            text: "\(recipient)\n\(filler)", messageIDKey: "bench-announcement-\(n)",
                            messageIDDomain: "kazguu.kz", date: Date(), utcOffsetSeconds: Self.almaty.secondsFromGMT())
                        message.autoSubmitted = "auto-generated"
                        return SMTPMessage(data: Data(MessageComposer.compose(message)), from: user, recipients: [recipient])
                    }
                    if mode == .single {
                        for message in batch {
                            let report = try client.send(message.data, from: message.from, to: message.recipients)
                            if !report.refused.isEmpty { failures.add() }
                        }
                        continue
                    }
                    try client.send(batch) { _, outcome in
                        if (try? outcome.get())?.refused.isEmpty != true { failures.add() }
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("cpdbot-bench: \(error)\n".utf8))
                failures.add()
            }
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print(String(format: "sent=%d connections=%d mode=", count, connections) + mode.rawValue
              + String(format: " seconds=%.3f rate=%.1f failures=%d", seconds, Double(count) / seconds, failures.value))
        if failures.value > 0 { throw ExitCode(1) }
    }
}

/// Counts failures across the sending threads.
final class FailureCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
