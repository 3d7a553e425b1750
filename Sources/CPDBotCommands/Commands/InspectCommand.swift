import ArgumentParser
import Foundation
import MIME

/// `cpdbot inspect FILE.eml`: shows how the bot reads one message, without touching the store.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how the bot reads one message.",
        discussion: """
            Prints the sender, recipients, date, subject, Message-ID, whether it is an auto-reply or a \
            bounce, who wrote the original of a forward, the topmost Authentication-Results, and every \
            part that carries a file name (size and SHA-256 of the decoded bytes; files inside winmail.dat). \
            Exit code 1 when the message is malformed or a part is damaged.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The message file (.eml, RFC 5322).")
    var file: String

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CLIExit.couldNotRun("cannot read \(file): \(error.localizedDescription)")
        }
        let summary: MessageSummary
        do {
            summary = try MessageSummary.read([UInt8](data))
        } catch {
            CLIExit.printError("\(file): \(error.description)")
            throw CLIExit.inputHadProblems
        }
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let out = try encoder.encode(summary)
            FileHandle.standardOutput.write(out + Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(InspectText.render(summary).utf8))
        }
        if summary.malformed || summary.attachments.contains(where: \.damaged) { throw CLIExit.inputHadProblems }
    }
}

/// The human-readable form of a summary.
enum InspectText {
    static func render(_ s: MessageSummary) -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) { lines.append(label.padding(toLength: 16, withPad: " ", startingAt: 0) + (value ?? "–")) }
        add("From:", [s.fromName, s.from.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        // Every author, not just the first: a message with several is never credited to one.
        if s.fromAll.count > 1 { add("Authors:", "\(s.fromAll.count): " + s.fromAll.joined(separator: ", ")) }
        if !s.sender.isEmpty { add("Sender:", s.sender.joined(separator: ", ")) }
        add("To:", s.to.joined(separator: ", "))
        add("Date:", s.date)
        add("Subject:", s.subject)
        add("Message-ID:", s.messageId)
        if !s.inReplyTo.isEmpty { add("In-Reply-To:", s.inReplyTo.joined(separator: " ")) }
        add("Auto-reply:", s.autoReply ? "yes (" + s.autoReplySignals.joined(separator: "; ") + ")" : "no")
        if let b = s.bounce {
            add("Bounce:", "yes (\(b.format)); failed: " + b.failedRecipients.joined(separator: ", ") + (b.originalMessageId.map { "; original \($0)" } ?? ""))
        } else {
            add("Bounce:", "no")
        }
        if let f = s.forward {
            add("Forward of:", [f.authorName, f.author.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ") + " [\(f.evidence)]")
            if let subject = f.subject { add("  subject:", subject) }
            if let date = f.date { add("  date:", date) }
        } else {
            add("Forward:", "no")
        }
        if let a = s.authenticationResults {
            add("Auth results:", "\(a.authservId): dmarc=\(a.dmarc ?? "–") spf=\(a.spf ?? "–") dkim=\(a.dkim ?? "–")" + (a.headerFrom.map { " header.from=\($0)" } ?? ""))
        } else {
            add("Auth results:", "none")
        }
        add("Structure:", s.malformed ? "MALFORMED (parts cannot be split)" : "ok")
        for d in s.defects { add("  defect:", d) }
        lines.append("Files (\(s.attachments.count)):")
        for file in s.attachments { lines.append(contentsOf: describe(file, indent: "  ")) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ f: MessageSummary.FileSummary, indent: String, marker: String = "") -> [String] {
        var flags: [String] = []
        if f.insideForwardedMessage { flags.append("inside forwarded message") }
        if f.inline { flags.append("inline") }
        if f.damaged { flags.append("DAMAGED") }
        let size = f.size.map { "\($0) bytes" } ?? "size unknown"
        var lines = ["\(indent)\(marker)\(visible(f.filename))  \(f.contentType)  \(size)" + (flags.isEmpty ? "" : "  [" + flags.joined(separator: ", ") + "]")]
        let body = indent + String(repeating: " ", count: marker.count)
        lines.append("\(body)  sha256 \(f.sha256 ?? "–")")
        if let p = f.problem { lines.append("\(body)  problem: \(p)") }
        for inner in f.contains ?? [] { lines.append(contentsOf: describe(inner, indent: body + "  ", marker: "⊃ ")) }
        return lines
    }

    /// File names may hold control characters (NUL…): show them escaped, never raw on a terminal.
    private static func visible(_ name: String) -> String {
        String(name.unicodeScalars.flatMap { s -> [Character] in
            s.properties.generalCategory == .control ? Array("\\u{\(String(s.value, radix: 16))}") : [Character(s)]
        })
    }
}
