import Documents
public import Foundation

/// The certificates of `/completions` as an Excel workbook (libxlsxwriter): the page's columns
/// with its titles in the reader's language, the hours as numbers. Values in, bytes out.
public enum CertificatesWorkbook {
    /// The `.xlsx` bytes of `page.certificates`, newest first as on the page.
    public static func data(_ page: CompletionsPage, strings: ConsoleStrings) throws -> Data {
        let header = ["№", strings["completions_person"], strings["email"], strings["course"], strings["hours"], strings["issued"]]
        let rows: [[SpreadsheetWriter.Value]] = page.certificates.map {
            [.text($0.number), .text($0.fullName), .text($0.email), .text($0.course), .number(Double($0.hours)), .text($0.issued)]
        }
        return try SpreadsheetWriter.xlsx([SpreadsheetWriter.Sheet(name: strings["completions_certificates"], header: header,
                                                                   rows: rows, columnWidths: [16, 36, 30, 48, 8, 12])])
    }
}
