extension SMTPClient {
    /// The SASL mechanisms the server's EHLO offers (`AUTH PLAIN LOGIN XOAUTH2`), upper-cased;
    /// empty when it offers none. Opens the session when there is none: with an empty user
    /// (no AUTH) this is what the server offers before a login, for `cpdbot check`.
    public func offeredAuthMechanisms() throws(MailError) -> Set<String> {
        try connected().capabilities.authMechanisms
    }
}
