internal import CFreeXL

/// A legacy Excel 97–2003 workbook (BIFF8 .xls) through FreeXL.
///
/// FreeXL decodes text to UTF-8 and reports date cells (by their format) as `YYYY-MM-DD`
/// strings with the workbook's date system applied. It does not report merged regions or
/// hidden sheets; those come from the workbook stream itself (`BIFFSheetFacts`).
enum XLSReader {
    static func read(bytes: [UInt8], fileName: String, limits: DocumentLimits) throws(DocumentError) -> Document {
        guard let file = PrivateTempFile(bytes: bytes) else {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName): the .xls reader could not get a private temporary file; try again later.")
        }
        var handle: UnsafeRawPointer?
        let status = freexl_open(file.path, &handle)
        file.remove()  // FreeXL has read the workbook; the copy is not needed any more
        defer { if let handle { freexl_close(handle) } }
        guard status == FREEXL_OK, let handle else {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is not a readable Excel 97–2003 workbook (FreeXL error \(status)); "
                + "it may be damaged. Save it as .xlsx and send it again.")
        }
        var password: UInt32 = 0
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &password) == FREEXL_OK,
           password == UInt32(FREEXL_BIFF_OBFUSCATED) {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is protected with a password, so it cannot be read. "
                + "Remove the password and send it again.")
        }
        var sheetCount: UInt32 = 0
        guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &sheetCount) == FREEXL_OK else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName): the workbook's sheet list cannot be read.")
        }
        guard sheetCount <= UInt32(limits.maxTables) else {
            throw DocumentError(.tooLarge,
                "\(fileName) has \(sheetCount) sheets (maximum \(limits.maxTables)).")
        }
        var tables: [Table] = []
        let budget = CellBudget(limits: limits, fileName: fileName)
        let stream = CompoundFileStream.read(bytes, named: "Workbook") ?? CompoundFileStream.read(bytes, named: "Book")
        let facts = stream.map { BIFFSheetFacts.read(workbook: $0) } ?? [:]
        for index in 0..<UInt16(sheetCount) {
            tables.append(try readSheet(handle, index: index, fileName: fileName, limits: limits, budget: budget,
                                        facts: facts))
        }
        return Document(format: .xls, tables: tables)
    }

    private static func readSheet(_ handle: UnsafeRawPointer, index: UInt16, fileName: String,
                                  limits: DocumentLimits, budget: CellBudget,
                                  facts: [String: BIFFSheetFacts]) throws(DocumentError) -> Table {
        var namePointer: UnsafePointer<CChar>?
        let name = freexl_get_worksheet_name(handle, index, &namePointer) == FREEXL_OK
            ? namePointer.map { String(cString: $0) } ?? "Sheet\(index + 1)" : "Sheet\(index + 1)"
        guard freexl_select_active_worksheet(handle, index) == FREEXL_OK else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName): sheet '\(name)' cannot be opened.")
        }
        var rowCount: UInt32 = 0
        var columnCount: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &rowCount, &columnCount) == FREEXL_OK else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName): sheet '\(name)' has no readable size.")
        }
        let known = facts[name] ?? BIFFSheetFacts()
        var sheet = SheetBuilder(name: name, isHidden: known.isHidden, limits: limits, budget: budget)
        for region in known.merges { sheet.addMerge(region) }
        let columns = min(Int(columnCount), limits.maxColumns)
        // BIFF8 has at most 65,536 rows, so this loop is bounded even before maxRows.
        for row in 0..<min(rowCount, 65_536) {
            try sheet.beginRow(Int(row) + 1)
            for column in 0..<columns {
                var cell = FreeXL_CellValue()
                guard freexl_get_cell_value(handle, row, UInt16(column), &cell) == FREEXL_OK else { continue }
                sheet.set(column: column, Cell(value(of: cell)))
            }
        }
        return try sheet.build()
    }

    private static func value(of cell: FreeXL_CellValue) -> CellValue {
        switch Int32(cell.type) {
        case FREEXL_CELL_INT:
            return .number(Double(cell.value.int_value))
        case FREEXL_CELL_DOUBLE:
            return .number(cell.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_TIME:
            guard let text = cell.value.text_value else { return .empty }
            let string = String(cString: text)
            return string.isEmpty ? .empty : .text(string)
        case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME:
            guard let text = cell.value.text_value else { return .empty }
            let string = String(cString: text)
            return ISODate.parse(string).map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .text(string)
        default:
            return .empty
        }
    }
}
