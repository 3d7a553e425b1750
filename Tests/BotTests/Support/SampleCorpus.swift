import Foundation
import TestSupport

extension SampleCorpus.Oracle {
    /// The Message-ID header of a sample message.
    func messageID(_ email: SampleCorpus.Email) throws -> String {
        MailSandbox.header("Message-ID", in: try Data(contentsOf: url(email))) ?? ""
    }
}
