public import Staff

/// The one outcome every incoming message ends in; the message is moved to the IMAP folder of
/// the same name.
public enum RoutingOutcome: String, CaseIterable, Sendable {
    case processed, rejected, ignored, reported

    /// The IMAP folder the message is moved to.
    /// The IMAP folder of the outcome.
    public var folder: String {
        switch self {
        case .processed: return "Processed"
        case .rejected: return "Rejected"
        case .ignored: return "Ignored"
        case .reported: return "Reported"
        }
    }
}

/// Why nothing is stored and the sender gets a polite reply.
public enum RejectReason: Equatable, Sendable {
    /// The sender is not in the roster (and not spoofed).
    case unknownSender
    /// The sender (or forwarded author) is in the roster but may not submit (e.g. role `staff`).
    case senderNotAllowed(role: RosterPerson.Role)
    /// DSHR forwarded a message whose author is not in the roster; the reply goes to DSHR.
    case forwardedAuthorUnknown(String)
    /// DSHR sent something that is neither a command nor a recognisable forward.
    case dshrMessageNotUnderstood
    /// The files (or the structure) gave no usable application.
    case files([FileProblem])
    /// The rows name another roster unit than the sender's: nothing is stored under the
    /// sender's unit; the head corrects the column or has that unit's head (or DSHR) send it.
    case unitMismatch(named: String)
}

/// Why DSHR is told and the sender gets no reply.
public enum ReportReason: Equatable, Sendable {
    /// A delivery failure notice for one of the bot's messages.
    case bounce
    /// The trusted server says the `From:` is forged.
    case spoofed(claimedFrom: String?)
    /// A head wrote without an application (a question, a notice): a person should answer.
    case questionWithoutApplication
    /// No usable `From:`: there is no one to answer.
    case noSender
    /// No single author the bot can believe: answering would pick one of them.
    case authorUnclear(AuthorProblem)
}

/// What to do with the message.
public enum RoutingAction: Equatable, Sendable {
    case storeAndReceipt
    case rejectWithReply(RejectReason)
    case ignoreNoReply
    case reportToDSHR(ReportReason)
    case dshrCommand(DSHRCommand)
}

/// The routing of one message.
public struct RoutingDecision: Equatable, Sendable {
    /// The outcome, which names the folder the message is moved to.
    public var outcome: RoutingOutcome
    /// What the bot does with it.
    public var action: RoutingAction
    /// The address whose message it counts as (the original author of a DSHR forward); nil for
    /// bounces, forgeries and messages without a sender.
    public var effectiveSender: String?
    /// The roster entry of `effectiveSender`, when there is one.
    public var person: RosterPerson?
    /// The roster unit the application belongs to.
    public var unit: String?
    /// Who gets the reply, if the action sends one: the effective sender, or the DSHR member
    /// when the problem is with their forward.
    public var replyTo: String?

    /// The IMAP folder the outcome files the message into.
    public var folder: String { outcome.folder }

    /// A decision; the optional parts default to nil.
    public init(
        outcome: RoutingOutcome, action: RoutingAction, effectiveSender: String? = nil,
        person: RosterPerson? = nil, unit: String? = nil, replyTo: String? = nil
    ) {
        self.outcome = outcome
        self.action = action
        self.effectiveSender = effectiveSender
        self.person = person
        self.unit = unit
        self.replyTo = replyTo
    }
}
