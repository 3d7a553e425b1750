/// What a certificate said when it was issued, so that anyone holding its number and code can
/// be told whose it is (`cpdbot certificate verify`) and a lost one can be drawn again with
/// the same number (`cpdbot certificate reissue`).
public struct IssuedCertificate: Codable, Sendable, Equatable {
    /// A copy made later: when, and the name printed on it if it was corrected.
    public struct Reissue: Codable, Sendable, Equatable {
        /// `yyyy-mm-dd`.
        public var date: String
        /// The name as printed on the re-issued certificate.
        public var fullName: String

        /// A re-issue on `date` (`yyyy-mm-dd`) under `fullName`.
        public init(date: String, fullName: String) {
            self.date = date
            self.fullName = fullName
        }
    }

    /// The registry number printed on the certificate and checked by the verification code.
    public var number: String
    /// Lower-cased.
    public var participantEmail: String
    /// As printed (the latest re-issue's name wins).
    public var fullName: String
    /// The course's identifier in the Plan.
    public var courseID: String
    /// The course's title as printed.
    public var courseTitle: String
    /// §5.3 group key.
    public var group: String
    /// Academic hours as printed.
    public var hours: Int
    /// `yyyy-mm-dd`.
    public var startDate: String
    /// `yyyy-mm-dd`.
    public var endDate: String
    /// How the course was given (on site, online, …), as printed.
    public var delivery: String
    /// `yyyy-mm-dd`.
    public var issuedOn: String
    /// `kk`, `ru`, `en`: what the certificate was printed in.
    public var languages: [String]
    /// Every re-issue after the first print, oldest first.
    public var reissues: [Reissue]

    /// A certificate as it was issued, without re-issues unless given.
    public init(number: String, participantEmail: String, fullName: String, courseID: String, courseTitle: String,
                group: String, hours: Int, startDate: String, endDate: String, delivery: String, issuedOn: String,
                languages: [String], reissues: [Reissue] = []) {
        self.number = number
        self.participantEmail = participantEmail.lowercased()
        self.fullName = fullName
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.group = group
        self.hours = hours
        self.startDate = startDate
        self.endDate = endDate
        self.delivery = delivery
        self.issuedOn = issuedOn
        self.languages = languages
        self.reissues = reissues
    }

    enum CodingKeys: String, CodingKey {
        case number, participantEmail = "participant_email", fullName = "full_name", courseID = "course_id"
        case courseTitle = "course_title", group, hours, startDate = "start_date", endDate = "end_date", delivery
        case issuedOn = "issued_on", languages, reissues
    }
}
