import Foundation
public import Store

/// A person's own record: the rows units sent for them, and their certificates.
public struct PersonPage: Sendable {
    /// One application row for the person.
    public struct Application: Sendable, Equatable {
        /// The academic year.
        public var cycle: String
        /// The unit that sent it.
        public var unit: String
        /// The training direction, as written.
        public var direction: String
        /// The programme asked for, as written.
        public var programme: String
    }
    /// One certificate issued to the person.
    public struct Certificate: Sendable, Equatable {
        /// The registry number.
        public var number: String
        /// The course's id and title.
        public var course: String
        /// Academic hours.
        public var hours: Int
        /// The issue date, `yyyy-mm-dd`.
        public var issued: String
        /// `/certificates/<number>.pdf`, with the number percent-encoded for the path.
        public var pdfHref: String
    }

    /// The person's name from the roster.
    public var fullName: String
    /// The person's address.
    public var email: String
    /// The person's unit.
    public var unit: String
    /// Every row units sent for the person.
    public var applications: [Application]
    /// True when `applications` is not empty.
    public var hasApplications: Bool
    /// Every certificate issued to the person.
    public var certificates: [Certificate]
    /// True when `certificates` is not empty.
    public var hasCertificates: Bool

    /// The page of `viewer` from their rows and certificates.
    public init(viewer: ConsoleViewer, rows: [StoredApplicationRow], certificates issued: [IssuedCertificate]) {
        fullName = viewer.fullName
        email = viewer.email
        unit = viewer.unit ?? ""
        applications = rows.filter { $0.email.lowercased() == viewer.email }.map {
            Application(cycle: $0.cycle, unit: $0.unit, direction: $0.trainingDirection ?? "", programme: $0.programme ?? "")
        }.sorted { $0.cycle > $1.cycle }
        hasApplications = !applications.isEmpty
        certificates = issued.filter { $0.participantEmail.lowercased() == viewer.email }.map {
            Certificate(number: $0.number, course: "\($0.courseID) \($0.courseTitle)", hours: $0.hours, issued: $0.issuedOn,
                        pdfHref: CompletionsPage.pdfHref(number: $0.number))
        }
        hasCertificates = !certificates.isEmpty
    }
}
