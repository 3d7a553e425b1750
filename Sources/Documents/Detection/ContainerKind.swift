import Foundation

/// What the first bytes of a file say it is, before any archive is opened.
enum ContainerKind: Equatable {
    case zip
    case compoundFile
    /// A format we recognise but do not read (PDF, images, RTF…), with a name for the reply.
    case unsupported(String)
    case html
    case text

    /// Classifies by magic numbers only; the file name is never trusted for this.
    static func sniff(_ bytes: [UInt8]) -> ContainerKind {
        func starts(_ magic: [UInt8]) -> Bool {
            bytes.count >= magic.count && Array(bytes[0..<magic.count]) == magic
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if CompoundFile.hasMagic(bytes) { return .compoundFile }
        let signatures: [([UInt8], String)] = [
            (Array("%PDF".utf8), "PDF"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
            ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
            (Array("{\\rtf".utf8), "RTF"),
            (Array("Rar!".utf8), "a RAR archive"),
            ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
            ([0x1F, 0x8B], "a gzip archive"),
            ([0x09, 0x08, 0x10, 0x00], "a BIFF5 workbook"),
        ]
        for (magic, name) in signatures where starts(magic) { return .unsupported(name) }
        if starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return .unsupported("a WebP image")
        }
        if looksLikeHTML(bytes) { return .html }
        if looksLikeSpreadsheetML(bytes) { return .unsupported("an Excel 2003 XML spreadsheet") }
        if looksBinary(bytes) { return .unsupported("a binary file") }
        return .text
    }

    /// Excel's and Outlook's "web page" exports: markup that opens with `<html`, `<!DOCTYPE html`
    /// or `<table` after optional whitespace and BOM.
    private static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            .lowercased()
        return head.hasPrefix("<html") || head.hasPrefix("<!doctype html") || head.hasPrefix("<table")
            || (head.hasPrefix("<?xml") && head.contains("<html"))
    }

    /// Excel 2003's "XML Spreadsheet" (`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`).
    private static func looksLikeSpreadsheetML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        return head.contains("<?xml") && head.contains("urn:schemas-microsoft-com:office:spreadsheet")
    }

    /// NUL bytes do not occur in text files except UTF-16: with a BOM, or without one when the
    /// zero bytes sit almost all at odd (LE) or all at even (BE) positions, as Latin text gives.
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        let sample = bytes.prefix(8192)
        var zerosAtEven = 0
        var zerosAtOdd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
        }
        guard zerosAtEven + zerosAtOdd > 0 else { return false }
        let pairs = max(1, sample.count / 2)
        let utf16LE = zerosAtOdd * 10 >= pairs * 3 && zerosAtEven == 0
        let utf16BE = zerosAtEven * 10 >= pairs * 3 && zerosAtOdd == 0
        return !(utf16LE || utf16BE)
    }
}
