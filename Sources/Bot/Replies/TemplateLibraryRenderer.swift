import Foundation
import Staff
import Store
import MIME
import Wording

/// The bot's `TemplateRendering`: the template library of templates/<language>/.
struct TemplateLibraryRenderer: TemplateRendering {
    let library: TemplateLibrary

    init(directory: URL, signature: MailSignature = MailSignature()) throws {
        library = TemplateLibrary(directory: directory, signature: signature)
    }

    func render(_ name: String, language: String, context: (ReplyStrings) -> [String: Any]) throws -> RenderedMessage {
        let language = RosterPerson.Language(rawValue: language) ?? .kk
        let strings = try library.strings(language)
        let rendered = try library.render(name, language: language, context: Self.visible(context(strings)))
        return RenderedMessage(senderName: library.signature.department[language.wording]
                                   ?? Glossary.term("department", in: language.wording), subject: rendered.subject,
                               text: rendered.text, html: rendered.html)
    }

    /// Every text in a context, with hidden characters made visible (`VisibleText`): whatever
    /// a sender wrote – a subject, a file name, a cell – reaches no reply with a bidirectional
    /// override or a control character in it.
    static func visible(_ context: [String: Any]) -> [String: Any] {
        context.mapValues(visibleValue)
    }

    private static func visibleValue(_ value: Any) -> Any {
        switch value {
        case let text as String: return VisibleText.visible(text, keepingLineBreaks: true)
        case let list as [[String: Any]]: return list.map(visible)
        case let list as [String]: return list.map { VisibleText.visible($0, keepingLineBreaks: true) }
        case let list as [Any]: return list.map(visibleValue)
        case let nested as [String: Any]: return visible(nested)
        default: return value
        }
    }
}
