public import Bot
import Foundation
public import Staff
public import Regulation
public import Store

/// DSHR's completions page (values in, values out): the certificates issued, the §8 work-off
/// obligations still running with their end dates, and the §7.14 reimbursements asked for.
public struct CompletionsPage: Sendable {
    /// One issued certificate, newest first on the page.
    public struct Certificate: Sendable, Equatable {
        /// The registry's certificate number, as printed on the PDF.
        public var number: String
        /// The holder's name as printed on the certificate (not today's roster name).
        public var fullName: String
        /// The holder's address.
        public var email: String
        /// `<course ID> <title>`.
        public var course: String
        /// The hours the certificate grants.
        public var hours: Int
        /// The issue date, `yyyy-mm-dd` as the registry keeps it.
        public var issued: String
        /// `/certificates/<number>.pdf`, with the number percent-encoded for the path.
        public var pdfHref: String
    }
    /// A §8 work-off obligation still running, as the page shows it.
    public struct Obligation: Sendable, Equatable {
        /// The roster's name; the address when the person is no longer on the roster.
        public var fullName: String
        /// The participant's address.
        public var email: String
        /// `<course ID> <title>`.
        public var course: String
        /// The course's cost in tenge, formatted for the page's language.
        public var cost: String
        /// The months to work off.
        public var months: Int
        /// The first day of the period (the completion date), formatted.
        public var start: String
        /// The last day of the period, formatted; the list is sorted on it.
        public var end: String
    }
    /// A §7.14 reimbursement asked of an expelled participant.
    public struct Reimbursement: Sendable, Equatable {
        /// The roster's name; the address when the person is no longer on the roster.
        public var fullName: String
        /// The participant's address.
        public var email: String
        /// `<course ID> <title>`.
        public var course: String
        /// The amount in tenge, formatted for the page's language.
        public var amount: String
    }

    /// The certificates of this page, newest first.
    public var certificates: [Certificate]
    /// True when `certificates` is not empty.
    public var hasCertificates: Bool
    /// The obligations not yet ended on this page, soonest end first.
    public var obligations: [Obligation]
    /// True when `obligations` is not empty.
    public var hasObligations: Bool
    /// The reimbursements of this page, by address then course.
    public var reimbursements: [Reimbursement]
    /// True when `reimbursements` is not empty.
    public var hasReimbursements: Bool
    /// The sum of every reimbursement in tenge (not only this page's), formatted.
    public var reimbursementTotal: String
    /// The page of certificates shown (`?certificates_page=`).
    public var certificatesPager: ListPager
    /// The page of obligations shown (`?obligations_page=`).
    public var obligationsPager: ListPager
    /// The page of reimbursements shown (`?reimbursements_page=`).
    public var reimbursementsPager: ListPager

    /// The query keys of the three lists' pages, in the order the page lists them.
    static let pageKeys = ["certificates_page", "obligations_page", "reimbursements_page"]

    /// Obligations that ended before `today` are left out; the rest come soonest end first.
    /// `query` is the page's query: each list shows the `ListPager.rows` its `…_page` value names;
    /// nil shows every row (the downloads).
    public init(certificates issued: [IssuedCertificate], facts: CompletionFacts, roster: Roster, today: CivilDate,
                strings: ConsoleStrings, query: [String: String]? = nil) {
        let name = { (email: String) in roster.person(address: email)?.fullName ?? email }
        func pager(_ key: String, total: Int) -> ListPager {
            guard let query else {
                return ListPager(requested: nil, total: total, strings: strings, rows: max(1, total)) { _ in "" }
            }
            return ListPager(requested: query[key], total: total, strings: strings) { number in
                "/completions" + ListPager.query(Self.pageKeys.map { ($0, $0 == key ? String(number) : query[$0] ?? "") })
                    + "#" + key.replacingOccurrences(of: "_page", with: "")
            }
        }
        let sortedCertificates = issued.sorted { ($0.issuedOn, $0.number) > ($1.issuedOn, $1.number) }
        certificatesPager = pager("certificates_page", total: sortedCertificates.count)
        certificates = sortedCertificates[certificatesPager.range].map {
            Certificate(number: $0.number, fullName: $0.fullName, email: $0.participantEmail,
                        course: "\($0.courseID) \($0.courseTitle)", hours: $0.hours, issued: $0.issuedOn,
                        pdfHref: Self.pdfHref(number: $0.number))
        }
        hasCertificates = !certificates.isEmpty
        let running = facts.obligations.filter { $0.end >= today }.sorted { ($0.end, $0.email) < ($1.end, $1.email) }
        obligationsPager = pager("obligations_page", total: running.count)
        obligations = running[obligationsPager.range].map {
            Obligation(fullName: name($0.email), email: $0.email, course: "\($0.courseID) \($0.courseTitle)",
                       cost: strings.number($0.costKZT), months: $0.months, start: strings.date($0.start), end: strings.date($0.end))
        }
        hasObligations = !obligations.isEmpty
        let asked = facts.reimbursements.sorted { ($0.email, $0.courseID) < ($1.email, $1.courseID) }
        reimbursementsPager = pager("reimbursements_page", total: asked.count)
        reimbursements = asked[reimbursementsPager.range].map {
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
