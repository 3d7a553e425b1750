internal import CXLSXWriter
public import Foundation

/// Writes simple workbooks (a bold header row, then text and number cells) with Debian's
/// libxlsxwriter, which Excel, LibreOffice and Google Sheets all open. libxlsxwriter 1.1.4 writes
/// only to a path, so the workbook goes through a private temporary file that is removed at once.
public enum SpreadsheetWriter {
    /// What a cell holds.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    /// One worksheet: a bold header row and the data rows under it.
    public struct Sheet: Sendable {
        /// The tab's name (Excel allows 31 characters).
        public var name: String
        /// The first row's titles.
        public var header: [String]
        /// The data rows, each as long as `header` or shorter.
        public var rows: [[Value]]
        /// Column widths in characters (missing ones keep Excel's default).
        public var columnWidths: [Double]

        /// A sheet; `columnWidths` may be left empty.
        public init(name: String, header: [String], rows: [[Value]], columnWidths: [Double] = []) {
            self.name = name
            self.header = header
            self.rows = rows
            self.columnWidths = columnWidths
        }
    }

    /// libxlsxwriter refused the workbook or the temporary file failed.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// What failed, with libxlsxwriter's message.
        public var description: String
    }

    /// The `.xlsx` bytes of a workbook with `sheets` in order (written by libxlsxwriter).
    public static func xlsx(_ sheets: [Sheet]) throws(WriteError) -> Data {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cpdbot-xlsx-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw WriteError(description: "could not create a temporary folder for the workbook: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("workbook.xlsx").path
        guard let workbook = workbook_new(path) else {
            throw WriteError(description: "libxlsxwriter could not start a workbook at \(path)")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        let wrap = workbook_add_format(workbook)
        format_set_text_wrap(wrap)
        for sheet in sheets {
            // Excel allows 31 characters and no []:*?/\ in a sheet name.
            let safeName = String(sheet.name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            guard let worksheet = workbook_add_worksheet(workbook, safeName.isEmpty ? nil : safeName) else {
                workbook_close(workbook)
                throw WriteError(description: "libxlsxwriter refused the sheet name \"\(sheet.name)\"")
            }
            for (column, width) in sheet.columnWidths.enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            for (column, title) in sheet.header.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(column), title, bold)
            }
            for (index, row) in sheet.rows.enumerated() {
                let rowNumber = lxw_row_t(index + 1)
                for (column, value) in row.enumerated() {
                    switch value {
                    case .text(let text): worksheet_write_string(worksheet, rowNumber, lxw_col_t(column), text, nil)
                    case .number(let number): worksheet_write_number(worksheet, rowNumber, lxw_col_t(column), number, nil)
                    case .empty: break
                    }
                }
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw WriteError(description: "libxlsxwriter could not write the workbook (\(String(cString: lxw_strerror(status))))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(description: "the written workbook at \(path) could not be read back")
        }
        return data
    }
}
