import Bot
import Foundation
import Regulation
import Staff
import Store

extension PageContext {
    /// DSHR's completions and certificates page.
    func completions(_ request: ConsoleRequest) throws -> ConsoleResponse {
        guard viewer.role == .dshr else { return notFound() }
        return render("completions", values: ["page": try completionsPage(query: request.query), "nav_completions": true])
    }

    /// `/completions.xlsx`: the certificates issued, as the page lists them (`CertificatesWorkbook`); DSHR's.
    func certificatesWorkbook() throws -> ConsoleResponse {
        guard viewer.role == .dshr else { return notFound() }
        let today = cycleFacts.today
        return ConsoleResponse(status: 200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                               body: try CertificatesWorkbook.data(try completionsPage(), strings: strings),
                               headers: [("Content-Disposition", Self.attachment(named: "certificates_\(today.iso).xlsx"))])
    }

    /// `query` nil: every row (the workbook); else the pages of the lists it names.
    private func completionsPage(query: [String: String]? = nil) throws -> CompletionsPage {
        // Worked out again only when the ledger, a Plan or the day changed.
        let facts = try CompletionFactsCache.shared.facts(environment: app.environment)
        return CompletionsPage(certificates: try store.certificates.all(), facts: facts,
                               roster: try store.roster.load(), today: cycleFacts.today,
                               strings: strings, query: query)
    }

    /// A certificate's PDF, drawn again as it stands (`cpdbot certificate pdf`): DSHR's for any
    /// number, anyone else's only for their own; another's is not found.
    func certificatePDF(file: String) throws -> ConsoleResponse {
        guard file.hasSuffix(".pdf"), let number = String(file.dropLast(4)).removingPercentEncoding,
              let certificate = try store.certificates.certificate(number: number),
              viewer.role == .dshr || certificate.participantEmail.lowercased() == viewer.email.lowercased(),
              let pdf = try CertificateDesk(environment: app.environment).pdf(number: number) else {
            return notFound()
        }
        return ConsoleResponse(status: 200, contentType: "application/pdf", body: Data(pdf), headers: [
            ("Content-Disposition", Self.attachment(named: "certificate_\(CertificateFileName.safe(number)).pdf")),
        ])
    }

    /// `Content-Disposition: attachment` with an ASCII name that cannot break the header, and
    /// the real name in RFC 5987 form for browsers that read it.
    static func attachment(named name: String) -> String {
        let ascii = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
