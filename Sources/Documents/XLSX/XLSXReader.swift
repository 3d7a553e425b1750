/// An Office Open XML workbook (.xlsx) into one table per worksheet, in tab order.
enum XLSXReader {
    static func read(_ archive: SafeArchive, fileName: String, limits: DocumentLimits) throws(DocumentError) -> Document {
        let workbookPath = try officeDocumentPath(archive, limits: limits) ?? "xl/workbook.xml"
        // Every part is streamed, even the small ones: a small part is where a bomb hides.
        guard let workbookXML = try archive.xml(workbookPath) else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName) has no workbook part (\(workbookPath)); the file is damaged.")
        }
        let workbook = try XLSXWorkbook(xml: workbookXML, limits: limits)
        let relsPath = relationshipsPath(of: workbookPath)
        var relationships: OOXMLRelationships?
        if let xml = try archive.xml(relsPath) { relationships = try OOXMLRelationships(xml: xml, limits: limits) }

        var sharedStrings: [String] = []
        var styles = XLSXStyles()
        for relationship in relationships?.ordered ?? [] {
            let path = OOXMLRelationships.resolve(relationship.target, from: workbookPath)
            if relationship.type.hasSuffix("/sharedStrings"), let xml = try archive.xml(path) {
                sharedStrings = try XLSXSharedStrings.read(xml, limits: limits)
            } else if relationship.type.hasSuffix("/styles"), let xml = try archive.xml(path) {
                styles = try XLSXStyles(xml: xml, limits: limits)
            }
        }

        let parser = XLSXSheetParser(sharedStrings: sharedStrings, styles: styles,
                                     dateSystem: workbook.dateSystem, limits: limits,
                                     budget: CellBudget(limits: limits, fileName: fileName))
        var tables: [Table] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            // Chart sheets and dialog sheets have no cells; only worksheets are read.
            let relationship = relationships?.byID[sheet.relationshipID]
            if let type = relationship?.type, !type.hasSuffix("/worksheet") { continue }
            let path = relationship.map { OOXMLRelationships.resolve($0.target, from: workbookPath) }
                ?? "xl/worksheets/sheet\(index + 1).xml"
            // Streamed: a worksheet is most of the file once inflated and is never held whole.
            guard let xml = try archive.xml(path) else { continue }
            tables.append(try parser.parse(xml, name: sheet.name, isHidden: sheet.isHidden))
        }
        return Document(format: .xlsx, tables: tables)
    }

    /// The workbook part named by the package relationships (normally `xl/workbook.xml`).
    private static func officeDocumentPath(_ archive: SafeArchive, limits: DocumentLimits) throws(DocumentError) -> String? {
        guard let xml = try archive.xml("_rels/.rels") else { return nil }
        let rels = try OOXMLRelationships(xml: xml, limits: limits)
        return rels.ordered.first { $0.type.hasSuffix("/officeDocument") }
            .map { OOXMLRelationships.resolve($0.target, from: "") }
            .flatMap { archive.contains($0) ? $0 : nil }
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPath(of part: String) -> String {
        var components = part.split(separator: "/").map(String.init)
        let last = components.popLast() ?? part
        return (components + ["_rels", last + ".rels"]).joined(separator: "/")
    }
}
