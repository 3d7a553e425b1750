import Foundation
import Mustache
import Store

/// The reply templates: `<directory>/<lang>/<name>.{subject,txt,html}.mustache`.
///
/// Subjects and plain-text bodies are rendered without escaping; HTML bodies escape every
/// value (names and file names come from senders and must not become markup).
public final class TemplateLibrary: @unchecked Sendable {
    public typealias Language = RosterPerson.Language

    /// The template names the bot uses; every language has each of them.
    public static let names = [
        "receipt", "reject_file", "reject_sender_not_allowed", "reject_unknown_sender", "reject_dshr_message",
        "report_to_dshr", "poison_note", "reject_message", "reject_unit_mismatch",
    ]

    public let directory: URL
    // Parsed templates and strings, by path; guarded by `mutex`. Templates are read on first use.
    private var templates: [String: MustacheTemplate] = [:]
    private var strings: [Language: ReplyStrings] = [:]
    private let mutex = NSLock()

    public init(directory: URL) {
        self.directory = directory
    }

    /// Renders the three parts of template `name` in `language` with `context`.
    public func render(_ name: String, language: Language, context: [String: Any]) throws -> RenderedReply {
        let subject = try template(name, part: "subject", language: language).render(context)
        let text = try template(name, part: "txt", language: language).render(context)
        let html = try template(name, part: "html", language: language).render(context)
        return RenderedReply(subject: Self.oneLine(subject), text: Self.tidy(text), html: html)
    }

    /// Localised column names and row problems of `language`.
    public func strings(_ language: Language) throws -> ReplyStrings {
        mutex.lock()
        defer { mutex.unlock() }
        if let cached = strings[language] { return cached }
        let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent("strings.json")
        guard let data = try? Data(contentsOf: url) else {
            throw ReplyTemplateError.invalidStrings(path: url.path, detail: "the file is missing")
        }
        do {
            let loaded = try JSONDecoder().decode(ReplyStrings.self, from: data)
            strings[language] = loaded
            return loaded
        } catch {
            throw ReplyTemplateError.invalidStrings(path: url.path, detail: "\(error)")
        }
    }

    private func template(_ name: String, part: String, language: Language) throws -> MustacheTemplate {
        let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent("\(name).\(part).mustache")
        mutex.lock()
        defer { mutex.unlock() }
        if let cached = templates[url.path] { return cached }
        // A template name never comes from a message, but it must not walk out of the directory.
        guard !name.contains("/"), !name.contains(".."), let source = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReplyTemplateError.missingTemplate(path: url.path)
        }
        let pragma = part == "html" ? "{{% CONTENT_TYPE: HTML}}" : "{{% CONTENT_TYPE: TEXT}}"
        do {
            let template = try MustacheTemplate(string: pragma + source)
            templates[url.path] = template
            return template
        } catch {
            throw ReplyTemplateError.invalidTemplate(path: url.path, detail: "\(error)")
        }
    }

    /// Subjects become one header-safe line: line breaks and control characters from
    /// context values (an original subject, a file name) must not inject headers.
    static func oneLine(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control ? " " : Character(scalar)
        })
        return cleaned.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }

    /// Plain-text bodies: no more than one empty line in a row, one final newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.last == " " ? Substring(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)) : line
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
