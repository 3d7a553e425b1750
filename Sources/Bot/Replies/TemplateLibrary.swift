public import Foundation
import Mustache
public import Staff
import Store

/// The reply templates: `<directory>/<lang>/<name>.{subject,txt,html}.mustache`.
///
/// Subjects and plain-text bodies are rendered without escaping; HTML bodies escape every
/// value (names and file names come from senders and must not become markup).
public final class TemplateLibrary: @unchecked Sendable {
    /// The languages templates exist in (kk, ru, en).
    public typealias Language = RosterPerson.Language

    /// The template names the bot uses; every language has each of them.
    public static let names = [
        "receipt", "reject_file", "reject_sender_not_allowed", "reject_unknown_sender", "reject_dshr_message",
        "report_to_dshr", "poison_note", "reject_message", "reject_unit_mismatch",
    ]

    /// `templates/`, with one folder per language.
    public let directory: URL
    /// The closing every mail ends with (`{{signature.*}}`).
    public let signature: MailSignature
    // Parsed templates and strings, by path; guarded by `mutex`. Templates are read on first use.
    private var templates: [String: MustacheTemplate] = [:]
    private var strings: [Language: ReplyStrings] = [:]
    private let mutex = NSLock()

    /// A library over `directory`; templates are read and compiled on first use.
    public init(directory: URL, signature: MailSignature = MailSignature()) {
        self.directory = directory
        self.signature = signature
    }

    /// Renders the three parts of template `name` in `language` with `context`. Dates
    /// (`CivilDate`), numbers, `Tenge` and `ByteCount` values are written in the reader's
    /// language (`MailValues`); `greeting`, `signature` and `term` are added.
    public func render(_ name: String, language: Language, context: [String: Any]) throws -> RenderedReply {
        let parts = try ["subject", "txt", "html"].map { try template(name, part: $0, language: language) }
        let context = MailValues.localize(context, language: language.wording, strings: try strings(language),
                                          signature: signature)
        let subject = parts[0].render(context)
        let text = parts[1].render(context)
        let html = Self.laidOut(parts[2].render(context))
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

    fileprivate func template(_ name: String, part: String, language: Language) throws -> MustacheTemplate {
        let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent("\(name).\(part).mustache")
        mutex.lock()
        defer { mutex.unlock() }
        if let cached = templates[url.path] { return cached }
        // A template name never comes from a message, but it must not walk out of the directory.
        guard !name.contains("/"), !name.contains(".."), let source = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReplyTemplateError.missingTemplate(path: url.path)
        }
        let pragma = part == "html" ? "{{% CONTENT_TYPE: HTML}}" : "{{% CONTENT_TYPE: TEXT}}"
        var text = try includingPartials(source, part: part, language: language)
        if part == "html" { text = Self.styledParagraphs(text) }
        do {
            let template = try MustacheTemplate(string: pragma + text)
            templates[url.path] = template
            return template
        } catch {
            throw ReplyTemplateError.invalidTemplate(path: url.path, detail: "\(error)")
        }
    }

    /// `{{> closing}}` is replaced by `<language>/_closing.<part>.mustache`, so that every mail
    /// ends with the same signature (the library parses each file on its own).
    private func includingPartials(_ source: String, part: String, language: Language) throws -> String {
        var text = source
        while let range = text.range(of: #"\{\{> *([a-z_]+) *\}\}"#, options: .regularExpression) {
            let name = text[range].dropFirst(3).dropLast(2).trimmingCharacters(in: .whitespaces)
            let url = directory.appendingPathComponent(language.rawValue).appendingPathComponent("_\(name).\(part).mustache")
            guard let partial = try? String(contentsOf: url, encoding: .utf8) else {
                throw ReplyTemplateError.missingTemplate(path: url.path)
            }
            text.replaceSubrange(range, with: partial.hasSuffix("\n") ? String(partial.dropLast()) : partial)
        }
        return text
    }

    /// Every client shows a mail the same when its body sits in a centred 640 px layout table
    /// (`role="presentation"`, inline styles); a template that does not lay itself out gets it here.
    static func laidOut(_ html: String) -> String {
        guard !html.contains(#"role="presentation""#),
              let open = html.range(of: #"<body[^>]*>"#, options: .regularExpression),
              let close = html.range(of: "</body>", options: .backwards), open.upperBound <= close.lowerBound else { return html }
        let body = html[open.upperBound..<close.lowerBound]
        return String(html[..<open.lowerBound]) + #"""
            <body style="margin: 0; padding: 0; background-color: #f4f4f4;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse; background-color: #f4f4f4;"><tr><td align="center" style="padding: 16px 8px;">
            <table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse; width: 100%; max-width: 640px; background-color: #ffffff;"><tr><td style="padding: 24px; font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; color: #222222;">
            """# + body + "</td></tr></table>\n</td></tr></table>\n</body>" + String(html[close.upperBound...])
    }

    /// Clients give a bare `<p>` different margins (Outlook none at all), so every paragraph
    /// a template writes as `<p>` gets the same inline margin.
    static func styledParagraphs(_ html: String) -> String {
        html.replacingOccurrences(of: "<p>", with: #"<p style="margin: 0 0 12px 0;">"#)
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

extension TemplateLibrary {
    /// Every problem of the templates folder, for `cpdbot check`: a template present in one
    /// language but missing in another, a template that is not valid Mustache, a language's
    /// `strings.json` missing or unreadable. Empty when all is well.
    public func problems() -> [ReplyTemplateError] {
        var namesByLanguage: [Language: Set<String>] = [:]
        for language in Language.allCases {
            let folder = directory.appendingPathComponent(language.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            namesByLanguage[language] = Set(files.filter { $0.hasSuffix(".mustache") })
        }
        let every = namesByLanguage.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            .union(Self.names.flatMap { name in ["subject", "txt", "html"].map { "\(name).\($0).mustache" } })
        var problems: [ReplyTemplateError] = []
        for language in Language.allCases {
            do { _ = try strings(language) } catch let error as ReplyTemplateError { problems.append(error) } catch {}
            for file in every.sorted() {
                let parts = file.split(separator: ".")
                guard parts.count == 3 else { continue }
                do {
                    _ = try template(String(parts[0]), part: String(parts[1]), language: language)
                } catch let error as ReplyTemplateError {
                    problems.append(error)
                } catch {}
            }
        }
        return problems
    }
}
