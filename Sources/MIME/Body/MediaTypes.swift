/// Media types from file extensions, for parts labelled with a generic type
/// (The Bat! and others send every file as application/octet-stream) and for files in winmail.dat.
public enum MediaTypes {
    static let generic: Set<String> = [
        "application/octet-stream", "binary/octet-stream", "application/download", "application/force-download",
        "application/x-download", "application/unknown", "application/x-unknown", "application/binary",
    ]

    static let byExtension: [String: String] = [
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
        "xls": "application/vnd.ms-excel",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odt": "application/vnd.oasis.opendocument.text",
        "csv": "text/csv",
        "txt": "text/plain",
        "htm": "text/html", "html": "text/html",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "rtf": "application/rtf",
        "pdf": "application/pdf",
        "zip": "application/zip",
        "rar": "application/vnd.rar",
        "7z": "application/x-7z-compressed",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "tif": "image/tiff", "tiff": "image/tiff",
        "eml": "message/rfc822",
        "dat": "application/octet-stream",
    ]

    /// The type for a file name's extension, if known.
    public static func forFilename(_ name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }

    /// The declared type unless it is a generic one and the file name says more.
    public static func effective(declared: String, filename: String?) -> String {
        guard generic.contains(declared), let name = filename, let known = forFilename(name) else { return declared }
        return known
    }
}

extension MIMEPart {
    /// The media type to report: the declared one, or the file extension's when the declared one is generic.
    public var effectiveMimeType: String { MediaTypes.effective(declared: contentType.mimeType, filename: filename) }
}
