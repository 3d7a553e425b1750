/// The certificates issued so far: a pure value the caller loads from and saves to its store.
///
/// Numbers are a running sequence (short and readable on a printed certificate) rendered with
/// the policy's format. Stability comes from the registry, not from the number: a
/// (course, person) pair that already has a number gets that number back, so processing the
/// same completions list twice – or a corrected one – never issues a second certificate. The
/// caller saves the registry in the same atomic write as the training history.
public struct CertificateRegistry: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var courseID: String
        public var participantEmail: String
        public var number: String
        public var sequence: Int
    }

    public private(set) var entries: [Entry] = []
    /// The sequence the next new certificate gets; never reused, even if entries were removed.
    public private(set) var nextSequence = 1

    public init() {}

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
