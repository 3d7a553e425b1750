/// A parsed message: its header, its MIME tree (the top entity shares the message header) and
/// the defects the parser worked around.
public struct ParsedMessage: Sendable {
    /// The message's top-level header.
    public let header: HeaderSection
    /// The top-level entity; its `content` holds the rest.
    public let root: MIMEPart
    /// Defects anywhere in the message, nested messages included.
    public let defects: [MIMEDefect]

    /// True when the MIME structure could not be split (report as `malformed`).
    public var isStructurallyBroken: Bool { defects.contains { $0.isStructural } }

    /// Every part in MIME order, depth first, entering attached messages.
    public var allParts: [MIMEPart] {
        var out: [MIMEPart] = []
        func walk(_ p: MIMEPart) {
            out.append(p)
            switch p.content {
            case .single: break
            case let .multipart(children): children.forEach(walk)
            case let .message(m): walk(m.root)
            }
        }
        walk(root)
        return out
    }

    /// Every part that carries a file name, in MIME order (attached messages and their parts included).
    public var fileParts: [MIMEPart] { allParts.filter { $0.filename != nil } }
}
