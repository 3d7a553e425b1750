import Certificates
import Config
import Foundation
import Regulation
public import Store

/// What the command line does with issued certificates: check a number and its code, show a
/// certificate, draw it again, and re-issue it (same number, marked as a duplicate of the day,
/// optionally with a corrected name).
public struct CertificateDesk: Sendable {
    /// Where the registry and its key are.
    public let environment: BotEnvironment

    /// A desk for `environment`.
    public init(environment: BotEnvironment) {
        self.environment = environment
    }

    /// The answer to a verification: the certificate, or why not.
    public enum Check: Sendable, Equatable {
        case valid(IssuedCertificate)
        /// The number exists but the code is not its code (a typo, or a forgery).
        case wrongCode
        case unknownNumber
    }

    /// Whether `code` is the verification code of certificate `number` and what it certifies.
    /// A number the registry does not have is refused even with a code that would match.
    public func verify(number: String, code: String) throws -> Check {
        let book = environment.store.certificates
        let codes = VerificationCode(secret: try book.secret(file: environment.configuration.certificates.verificationKeyFile))
        guard let certificate = try book.certificate(number: number) else { return .unknownNumber }
        return codes.accepts(code, for: number) ? .valid(certificate) : .wrongCode
    }

    /// The verification code printed on certificate `number`.
    public func code(for number: String) throws -> String {
        let book = environment.store.certificates
        return VerificationCode(secret: try book.secret(file: environment.configuration.certificates.verificationKeyFile))
            .code(for: number)
    }

    /// The certificate with this number, nil when none was issued.
    public func certificate(number: String) throws -> IssuedCertificate? {
        try environment.store.certificates.certificate(number: number)
    }

    /// The certificate drawn again as it stands: marked as the duplicate of its latest re-issue, if any.
    public func pdf(number: String) throws -> [UInt8]? {
        guard let certificate = try certificate(number: number) else { return nil }
        return try CertificateMaker(environment: environment).pdf(certificate, duplicateOn: certificate.reissues.last?.date)
    }

    /// Records a re-issue of today (with `fullName` when the name is corrected) and draws the duplicate.
    public func reissue(number: String, fullName: String?) throws -> (IssuedCertificate, [UInt8])? {
        guard var certificate = try certificate(number: number) else { return nil }
        let maker = try CertificateMaker(environment: environment)
        let today = CivilDate(environment.now(), in: environment.timeZone).iso
        if let fullName, !fullName.trimmingCharacters(in: .whitespaces).isEmpty {
            certificate.fullName = fullName.trimmingCharacters(in: .whitespaces)
        }
        certificate.reissues.append(IssuedCertificate.Reissue(date: today, fullName: certificate.fullName))
        let pdf = try maker.pdf(certificate, duplicateOn: today)
        try environment.store.certificates.record([certificate])
        return (certificate, pdf)
    }
}
