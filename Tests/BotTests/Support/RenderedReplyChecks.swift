import Foundation
import Staff
import Store
import Testing
@testable import Bot

/// What every rendered template must be, whatever it says: no placeholder left, no part empty,
/// a one-line subject, HTML in the reader's language with the given sender values escaped, and
/// Kazakh written with its own letters.
enum RenderedReplyChecks {
    static let kazakhLetters = Set("ӘҒҚҢӨҰҮҺІәғқңөұүһі")

    static func expectComplete(_ reply: RenderedReply, language: RosterPerson.Language, label: String,
                               minimumLength: Int = 20, unescaped: [String],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        for (part, text) in [("subject", reply.subject), ("txt", reply.text), ("html", reply.html)] {
            #expect(!text.contains("{{") && !text.contains("}}"), "\(label).\(part)", sourceLocation: sourceLocation)
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).count > minimumLength, "\(label).\(part)",
                    sourceLocation: sourceLocation)
        }
        #expect(!reply.subject.contains("\n") && !reply.subject.contains("\r"), "\(label)", sourceLocation: sourceLocation)
        #expect(reply.html.contains("<html lang=\"\(language.rawValue)\">"), "\(label)", sourceLocation: sourceLocation)
        for markup in unescaped {
            #expect(!reply.html.contains(markup), "values escaped in HTML: \(label)", sourceLocation: sourceLocation)
        }
        if language == .kk {
            #expect(reply.text.contains(where: kazakhLetters.contains), "\(label)", sourceLocation: sourceLocation)
        }
    }
}
