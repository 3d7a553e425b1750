public import Intake
public import Staff
import Store

/// The context of `reject_file`: every file that gave no application, with its problem.
/// Each file item carries a flag named for its problem kind, so that the template holds the
/// wording of every variant.
public struct RejectFileContext: Sendable {
    /// The addressee's name; nil when the roster does not know the sender.
    public var name: String?
    /// Every file refused, with why.
    public var problems: [FileProblem]
    /// The attachment size limit (written "10 МБ" / "10 MB" in the reader's language).
    public var maximumSize: ByteCount
    /// The subject of the message answered.
    public var originalSubject: String?

    /// A rejection's facts.
    public init(name: String?, problems: [FileProblem], maximumSize: ByteCount, originalSubject: String?) {
        self.name = name
        self.problems = problems
        self.maximumSize = maximumSize
        self.originalSubject = originalSubject
    }

    /// The template's values.
    public func values() -> [String: Any] {
        let files: [[String: Any]] = problems.map { problem in
            var item: [String: Any] = [problem.kind.rawValue: true]
            if let file = problem.fileName { item["file"] = file }
            return item
        }
        var values: [String: Any] = ["files": files, "max_size": maximumSize, "file_count": files.count]
        if let name { values["name"] = name }
        if let originalSubject { values["original_subject"] = originalSubject }
        return values
    }
}

/// The context of `reject_sender_not_allowed`: who may submit for the unit instead.
public struct SenderNotAllowedContext: Sendable {
    /// The sender, from the roster.
    public var person: RosterPerson
    /// The unit's heads, who may submit.
    public var heads: [RosterPerson]

    /// A rejection's facts.
    public init(person: RosterPerson, heads: [RosterPerson]) {
        self.person = person
        self.heads = heads
    }

    /// The template's values.
    public func values() -> [String: Any] {
        [
            "name": person, "unit": person.unit, "has_heads": !heads.isEmpty,
            "heads": heads.map { ["full_name": $0.fullName, "email": $0.email] },
        ]
    }
}

/// The context of `reject_unknown_sender`.
public struct UnknownSenderContext: Sendable {
    /// The sender's address.
    public var address: String
    /// The subject of the message answered.
    public var originalSubject: String?

    /// A rejection's facts.
    public init(address: String, originalSubject: String?) {
        self.address = address
        self.originalSubject = originalSubject
    }

    /// The template's values.
    public func values() -> [String: Any] {
        var values: [String: Any] = ["address": address]
        if let originalSubject { values["original_subject"] = originalSubject }
        return values
    }
}

/// The context of `reject_dshr_message`: a DSHR message the bot could not act on.
public struct DSHRMessageContext: Sendable {
    /// DSHR's member's name as the greeting uses it.
    public var name: String
    /// Why the message could not be acted on.
    public var reason: RejectReason
    /// The subject of the message answered.
    public var originalSubject: String?

    /// A rejection's facts.
    public init(name: String, reason: RejectReason, originalSubject: String?) {
        self.name = name
        self.reason = reason
        self.originalSubject = originalSubject
    }

    /// The template's values.
    public func values() -> [String: Any] {
        var values: [String: Any] = ["name": name]
        if case let .forwardedAuthorUnknown(author) = reason {
            values["author_unknown"] = true
            values["author"] = author
        } else {
            values["not_understood"] = true
        }
        if let originalSubject { values["original_subject"] = originalSubject }
        return values
    }
}
