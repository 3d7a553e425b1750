/// One mailbox from an address header (RFC 5322 §3.4).
public struct Mailbox: Sendable, Equatable, Hashable {
    /// The display name, RFC 2047-decoded; from a trailing comment when only that names the person.
    public let displayName: String?
    /// The address as written (local part case kept).
    public let address: String
    /// The group this mailbox was listed in, if any ("Undisclosed recipients:;" and the like).
    public let group: String?

    public init(displayName: String?, address: String, group: String? = nil) {
        self.displayName = displayName
        self.address = address
        self.group = group
    }

    /// The address lowercased: how the roster matches people.
    public var lowercasedAddress: String { address.lowercased() }

    /// The local part and the domain, split at the last "@".
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        return String(address[address.index(after: at)...]).lowercased()
    }

    public var localPart: String {
        guard let at = address.lastIndex(of: "@") else { return address }
        return String(address[..<at])
    }
}
