import Bot
import Foundation
import Staff
import Regulation
import Store

/// DSHR's completions page (values in, values out): the certificates issued, the §8 work-off
/// obligations still running with their end dates, and the §7.14 reimbursements asked for.
public struct CompletionsPage: Sendable {
    public struct Certificate: Sendable, Equatable {
        public var number: String
        public var fullName: String
        public var email: String
        public var course: String
        public var hours: Int
        public var issued: String
        /// `/certificates/<number>.pdf`, with the number percent-encoded for the path.
        public var pdfHref: String
    }
    public struct Obligation: Sendable, Equatable {
        public var fullName: String
        public var email: String
        public var course: String
        public var cost: String
        public var months: Int
        public var start: String
        public var end: String
    }
    public struct Reimbursement: Sendable, Equatable {
        public var fullName: String
        public var email: String
        public var course: String
        public var amount: String
    }

    public var certificates: [Certificate]
    public var hasCertificates: Bool
    public var obligations: [Obligation]
    public var hasObligations: Bool
    public var reimbursements: [Reimbursement]
    public var hasReimbursements: Bool
    public var reimbursementTotal: String

    /// Obligations that ended before `today` are left out; the rest come soonest end first.
    public init(certificates issued: [IssuedCertificate], facts: CompletionFacts, roster: Roster, today: CivilDate,
                strings: ConsoleStrings) {
        let name = { (email: String) in roster.person(address: email)?.fullName ?? email }
        certificates = issued.sorted { ($0.issuedOn, $0.number) > ($1.issuedOn, $1.number) }.map {
            Certificate(number: $0.number, fullName: $0.fullName, email: $0.participantEmail,
                        course: "\($0.courseID) \($0.courseTitle)", hours: $0.hours, issued: $0.issuedOn,
                        pdfHref: Self.pdfHref(number: $0.number))
        }
        hasCertificates = !certificates.isEmpty
        obligations = facts.obligations.filter { $0.end >= today }.sorted { ($0.end, $0.email) < ($1.end, $1.email) }.map {
            Obligation(fullName: name($0.email), email: $0.email, course: "\($0.courseID) \($0.courseTitle)",
                       cost: strings.number($0.costKZT), months: $0.months, start: strings.date($0.start), end: strings.date($0.end))
        }
        hasObligations = !obligations.isEmpty
        reimbursements = facts.reimbursements.sorted { ($0.email, $0.courseID) < ($1.email, $1.courseID) }.map {
            Reimbursement(fullName: name($0.email), email: $0.email, course: "\($0.courseID) \($0.courseTitle)",
                          amount: strings.number($0.amountKZT))
        }
        hasReimbursements = !reimbursements.isEmpty
        reimbursementTotal = strings.number(facts.reimbursements.reduce(0) { $0 + $1.amountKZT })
    }

    static func pdfHref(number: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return "/certificates/" + (number.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + ".pdf"
    }
}
