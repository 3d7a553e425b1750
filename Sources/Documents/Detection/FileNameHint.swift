/// What a file's name suggests. The bytes always decide the format; the name only chooses
/// between "damaged" and "not supported" when the bytes are ambiguous.
struct FileNameHint {
    let fileExtension: String

    init(_ fileName: String) {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? fileName
        fileExtension = last.contains(".") ? String(last.split(separator: ".").last ?? "").lowercased() : ""
    }

    var isOfficeZip: Bool { ["xlsx", "xlsm", "docx", "docm", "ods", "xltx", "dotx"].contains(fileExtension) }
    var isLegacyWorkbook: Bool { ["xls", "xlt"].contains(fileExtension) }
}
