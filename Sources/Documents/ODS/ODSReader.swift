/// An OpenDocument spreadsheet (.ods): every top-level `table:table` of `content.xml`.
///
/// ODF compresses runs with `number-rows-repeated` / `number-columns-repeated`; LibreOffice
/// ends sheets with a repeated empty row of ~1,048,000. Empty runs only advance the counters;
/// filled runs are copied, within the limits.
enum ODSReader {
    static func read(_ archive: SafeArchive, fileName: String, limits: DocumentLimits) throws(DocumentError) -> Document {
        guard let xml = try archive.xml("content.xml") else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName) has no content.xml; the file is damaged.")
        }
        var parser = ODSContentParser(limits: limits, budget: CellBudget(limits: limits, fileName: fileName))
        return Document(format: .ods, tables: try parser.parse(xml))
    }
}
