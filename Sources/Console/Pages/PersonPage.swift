import Foundation
import Store

/// A person's own record: the rows units sent for them, and their certificates.
public struct PersonPage: Sendable {
    public struct Application: Sendable, Equatable {
        public var cycle: String
        public var unit: String
        public var direction: String
        public var programme: String
    }
    public struct Certificate: Sendable, Equatable {
        public var number: String
        public var course: String
        public var hours: Int
        public var issued: String
        public var pdfHref: String
    }

    public var fullName: String
    public var email: String
    public var unit: String
    public var applications: [Application]
    public var hasApplications: Bool
    public var certificates: [Certificate]
    public var hasCertificates: Bool

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
