/// The author a forward names: an address when the forwarded block or the attached message
/// gives one, otherwise just the display name.
public enum ForwardedAuthor: Equatable, Sendable {
    case address(String)
    case name(String)
}

/// Everything routing needs to know about one incoming message, worked out beforehand by the
/// MIME and Documents readers. Routing itself does no parsing and no I/O.
public struct RoutingFacts: Equatable, Sendable {
    /// The `From:` address; nil when the header is missing or unreadable.
    public var from: String?
    /// `Return-Path: <>`: the message is a notification that must never be answered (RFC 5321 §4.5.5).
    public var returnPathEmpty: Bool
    /// RFC 3834 `Auto-Submitted` other than `no`, `X-Autoreply`, `Precedence: bulk/junk/list`,
    /// or an out-of-office subject.
    public var isAutoReply: Bool
    /// A delivery status notification (`multipart/report; report-type=delivery-status`, or a
    /// mailer-daemon failure notice).
    public var isBounce: Bool
    /// The topmost `Authentication-Results` from the configured trusted server says dmarc (or
    /// spf/dkim) failed: the `From:` cannot be believed.
    public var authDMARCFailFromTrustedServer: Bool
    /// Why the message has no single believable author (several `From:` mailboxes, a bad
    /// `Sender:`, a `From:` the trusted server did not authenticate); nil when it has one.
    public var authorProblem: AuthorProblem?
    /// The original author when the message forwards someone else's mail.
    public var forwardedAuthor: ForwardedAuthor?
    /// A DSHR command tag found in the subject (`SubjectTag.command(in:)`).
    public var commandTag: DSHRCommand?
    /// Every attached file, including files inside a forwarded message or winmail.dat.
    public var attachments: [AttachmentFacts]
    /// Valid rows of an application table pasted into the body; nil when there is none.
    public var bodyTableRows: Int?
    /// The MIME structure could not be split into parts at all.
    public var structureUnsplittable: Bool
    /// The distinct values of the valid rows' school/unit column: whose application it is.
    public var rowUnits: [String] = []

    /// The facts; everything but the sender defaults to "absent".
    public init(
        from: String?, returnPathEmpty: Bool = false, isAutoReply: Bool = false, isBounce: Bool = false,
        authDMARCFailFromTrustedServer: Bool = false, authorProblem: AuthorProblem? = nil, forwardedAuthor: ForwardedAuthor? = nil,
        commandTag: DSHRCommand? = nil, attachments: [AttachmentFacts] = [], bodyTableRows: Int? = nil,
        structureUnsplittable: Bool = false
    ) {
        self.from = from
        self.returnPathEmpty = returnPathEmpty
        self.isAutoReply = isAutoReply
        self.isBounce = isBounce
        self.authDMARCFailFromTrustedServer = authDMARCFailFromTrustedServer
        self.authorProblem = authorProblem
        self.forwardedAuthor = forwardedAuthor
        self.commandTag = commandTag
        self.attachments = attachments
        self.bodyTableRows = bodyTableRows
        self.structureUnsplittable = structureUnsplittable
    }
}
