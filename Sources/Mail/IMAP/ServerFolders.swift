/// Where the server keeps the folders the bot uses: the Sent folder it marks `\Sent`, and the
/// personal namespace new folders go under (`INBOX.` with `.` on Courier-style servers).
/// Pure: built from what `LIST` and `NAMESPACE` said.
public struct ServerFolders: Sendable, Equatable {
    /// The full name of the Sent folder.
    public var sent: String
    /// True when the server marked it `\Sent` (RFC 6154); false when it is the configured fallback.
    public var sentIsSpecialUse: Bool
    /// The personal namespace: its prefix and hierarchy separator.
    public var personal: IMAPNamespace

    /// The folders as found by LIST and NAMESPACE.
    public init(sent: String, sentIsSpecialUse: Bool, personal: IMAPNamespace) {
        self.sent = sent
        self.sentIsSpecialUse = sentIsSpecialUse
        self.personal = personal
    }

    /// What a server without NAMESPACE, SPECIAL-USE or any folder looks like: names as given.
    public static func plain(sent: String) -> ServerFolders {
        ServerFolders(sent: sent, sentIsSpecialUse: false, personal: IMAPNamespace(prefix: "", separator: "/"))
    }

    /// The full name of a folder the bot uses (`Processed` → `INBOX.Processed`). A name already
    /// under the prefix, and INBOX, stay as they are; `/` in a configured name (a subfolder) is
    /// written with the server's separator.
    public func path(for name: String) -> String {
        if name.uppercased() == "INBOX" { return "INBOX" }
        let prefix = personal.prefix
        if !prefix.isEmpty, name.hasPrefix(prefix) { return name }
        var local = name
        if let separator = personal.separator, separator != "/" {
            local = String(local.map { $0 == "/" ? separator : $0 })
        }
        return prefix + local
    }

    /// Chooses the folders from a `LIST "" "*"` and the personal namespaces.
    /// - Sent: a selectable mailbox marked `\Sent` (one under the personal prefix first), else
    ///   `sentFallback` as listed (given in full or under the prefix), else `sentFallback` under
    ///   the prefix, to be created.
    public static func resolve(listed: [ListedMailbox], namespaces: [IMAPNamespace], sentFallback: String) -> ServerFolders {
        let personal = namespaces.first
            ?? IMAPNamespace(prefix: "", separator: listed.lazy.compactMap(\.separator).first ?? "/")
        var folders = ServerFolders(sent: sentFallback, sentIsSpecialUse: false, personal: personal)
        let marked = listed.filter { $0.isSent && $0.isSelectable }
        if let sent = marked.first(where: { $0.name.hasPrefix(personal.prefix) }) ?? marked.first {
            folders.sent = sent.name
            folders.sentIsSpecialUse = true
            return folders
        }
        let names = Set(listed.filter(\.isSelectable).map(\.name))
        folders.sent = names.contains(sentFallback) ? sentFallback : folders.path(for: sentFallback)
        return folders
    }
}
