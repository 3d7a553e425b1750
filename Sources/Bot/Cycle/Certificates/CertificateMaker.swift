import Certificates
import Config
import Foundation
import Regulation
public import Store

/// Draws §7.16 certificates for the bot and the command line: the template in
/// `templates/certificate/`, the images and the signatory of `certificates.*`, the verification
/// code from the registry's key. Made once per batch (the images are read once); one thread.
public final class CertificateMaker {
    let environment: BotEnvironment
    let renderer: CertificateRenderer
    let codes: VerificationCode

    /// Reads the template, the images and the verification key; throws when one is missing.
    public init(environment: BotEnvironment) throws {
        self.environment = environment
        let settings = environment.configuration.certificates
        let template = try CertificateTemplate.load(directory: environment.templatesDirectory.appendingPathComponent("certificate"))
        renderer = try CertificateRenderer(template: template, images: .init(
            signature: settings.signatureImage, stamp: settings.stampImage, logo: settings.logoImage))
        codes = VerificationCode(secret: try environment.store.certificates.secret(file: settings.verificationKeyFile))
    }

    /// The verification code printed on certificate `number`.
    public func code(for number: String) -> String { codes.code(for: number) }

    /// `certificates.verify_url` with `{number}` filled in, percent-encoded (RFC 3986 §2.1).
    public func verifyURL(for number: String) -> String {
        let escaped = number.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/")))
            ?? number
        return environment.configuration.certificates.verifyURL.replacingOccurrences(of: "{number}", with: escaped)
    }

    /// The PDF of a recorded certificate; with `duplicateOn`, marked as a copy of that date.
    public func pdf(_ certificate: IssuedCertificate, duplicateOn: String? = nil) throws -> [UInt8] {
        try renderer.pdf(CertificateContent(
            number: certificate.number, code: code(for: certificate.number), fullName: certificate.fullName,
            courseTitle: certificate.courseTitle, group: certificate.group, hours: certificate.hours,
            startDate: Self.dotted(certificate.startDate), endDate: Self.dotted(certificate.endDate),
            delivery: certificate.delivery, issueDate: Self.dotted(certificate.issuedOn),
            duplicateDate: duplicateOn.map(Self.dotted), verifyURL: verifyURL(for: certificate.number),
            signatory: environment.configuration.certificates.signatory, languages: certificate.languages))
    }

    /// `2026-09-01` → `01.09.2026`.
    static func dotted(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return parts.count == 3 ? "\(parts[2]).\(parts[1]).\(parts[0])" : iso
    }
}

/// A certificate number as part of a file name: letters, digits, `-` and `_` kept, anything
/// else (a `/` a number format may contain) becomes `-`.
public enum CertificateFileName {
    /// `number` with everything but ASCII letters, digits, `-` and `_` replaced by `-`.
    public static func safe(_ number: String) -> String {
        String(number.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }
}
