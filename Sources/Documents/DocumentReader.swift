import TextEncoding

/// The entry point: any attachment's bytes to a `Document`, or the reason it cannot be read.
///
/// The format comes from the bytes (magic numbers, then the parts inside a zip or OLE2
/// container), because people rename files and mail clients mangle names. The name appears in
/// messages and only breaks ties between "damaged" and "not supported" (`FileNameHint`).
public enum DocumentReader {
    /// `budget`: the inflated bytes all files of one message may use together (nil: no such cap).
    public static func read(bytes: [UInt8], fileName: String,
                            limits: DocumentLimits = .init(), budget: InflationBudget? = nil) throws(DocumentError) -> Document {
        guard bytes.count <= limits.maxFileBytes else {
            throw DocumentError(.tooLarge,
                "\(fileName) is \(bytes.count) bytes; the maximum is \(limits.maxFileBytes) bytes (limits.max_attachment_bytes). "
                + "Send only the application table, without images.")
        }
        guard !bytes.isEmpty else {
            throw DocumentError(.encryptedOrCorrupt, "\(fileName) is empty (0 bytes). Attach the file again.")
        }
        switch ContainerKind.sniff(bytes) {
        case .zip:
            let archive = try SafeArchive(bytes: bytes, fileName: fileName, limits: limits, messageBudget: budget)
            switch try ZipContent.classify(archive, fileName: fileName, limits: limits) {
            case .xlsx: return try XLSXReader.read(archive, fileName: fileName, limits: limits)
            case .docx: return try DOCXReader.read(archive, fileName: fileName, limits: limits)
            case .ods: return try ODSReader.read(archive, fileName: fileName, limits: limits)
            }
        case .compoundFile:
            return try readCompoundFile(bytes, fileName: fileName, limits: limits)
        case .unsupported(let what):
            throw DocumentError(.unsupportedFormat,
                "\(fileName) is \(what), which holds no table that can be read. "
                + "Send the application as .xlsx, .xls, .ods, .docx or .csv.")
        case .html:
            let text = TextDecoding.guess(bytes).text
            return Document(format: .html, tables: HTMLTableReader.read(html: text, limits: limits))
        case .text:
            return try CSVReader.read(bytes: bytes, fileName: fileName, limits: limits)
        }
    }

    /// OLE2 holds legacy .xls and .doc, and also every password-protected OOXML file.
    private static func readCompoundFile(_ bytes: [UInt8], fileName: String,
                                         limits: DocumentLimits) throws(DocumentError) -> Document {
        if CompoundFile.hasStream(bytes, named: "EncryptionInfo")
            || CompoundFile.hasStream(bytes, named: "EncryptedPackage") {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is protected with a password, so it cannot be read. "
                + "Remove the password (File → Info → Protect Workbook) and send it again.")
        }
        if CompoundFile.hasStream(bytes, named: "Workbook") || CompoundFile.hasStream(bytes, named: "Book") {
            return try XLSReader.read(bytes: bytes, fileName: fileName, limits: limits)
        }
        if CompoundFile.hasStream(bytes, named: "WordDocument") {
            throw DocumentError(.unsupportedFormat,
                "\(fileName) is a Word 97–2003 document (.doc); save it as .docx and send it again.")
        }
        if FileNameHint(fileName).isLegacyWorkbook {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is an OLE2 container without a workbook stream; the file is damaged. "
                + "Save it again (as .xlsx if you can) and resend it.")
        }
        throw DocumentError(.unsupportedFormat,
            "\(fileName) is an OLE2 container without a workbook inside. "
            + "Send the application as .xlsx, .xls, .ods, .docx or .csv.")
    }
}
