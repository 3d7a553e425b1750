internal import CYTNEF

/// Reads the files inside a winmail.dat (application/ms-tnef) with Debian's libytnef.
/// Pure: the container's bytes in, the files out.
public enum TNEFReader {
    /// One file from the container.
    public struct File: Sendable, Equatable {
        /// The long file name (PR_ATTACH_LONG_FILENAME) when present, else the 8.3 title.
        public let filename: String
        /// The file's content.
        public let bytes: [UInt8]
        /// The MIME type from PR_ATTACH_MIME_TAG, else from the extension, else octet-stream.
        public let mimeType: String
    }

    // MAPI property tags (mapidefs.h): PROP_TAG(type, id) = id << 16 | type.
    private static let longFilename8: UInt32 = 0x3707_001E
    private static let longFilenameUnicode: UInt32 = 0x3707_001F
    private static let mimeTag8: UInt32 = 0x370E_001E

    /// The files inside a winmail.dat (MS-OXTNEF), via libytnef; throws when the container cannot be read.
    public static func files(in container: [UInt8], limits: MIMELimits = .default) throws(MIMEError) -> [File] {
        guard container.count >= 6 else { throw .unreadableTNEF(reason: "it is only \(container.count) bytes long") }
        // libytnef checks the TNEF signature (0x223E9F78) itself, but refusing early keeps
        // random bytes away from the C parser.
        guard container[0] == 0x78, container[1] == 0x9F, container[2] == 0x3E, container[3] == 0x22 else {
            throw .unreadableTNEF(reason: "the TNEF signature is missing")
        }
        var tnef = TNEFStruct()
        TNEFInitialize(&tnef)
        defer { TNEFFree(&tnef) }
        var copy = container  // libytnef takes a mutable pointer
        let status = copy.withUnsafeMutableBufferPointer { buf -> Int32 in
            guard let base = buf.baseAddress else { return -1 }
            return TNEFParseMemory(base, buf.count, &tnef)
        }
        guard status == 0 else { throw .unreadableTNEF(reason: "libytnef reported error \(status)") }

        var files: [File] = []
        var node = tnef.starting_attach.next
        var total = 0
        while let attachment = node {
            defer { node = attachment.pointee.next }
            let data = bytes(of: attachment.pointee.FileData)
            guard !data.isEmpty || attachment.pointee.Title.size > 0 else { continue }
            total += data.count
            try limits.check(.decodedSize, total, limits.maxDecodedSize)
            let name = longName(attachment) ?? text(bytes(of: attachment.pointee.Title)) ?? "attachment"
            var mapi = attachment.pointee.MAPI
            let declared = findProperty(&mapi, mimeTag8).flatMap(text)?.lowercased()
            let mime = declared.map { MediaTypes.effective(declared: $0, filename: name) }
                ?? MediaTypes.forFilename(name) ?? "application/octet-stream"
            files.append(File(filename: name, bytes: data, mimeType: mime))
        }
        return files
    }

    private static func longName(_ attachment: UnsafeMutablePointer<Attachment>) -> String? {
        var mapi = attachment.pointee.MAPI
        if let unicode = findProperty(&mapi, longFilenameUnicode) {
            var units: [UInt16] = []
            var i = 0
            while i + 1 < unicode.count {
                let u = UInt16(unicode[i]) | UInt16(unicode[i + 1]) << 8
                if u == 0 { break }
                units.append(u); i += 2
            }
            if !units.isEmpty { return String(decoding: units, as: UTF16.self) }
        }
        return findProperty(&mapi, longFilename8).flatMap(text)
    }

    private static func findProperty(_ mapi: inout MAPIProps, _ tag: UInt32) -> [UInt8]? {
        guard let value = MAPIFindProperty(&mapi, tag) else { return nil }
        // libytnef returns a sentinel (MAPI_UNDEFINED: a pointer to -1) when the property is absent.
        guard Int(bitPattern: value) != -1 else { return nil }
        let found = bytes(of: value.pointee)
        return found.isEmpty ? nil : found
    }

    private static func bytes(of value: variableLength) -> [UInt8] {
        guard let data = value.data, value.size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: Int(value.size)))
    }

    /// An 8-bit string property: NUL-terminated, in the sender's code page (UTF-8 or guessed).
    private static func text(_ bytes: [UInt8]) -> String? {
        let trimmed = bytes.prefix { $0 != 0 }
        let s = Charset.decodeHeader(trimmed).trimmingWhitespace()
        return s.isEmpty ? nil : s
    }
}
