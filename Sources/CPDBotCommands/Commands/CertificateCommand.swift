import ArgumentParser
import Bot
import Foundation
import Store

/// `cpdbot certificate …`: the §7.16 certificates the bot issued (issue 16).
struct CertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Verify, show and re-issue certificates.",
        subcommands: [CertificateVerifyCommand.self, CertificateShowCommand.self, CertificateReissueCommand.self]
    )
}

/// `cpdbot certificate verify NUMBER CODE`: exit 0 and whose certificate it is, or exit 1.
struct CertificateVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a certificate's number and verification code.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The certificate number, e.g. CPD-2026-00001.") var number: String
    @Argument(help: "The verification code printed on it, e.g. 7K2M-9QXD.") var code: String

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let check: CertificateDesk.Check
        do {
            check = try CertificateDesk(environment: bootstrap.environment).verify(number: number, code: code)
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
        switch check {
        case let .valid(certificate):
            print("valid: certificate \(certificate.number) – " + CertificateLines.summary(certificate))
        case .wrongCode:
            CLIExit.printError("NOT valid: \(code) is not the verification code of certificate \(number)")
            throw CLIExit.inputHadProblems
        case .unknownNumber:
            CLIExit.printError("NOT valid: no certificate \(number) was issued")
            throw CLIExit.inputHadProblems
        }
    }
}

/// `cpdbot certificate show NUMBER [--pdf FILE]`.
struct CertificateShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "What a certificate says; --pdf draws it again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The certificate number.") var number: String
    @Option(name: .long, help: "Write the certificate's PDF to this file (a re-issued one is marked as its latest duplicate).")
    var pdf: String?

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: false)
        let desk = CertificateDesk(environment: bootstrap.environment)
        do {
            guard let certificate = try desk.certificate(number: number) else {
                CLIExit.printError("no certificate \(number) was issued")
                throw CLIExit.inputHadProblems
            }
            print("certificate \(certificate.number) – " + CertificateLines.summary(certificate)
                + "; verification code \(try desk.code(for: certificate.number))")
            print("  \(certificate.participantEmail); course \(certificate.courseID), \(certificate.startDate) – "
                + "\(certificate.endDate), \(certificate.delivery); printed in \(certificate.languages.joined(separator: "+"))")
            for reissue in certificate.reissues { print("  re-issued \(reissue.date) to \(reissue.fullName)") }
            if let pdf, let bytes = try desk.pdf(number: number) {
                try CertificateLines.write(bytes, to: pdf)
                print("wrote \(pdf) (\(bytes.count) bytes)")
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
    }
}

/// `cpdbot certificate reissue NUMBER --pdf FILE [--name NAME]`: a lost certificate or a
/// corrected name; the same number, marked as a duplicate of today.
struct CertificateReissueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reissue", abstract: "Re-issue a certificate: same number, marked as a duplicate.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The certificate number.") var number: String
    @Option(name: .long, help: "Where to write the duplicate's PDF.") var pdf: String
    @Option(name: .long, help: "The corrected full name to print.") var name: String?

    func run() async throws {
        let bootstrap = try BotBootstrap(global: global, exclusive: true)
        do {
            guard let (certificate, bytes) = try CertificateDesk(environment: bootstrap.environment)
                .reissue(number: number, fullName: name) else {
                CLIExit.printError("no certificate \(number) was issued")
                throw CLIExit.inputHadProblems
            }
            try CertificateLines.write(bytes, to: pdf)
            print("re-issued certificate \(certificate.number) – " + CertificateLines.summary(certificate)
                + "; duplicate of \(certificate.reissues.last?.date ?? "") written to \(pdf)")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CLIExit.couldNotRun("\(error)")
        }
    }
}

enum CertificateLines {
    static func summary(_ c: IssuedCertificate) -> String {
        "\(c.fullName), course \"\(c.courseTitle)\", \(c.hours) hours, issued \(c.issuedOn)"
    }

    /// The PDF holds personal data: 0600, like the store's files.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CLIExit.couldNotRun("could not write \(path); check the folder exists and is writable")
        }
    }
}
