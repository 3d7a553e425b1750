/// Which office document a zip container holds, judged by the parts inside it.
enum ZipContent {
    case xlsx, docx, ods

    static func classify(_ archive: SafeArchive, fileName: String, limits: DocumentLimits) throws(DocumentError) -> ZipContent {
        if archive.contains("xl/workbook.xml") || archive.contains("xl/workbook.bin") {
            if archive.contains("xl/workbook.bin") {
                throw unsupported(fileName, "an Excel binary workbook (.xlsb)", saveAs: ".xlsx")
            }
            try refuseMacros(archive, fileName: fileName, project: "xl/vbaProject.bin", saveAs: ".xlsx")
            return .xlsx
        }
        if archive.contains("word/document.xml") {
            try refuseMacros(archive, fileName: fileName, project: "word/vbaProject.bin", saveAs: ".docx")
            return .docx
        }
        if let mimetype = try archive.member("mimetype").map({ String(decoding: $0.prefix(200), as: UTF8.self) }) {
            if mimetype.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") { return .ods }
            if mimetype.hasPrefix("application/vnd.oasis.opendocument.text") {
                throw unsupported(fileName, "an OpenDocument text (.odt)", saveAs: ".docx")
            }
        } else if archive.contains("content.xml") && archive.contains("META-INF/manifest.xml") {
            return .ods  // an ODF package whose mimetype member went missing; content.xml decides
        }
        // The name is only a hint: an ".xlsx" whose workbook part is missing is a damaged
        // workbook; any other zip is simply not an application format.
        if FileNameHint(fileName).isOfficeZip {
            throw DocumentError(.encryptedOrCorrupt,
                "\(fileName) is a zip container without the parts a workbook or document needs; "
                + "the file is damaged. Save it again and resend it.")
        }
        throw DocumentError(.unsupportedFormat,
            "\(fileName) is a zip archive without a spreadsheet or Word document inside. "
            + "Send the application itself as .xlsx, .ods, .docx or .csv.")
    }

    /// Macro-enabled files (.xlsm/.docm) are refused: their code never runs here, but accepting
    /// them would teach people to send macros. The content type decides, not the extension.
    private static func refuseMacros(_ archive: SafeArchive, fileName: String, project: String,
                                     saveAs: String) throws(DocumentError) {
        var hasMacros = archive.contains(project)
        if !hasMacros, let types = try archive.member("[Content_Types].xml") {
            hasMacros = String(decoding: types, as: UTF8.self).lowercased().contains("macroenabled")
        }
        if hasMacros {
            throw unsupported(fileName, "a macro-enabled document", saveAs: saveAs)
        }
    }

    private static func unsupported(_ fileName: String, _ what: String, saveAs: String) -> DocumentError {
        DocumentError(.unsupportedFormat,
            "\(fileName) is \(what); save it as \(saveAs) (File → Save As) and send it again.")
    }
}
