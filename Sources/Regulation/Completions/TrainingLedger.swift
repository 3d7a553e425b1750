/// The certificates issued and the training history they add, kept together in one value (the
/// store keeps it in one file, `training/ledger.json`) so that one atomic write records both: a
/// certificate number is never issued without its history entry, nor twice. Pure: the bot loads
/// it, `record(_:plan:format:)` decides, and the bot saves it before any notice is queued.
public struct TrainingLedger: Codable, Sendable, Equatable {
    /// Every certificate number given.
    public var certificates = CertificateRegistry()
    /// Every course completed, certificates' and imported.
    public var history: [TrainingRecord] = []
    /// The latest status DSHR reported per `<course>\u{0}<email>` (repeats send nothing new
    /// because notices are keyed by purpose in the outbox; this keeps what was reported).
    public var results: [String: String] = [:]

    /// An empty ledger.
    public init() {}

    /// One result of a completions list, as recorded: its course, and the certificate number
    /// for a certificate (the one given before, when the list came already).
    public struct Entry: Sendable, Equatable {
        /// The result as evaluated.
        public var result: CompletionResult
        /// The Plan's course the result is for.
        public var course: Course
        /// The certificate's number; nil for an expulsion or readmission.
        public var certificateNumber: String?
    }

    /// What recording a completions list decided: the entries to notify, and the figures for
    /// DSHR's summary.
    public struct Recorded: Sendable, Equatable {
        /// The results whose course is in the Plan, in list order.
        public var entries: [Entry] = []
        /// Certificates numbered now, and certificates that had their number already.
        public var certificatesNew = 0, certificatesBefore = 0
        /// §7.14 expulsions and §7.15 readmissions in the list.
        public var expulsions = 0, readmissions = 0
    }

    /// Records `results` (`CompletionEvaluator`'s) against `plan`: a certificate gets its number
    /// (the registry's, so a list sent again issues none) and, when new, a history entry with
    /// the course's group and kind; every result's status is kept. A result for a course the
    /// Plan does not have is left out.
    public mutating func record(_ results: [CompletionResult], plan: Plan,
                                format: CertificateNumberFormat) -> Recorded {
        var recorded = Recorded()
        for result in results {
            let record = result.record
            guard let course = plan.course(id: record.courseID) else { continue }
            var number: String?
            switch result.outcome {
            case .certificate:
                let issued = certificates.issue(courseID: course.id, participantEmail: record.participantEmail,
                                                year: record.completionDate.year, format: format)
                number = issued.number
                if issued.isNew {
                    recorded.certificatesNew += 1
                    history.append(TrainingRecord(participantEmail: record.participantEmail, courseID: course.id,
                                                  completionDate: record.completionDate, hours: result.hours,
                                                  group: course.group, kind: course.kind))
                } else {
                    recorded.certificatesBefore += 1
                }
            case .expulsionReimburse: recorded.expulsions += 1
            case .readmission: recorded.readmissions += 1
            }
            self.results[course.id + "\u{0}" + record.participantEmail] = record.status.rawValue
            recorded.entries.append(Entry(result: result, course: course, certificateNumber: number))
        }
        return recorded
    }
}
