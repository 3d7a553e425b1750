import Foundation
import Store

/// The bot's `TemplateRendering`: the template library of templates/<language>/.
struct TemplateLibraryRenderer: TemplateRendering {
    let library: TemplateLibrary

    init(directory: URL) throws {
        library = TemplateLibrary(directory: directory)
    }

    func render(_ name: String, language: String, context: (ReplyStrings) -> [String: Any]) throws -> RenderedMessage {
        let language = RosterPerson.Language(rawValue: language) ?? .kk
        let strings = try library.strings(language)
        let rendered = try library.render(name, language: language, context: context(strings))
        return RenderedMessage(senderName: strings.words["sender_name"], subject: rendered.subject,
                               text: rendered.text, html: rendered.html)
    }
}
