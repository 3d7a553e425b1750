import Foundation
import Store

/// The bot's `TemplateRendering`: the template library, with the labels of `strings.json`
/// filled into the problem rows before rendering (templates cannot look codes up themselves).
struct TemplateLibraryRenderer: TemplateRendering {
    let library: TemplateLibrary

    init(directory: URL) throws {
        library = TemplateLibrary(directory: directory)
    }

    func render(_ name: String, language: String, context: [String: Any]) throws -> RenderedMessage {
        let language = RosterPerson.Language(rawValue: language) ?? .kk
        let strings = try library.strings(language)
        var context = context
        if let problems = context["problems"] as? [[String: Any]] {
            context["problems"] = problems.map { problem -> [String: Any] in
                var labelled = problem
                let field = problem["field"] as? String ?? ""
                let row = strings.rowProblem(field: field, problem: problem["problem"] as? String ?? "")
                labelled["column"] = strings.column(field)
                labelled["problem_text"] = row.problem
                labelled["advice"] = row.advice
                return labelled
            }
        }
        let rendered = try library.render(name, language: language, context: context)
        return RenderedMessage(senderName: strings.word("sender_name"), subject: rendered.subject,
                               text: rendered.text, html: rendered.html)
    }
}
