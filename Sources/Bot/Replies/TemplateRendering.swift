/// A rendered message: what the templates produce for one language.
struct RenderedMessage: Sendable {
    var senderName: String?
    var subject: String
    var text: String
    var html: String?
}

/// Rendering texts from templates/<language>/<name>.*; `TemplateLibraryRenderer` implements it,
/// `ReplyWriter` (Sending) uses it: texts are made here, sent there.
protocol TemplateRendering: Sendable {
    func render(_ name: String, language: String, context: (ReplyStrings) -> [String: Any]) throws -> RenderedMessage
}
