/// Just enough of the OLE2 Compound File Binary format (MS-CFB) to tell its content apart:
/// a legacy workbook (`Workbook`/`Book` stream), a Word 97 document (`WordDocument`), or an
/// encrypted OOXML file (`EncryptionInfo` + `EncryptedPackage`, ECMA-376 §2.3).
///
/// Directory entries are 128-byte records holding the UTF-16LE name and its byte length; they
/// sit in sectors (512 or 4096 bytes) after the 512-byte header, so every entry starts at a
/// multiple of 128. Scanning those offsets for a name is enough to classify the file without
/// following the FAT chains, and cannot loop.
enum CompoundFile {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && Array(bytes[0..<8]) == magic
    }

    /// True when some directory entry is named `name` (case-insensitive, as in MS-CFB §2.6.1).
    static func hasStream(_ bytes: [UInt8], named name: String) -> Bool {
        let wanted = Array(name.uppercased().utf16)
        let nameBytes = (wanted.count + 1) * 2  // includes the terminating NUL
        var offset = 512
        while offset + 128 <= bytes.count {
            let length = Int(bytes[offset + 64]) | Int(bytes[offset + 65]) << 8
            if length == nameBytes, matches(bytes, at: offset, wanted) { return true }
            offset += 128
        }
        return false
    }

    private static func matches(_ bytes: [UInt8], at offset: Int, _ wanted: [UInt16]) -> Bool {
        for (index, unit) in wanted.enumerated() {
            let value = UInt16(bytes[offset + 2 * index]) | UInt16(bytes[offset + 2 * index + 1]) << 8
            let upper = (value >= 0x61 && value <= 0x7A) ? value - 0x20 : value
            if upper != unit { return false }
        }
        return true
    }
}
