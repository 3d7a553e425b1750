/// What one certificate says (§7.16), already in the words and formats it is printed with:
/// the caller formats dates and looks up names, this module only lays them out.
public struct CertificateContent: Sendable, Equatable {
    /// The registry number.
    public var number: String
    /// The short verification code (`VerificationCode`).
    public var code: String
    /// The participant's name as printed.
    public var fullName: String
    /// The course's title as printed.
    public var courseTitle: String
    /// §5.3 group key (`professional_values` …); each language's texts name it.
    public var group: String
    /// Academic hours.
    public var hours: Int
    /// `dd.mm.yyyy`.
    public var startDate: String
    /// `dd.mm.yyyy`.
    public var endDate: String
    /// `offline`, `online` or `blended`; each language's texts name it.
    public var delivery: String
    /// `dd.mm.yyyy`.
    public var issueDate: String
    /// The date of this copy when it re-issues a lost or corrected certificate.
    public var duplicateDate: String?
    /// The verification URL the QR code carries.
    public var verifyURL: String
    /// The head of the university who signs.
    public var signatory: String
    /// One or two of `kk`, `ru`, `en`, in the order they are printed.
    public var languages: [String]

    /// The content of one certificate, formatted by the caller.
    public init(number: String, code: String, fullName: String, courseTitle: String, group: String, hours: Int,
                startDate: String, endDate: String, delivery: String, issueDate: String, duplicateDate: String? = nil,
                verifyURL: String, signatory: String, languages: [String]) {
        self.number = number
        self.code = code
        self.fullName = fullName
        self.courseTitle = courseTitle
        self.group = group
        self.hours = hours
        self.startDate = startDate
        self.endDate = endDate
        self.delivery = delivery
        self.issueDate = issueDate
        self.duplicateDate = duplicateDate
        self.verifyURL = verifyURL
        self.signatory = signatory
        self.languages = languages
    }
}
