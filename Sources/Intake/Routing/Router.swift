import Foundation
import MIME
public import Staff

/// The routing rules of DESIGN.md "Messages in" and samples/README.md "Expected actions":
/// a pure function from the facts about a message and the roster to exactly one decision.
///
/// The order of the checks is the point: machine-made mail is recognised before anything
/// could answer it (two bots must never loop), forgeries before the roster is trusted, and
/// who may act before what the files hold.
public enum Router {
    /// The one decision for a message with these facts, given who the bot knows.
    public static func route(_ facts: RoutingFacts, roster: Roster) -> RoutingDecision {
        // 1. Delivery failures go to DSHR; they are machine-made, so never answered.
        if facts.isBounce {
            return RoutingDecision(outcome: .reported, action: .reportToDSHR(.bounce))
        }
        // 2. Auto-replies, and anything with a null return path, are never answered.
        if facts.isAutoReply || facts.returnPathEmpty {
            let person = facts.from.flatMap(roster.person(address:))
            return RoutingDecision(
                outcome: .ignored, action: .ignoreNoReply, effectiveSender: facts.from.map(normalized),
                person: person, unit: person?.unit)
        }
        // 3. A forged From: is not answered (the real owner of the address did not write) but reported.
        if facts.authDMARCFailFromTrustedServer {
            return RoutingDecision(outcome: .reported, action: .reportToDSHR(.spoofed(claimedFrom: facts.from.map(normalized))))
        }
        // 4. One author, or none: several From mailboxes, a bad Sender, an unauthenticated domain.
        if let problem = facts.authorProblem {
            return RoutingDecision(outcome: .reported, action: .reportToDSHR(.authorUnclear(problem)))
        }
        // An address with a space or a control character in it (`a@kazgu u.kz`) is no address
        // at all: a reply to it would reach whatever it becomes once the space is dropped.
        guard let fromAddress = facts.from.map(normalized), !fromAddress.isEmpty,
              !fromAddress.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || VisibleText.isHidden($0) }),
              // Only an ASCII address can be a roster member's, and lowercasing must not make it
              // one: the Kelvin sign U+212A lowercases to "k" (and Swift even compares it equal to "K").
              facts.from?.unicodeScalars.allSatisfy(\.isASCII) == true
        else {
            return RoutingDecision(outcome: .reported, action: .reportToDSHR(.noSender))
        }
        // 5. Only roster members act.
        guard let sender = roster.person(address: fromAddress) else {
            return reject(.unknownSender, sender: fromAddress, person: nil, replyTo: fromAddress)
        }
        if sender.role == .dshr {
            return routeFromDSHR(facts, sender: sender, roster: roster)
        }
        return routeApplication(facts, author: sender, replyTo: sender.email, roster: roster)
    }

    /// DSHR gives commands and forwards other people's messages.
    private static func routeFromDSHR(_ facts: RoutingFacts, sender: RosterPerson, roster: Roster) -> RoutingDecision {
        if let command = facts.commandTag {
            return RoutingDecision(
                outcome: .processed, action: .dshrCommand(command), effectiveSender: sender.email,
                person: sender, unit: sender.unit, replyTo: sender.email)
        }
        guard let forwarded = facts.forwardedAuthor else {
            // Without a tag or a forward there is no telling whose application it would be;
            // storing it under DSHR's own unit would misfile a forward whose header we missed.
            return reject(.dshrMessageNotUnderstood, sender: sender.email, person: sender, replyTo: sender.email)
        }
        let author: RosterPerson?
        let described: String
        switch forwarded {
        case let .address(address):
            author = roster.person(address: address)
            described = normalized(address)
        case let .name(name):
            author = roster.person(named: name)
            described = name
        }
        guard let author else {
            return reject(.forwardedAuthorUnknown(described), sender: sender.email, person: sender, replyTo: sender.email)
        }
        // The forwarded message counts as sent by its author, who gets the receipt or the reply.
        return routeApplication(facts, author: author, replyTo: author.email, roster: roster)
    }

    /// An application from `author` (who sent it, or whose message DSHR forwarded).
    private static func routeApplication(_ facts: RoutingFacts, author: RosterPerson, replyTo: String, roster: Roster) -> RoutingDecision {
        guard author.role == .head else {
            return reject(.senderNotAllowed(role: author.role), sender: author.email, person: author, replyTo: replyTo)
        }
        func decide(_ outcome: RoutingOutcome, _ action: RoutingAction) -> RoutingDecision {
            RoutingDecision(
                outcome: outcome, action: action, effectiveSender: author.email, person: author,
                unit: author.unit, replyTo: replyTo)
        }
        if facts.structureUnsplittable {
            return decide(.rejected, .rejectWithReply(.files([FileProblem(fileName: nil, kind: .malformedStructure)])))
        }
        // Hostile content spoils the whole message, even next to a good table.
        let hostile = facts.attachments.compactMap { attachment -> FileProblem? in
            if attachment.isHostileName { return FileProblem(fileName: attachment.fileName, kind: .hostileName) }
            if attachment.reading == .unsafe { return FileProblem(fileName: attachment.fileName, kind: .unsafeArchive) }
            return nil
        }
        if !hostile.isEmpty {
            return decide(.rejected, .rejectWithReply(.files(hostile)))
        }
        let rows = facts.attachments.reduce(facts.bodyTableRows ?? 0) { total, attachment in
            if case let .usableRows(count) = attachment.reading { return total + max(0, count) }
            return total
        }
        if rows > 0 {
            // The rows are the author's unit's only when they name no other roster unit.
            if let other = UnitMatch.otherUnit(named: facts.rowUnits, sender: author.unit, units: roster.units) {
                return decide(.rejected, .rejectWithReply(.unitMismatch(named: other)))
            }
            // Enclosures that are not tables (a signed scan next to the spreadsheet) are ignored.
            return decide(.processed, .storeAndReceipt)
        }
        let problems = facts.attachments.compactMap(problem(of:))
            + (facts.bodyTableRows == 0 ? [FileProblem(fileName: nil, kind: .emptyTemplate)] : [])
        if !problems.isEmpty {
            return decide(.rejected, .rejectWithReply(.files(problems)))
        }
        // No application at all: a question or a notice, for a person to answer.
        return decide(.reported, .reportToDSHR(.questionWithoutApplication))
    }

    private static func problem(of attachment: AttachmentFacts) -> FileProblem? {
        let kind: FileProblemKind
        switch attachment.reading {
        case .usableRows: kind = .emptyTemplate  // only reached with 0 rows
        case .noTableFound: kind = .noTableFound
        case .unsupported: kind = .unsupportedFormat
        case .archive: kind = .archiveAttachment
        case .corrupt: kind = .encryptedOrCorrupt
        case .tooLarge: kind = .tooLarge
        case .unsafe: kind = .unsafeArchive
        case .notApplication: return nil
        }
        return FileProblem(fileName: attachment.fileName, kind: kind)
    }

    private static func reject(_ reason: RejectReason, sender: String, person: RosterPerson?, replyTo: String) -> RoutingDecision {
        RoutingDecision(
            outcome: .rejected, action: .rejectWithReply(reason), effectiveSender: sender, person: person,
            unit: person?.unit, replyTo: replyTo)
    }

    private static func normalized(_ address: String) -> String {
        var text = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        // ASCII letters only (see `Mailbox.lowercasedAddress`): no look-alike becomes a real letter.
        return text.unicodeScalars.allSatisfy(\.isASCII) ? text.lowercased() : text
    }
}
