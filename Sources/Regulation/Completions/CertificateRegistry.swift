/// The certificates issued so far: a pure value the caller loads from and saves to its store.
///
/// Numbers are a running sequence (short and readable on a printed certificate) rendered with
/// the policy's format. Stability comes from the registry, not from the number: a
/// (course, person) pair that already has a number gets that number back, so processing the
/// same completions list twice – or a corrected one – never issues a second certificate. The
/// caller saves the registry in the same atomic write as the training history.
public struct CertificateRegistry: Sendable, Equatable, Codable {
    /// One certificate's number for one participant of one course.
    public struct Entry: Sendable, Equatable, Codable {
        /// The course's identifier.
        public var courseID: String
        /// Lower-cased and trimmed.
        public var participantEmail: String
        /// The number as printed.
        public var number: String
        /// The sequence the number was made from.
        public var sequence: Int
    }

    /// Every number given, oldest first.
    public private(set) var entries: [Entry] = []
    /// The sequence the next new certificate gets; never reused, even if entries were removed.
    public private(set) var nextSequence = 1

    /// An empty registry; the first certificate gets sequence 1.
    public init() {}

    /// The number already given to this participant for this course, nil when none.
    public func number(courseID: String, participantEmail: String) -> String? {
        let email = EmailAddress.normalize(participantEmail)
        return entries.first { $0.courseID == courseID && $0.participantEmail == email }?.number
    }

    /// The pair's number, issuing a new one only if it has none. `isNew` tells the caller
    /// whether a certificate notice is due.
    public mutating func issue(courseID: String, participantEmail: String, year: Int,
                               format: CertificateNumberFormat) -> (number: String, isNew: Bool) {
        if let existing = number(courseID: courseID, participantEmail: participantEmail) {
            return (existing, false)
        }
        let sequence = nextSequence
        nextSequence += 1
        let number = format.number(sequence: sequence, year: year, courseID: courseID)
        entries.append(Entry(courseID: courseID, participantEmail: EmailAddress.normalize(participantEmail),
                             number: number, sequence: sequence))
        return (number, true)
    }
}
