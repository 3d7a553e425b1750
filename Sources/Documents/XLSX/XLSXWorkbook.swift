/// `xl/workbook.xml`: the sheets in tab order (name, hidden state, relationship id) and the
/// date system.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        var relationshipID: String
        var isHidden: Bool
    }

    private(set) var sheets: [Sheet] = []
    /// `<workbookPr date1904="1"/>`: serials count from 1904-01-01 (old Mac Excel).
    private(set) var dateSystem: ExcelDate.System = .from1900

    init(bytes: [UInt8], partName: String, limits: DocumentLimits) throws(DocumentError) {
        try self.init(xml: XMLTokenizer(bytes: bytes, partName: partName, maxDepth: limits.maxXMLDepth), limits: limits)
    }

    /// Reads the part as it streams from the archive: a bomb never sits whole in memory.
    init(xml: consuming XMLTokenizer, limits: DocumentLimits) throws(DocumentError) {
        var xml = xml
        while let token = try xml.next() {
            guard case .start(let name, _) = token else { continue }
            if xml.isLocal(name, "workbookPr") {
                let value = xml.attributeValue("date1904") ?? "0"
                dateSystem = (value == "1" || value == "true") ? .from1904 : .from1900
            } else if xml.isLocal(name, "sheet") {
                // The relationship id is `r:id` (namespace-prefixed); match the local name "id"
                // but not the plain `sheetId`.
                let id = xml.attributes.first { xml.isLocal($0.name, "id") && !xml.isQualified($0.name, "id") }
                    .map { xml.decode($0.value, hasReferences: $0.hasReferences) }
                let state = xml.attributeValue("state") ?? "visible"
                sheets.append(Sheet(name: xml.attributeValue("name") ?? "Sheet\(sheets.count + 1)",
                                    relationshipID: id ?? "",
                                    isHidden: state == "hidden" || state == "veryHidden"))
                guard sheets.count <= limits.maxTables else {
                    throw DocumentError(.tooLarge,
                        "the workbook has more than \(limits.maxTables) sheets (maximum \(limits.maxTables)).")
                }
            }
        }
    }
}
