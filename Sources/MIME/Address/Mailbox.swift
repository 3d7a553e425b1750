/// One mailbox from an address header (RFC 5322 §3.4).
public struct Mailbox: Sendable, Equatable, Hashable {
    /// The display name, RFC 2047-decoded; from a trailing comment when only that names the person.
    public let displayName: String?
    /// The address as written (local part case kept).
    public let address: String
    /// The group this mailbox was listed in, if any ("Undisclosed recipients:;" and the like).
    public let group: String?

    /// A mailbox as parsed.
    public init(displayName: String?, address: String, group: String? = nil) {
        self.displayName = displayName
        self.address = address
        self.group = group
    }

    /// The address with its ASCII letters lowercased: how the roster matches people. Only
    /// ASCII: Unicode lowercasing turns look-alikes into real letters (the Kelvin sign U+212A
    /// becomes "k"), and `a@\u{212A}azguu.kz` must stay as foreign as it looks.
    public var lowercasedAddress: String {
        String(String.UnicodeScalarView(address.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32).map { $0 } ?? scalar : scalar
        }))
    }

    /// The local part and the domain, split at the last "@".
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// The part before the last `@` (RFC 5322 §3.4.1), the whole address when there is none.
    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }
}
