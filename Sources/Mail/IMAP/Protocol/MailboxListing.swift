import Foundation

/// One mailbox of a `LIST` response (RFC 9051 §7.3.1), with the RFC 6154 special-use
/// attributes the server gave it.
public struct ListedMailbox: Sendable, Equatable {
    /// The name as people read it (decoded from modified UTF-7), full path with separators.
    public var name: String
    /// The hierarchy separator ("/", "."), nil when the server has a flat namespace (NIL).
    public var separator: Character?
    /// Attributes as sent, lower-cased: `\sent`, `\noselect`, `\haschildren`, …
    public var attributes: Set<String>

    /// One listed mailbox (`attributes` lower-cased).
    public init(name: String, separator: Character?, attributes: Set<String>) {
        self.name = name
        self.separator = separator
        self.attributes = attributes
    }

    /// Marked `\Sent` (RFC 6154 §2).
    public var isSent: Bool { attributes.contains("\\sent") }
    /// `\Noselect` or `\NonExistent`: a name in the hierarchy, not a mailbox that holds mail.
    public var isSelectable: Bool { !attributes.contains("\\noselect") && !attributes.contains("\\nonexistent") }
}

/// One personal (or other) namespace of a `NAMESPACE` response (RFC 2342 §5).
public struct IMAPNamespace: Sendable, Equatable {
    /// "" (Dovecot's default), "INBOX." (Courier, Cyrus), …
    public var prefix: String
    /// The namespace's hierarchy separator; nil for a flat one.
    public var separator: Character?

    /// One namespace as the server gave it.
    public init(prefix: String, separator: Character?) {
        self.prefix = prefix
        self.separator = separator
    }
}

/// Reads the values of `* LIST` and `* NAMESPACE` lines. Pure: values in, values out.
enum MailboxListing {
    /// `(\HasNoChildren \Sent) "/" "Sent Items"` → the mailbox; nil when the line is not a LIST
    /// this client can read (it is then ignored, not fatal).
    static func mailbox(_ values: [IMAPValue]) -> ListedMailbox? {
        guard values.count >= 3, let flags = values[0].list else { return nil }
        let attributes = Set(flags.compactMap { $0.atom?.lowercased() })
        let separator: Character?
        switch values[1] {
        case .nil: separator = nil
        default:
            guard let text = values[1].text, text.count == 1 else { return nil }
            separator = text.first
        }
        guard let raw = values[2].text else { return nil }
        // INBOX is case-insensitive (RFC 9051 §5.1): one spelling for the caller.
        let name = raw.uppercased() == "INBOX" ? "INBOX" : ModifiedUTF7.decode(raw)
        return ListedMailbox(name: name, separator: separator, attributes: attributes)
    }

    /// `(("" "/")) NIL NIL` → the personal namespaces (the first list); [] when NIL.
    static func personalNamespaces(_ values: [IMAPValue]) -> [IMAPNamespace] {
        guard let personal = values.first?.list else { return [] }
        return personal.compactMap { entry in
            guard let parts = entry.list, parts.count >= 2, let prefix = parts[0].text else { return nil }
            let separator: Character?
            switch parts[1] {
            case .nil: separator = nil
            default:
                guard let text = parts[1].text, text.count == 1 else { return nil }
                separator = text.first
            }
            return IMAPNamespace(prefix: ModifiedUTF7.decode(prefix), separator: separator)
        }
    }
}
