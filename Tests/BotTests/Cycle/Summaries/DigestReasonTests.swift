import Foundation
@testable import Intake
import Staff
import Regulation
import Store
import Testing
@testable import Bot

/// The daily summary reads each message's reason back from the journal line the handler wrote:
/// every routing decision and every handler detail maps to its own reason.
@Suite struct DigestReasonTests {
    static let staff = RosterPerson(email: "s@kazguu.kz", fullName: "S", category: .pps, unit: "Law", role: .staff,
                                    leadership: false, language: .kk)

    /// (the decision the router made, the reason the summary must show)
    static let decisions: [(RoutingDecision, DigestReason)] = [
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.unknownSender)), .unknownSender),
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.senderNotAllowed(role: .staff)), person: staff), .senderNotAllowed),
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.forwardedAuthorUnknown("x@y.kz"))), .forwardedAuthorUnknown),
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.dshrMessageNotUnderstood)), .dshrMessageNotUnderstood),
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.files([FileProblem(fileName: "a.pdf", kind: .unsupportedFormat)]))), .files),
        (RoutingDecision(outcome: .rejected, action: .rejectWithReply(.files([]))), .files),
        (RoutingDecision(outcome: .reported, action: .reportToDSHR(.spoofed(claimedFrom: "rector@kazguu.kz"))), .spoofed),
        (RoutingDecision(outcome: .reported, action: .reportToDSHR(.spoofed(claimedFrom: nil))), .spoofed),
        (RoutingDecision(outcome: .reported, action: .reportToDSHR(.bounce)), .bounce),
        (RoutingDecision(outcome: .reported, action: .reportToDSHR(.questionWithoutApplication)), .question),
        (RoutingDecision(outcome: .reported, action: .reportToDSHR(.noSender)), .noSender),
        (RoutingDecision(outcome: .ignored, action: .ignoreNoReply), .autoReply),
    ]

    @Test(arguments: decisions)
    func everyDecisionHasItsReason(_ example: (RoutingDecision, DigestReason)) {
        #expect(DigestReason(detail: example.0.journalDetail) == example.1, "\(example.0.journalDetail)")
    }

    /// The details `MessageHandler` writes itself, and lines this version does not know.
    @Test(arguments: [
        ("processing failed: index out of range", DigestReason.processingFailed),
        ("processing failed (calendar): no calendar for 2031", .processingFailed),
        ("unreadable message: truncated header", .unreadable),
        ("unreadable message (too_deep): nesting 33 is over the maximum 32 (limits.max_mime_depth)", .unreadable),
        ("message of 40000000 bytes is over the limit of 26214400", .tooLarge),
        ("refused: somethingNew(42)", .other),
        ("reported to DSHR: ", .other),
        ("", .other),
        ("refused:unknownSender", .other),
        ("REFUSED: unknownSender", .other),
        ("auto-generated: not answered!", .other),
    ])
    func handlerDetails(detail: String, reason: DigestReason) {
        #expect(DigestReason(detail: detail) == reason)
    }

    @Test func noDetailIsOther() {
        #expect(DigestReason(detail: nil) == .other)
        #expect(!DigestReason.other.showsDetail && DigestReason.processingFailed.showsDetail && !DigestReason.spoofed.showsDetail)
    }

    /// The kind a failure or refusal was journalled with is the key its words are found under;
    /// lines from before the kind was journalled, and kinds this version does not know, get the general words.
    @Test(arguments: [
        ("processing failed (calendar): no calendar for 2031", "failure.calendar"),
        ("processing failed (stored_plan): x", "failure.stored_plan"),
        ("processing failed: index out of range", "failure.unknown"),
        ("processing failed (somethingNew): x", "failure.unknown"),
        ("unreadable message (header_too_large): x", "refusal.header_too_large"),
        ("unreadable message: truncated header", "refusal.unknown"),
        ("refused: files", nil),
        ("message of 40000000 bytes is over the limit of 26214400", nil),
    ] as [(String, String?)])
    func failureKeys(detail: String, key: String?) {
        #expect(FailureKind.reasonKey(journalDetail: detail) == key)
    }

    /// Errors are sorted into the kinds DSHR reads.
    @Test func errorsHaveTheirKinds() {
        #expect(FailureKind(RegulationError.calendarYearMissing(year: 2031, file: "holidays-kz.yml")) == .calendar)
        #expect(FailureKind(CycleError.noPlan(cycle: "2026-2027")) == .storedPlan)
        #expect(FailureKind(ReplyTemplateError.missingTemplate(path: "kk/x")) == .templates)
        #expect(FailureKind(CycleError.tooMany(what: "rows", actual: 9, maximum: 1)) == .limit)
        #expect(FailureKind(CocoaError(.fileReadUnknown)) == .unknown)
        #expect(FailureKind.journalDetail(CycleError.rules("x")).hasPrefix("processing failed (rules): "))
    }
}
