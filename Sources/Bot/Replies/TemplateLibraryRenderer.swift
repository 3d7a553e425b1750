import Foundation
import Store
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
        let rendered = try library.render(name, language: language, context: context(strings))
        return RenderedMessage(senderName: library.signature.department[language.wording]
                                   ?? Glossary.term("department", in: language.wording), subject: rendered.subject,
                               text: rendered.text, html: rendered.html)
    }
}
