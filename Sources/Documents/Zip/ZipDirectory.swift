/// The central directory of a zip file (APPNOTE.TXT §4.3.16, §4.3.12, ZIP64 §4.3.14–15),
/// parsed with every offset and length checked against the file before use.
///
/// Why not ZIPFoundation's `Archive(data:)`: its in-memory file seeks wherever a header says
/// and traps (`Range requires lowerBound <= upperBound`) when that is past the end, and its
/// Linux inflate loop reads past short chunks and spins at end of input. A damaged or crafted
/// attachment must give an error, not a crash or a hang.
struct ZipDirectory {
    struct Member {
        var name: String
        var flags: Int
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        /// What the archive claims; only a capacity hint, never trusted as a limit.
        var claimedSize: Int
        var localHeaderOffset: Int
    }

    private(set) var members: [Member] = []

    init(bytes: [UInt8], fileName: String, limits: DocumentLimits) throws(DocumentError) {
        func corrupt(_ what: String) -> DocumentError {
            DocumentError(.encryptedOrCorrupt,
                "\(fileName) is not a complete zip container (\(what)); the file is probably truncated "
                + "or damaged. Save it again and resend it.")
        }
        guard let end = Self.findEndRecord(bytes) else { throw corrupt("no end of central directory") }
        guard var count = bytes.uint16(at: end + 10), var size = bytes.uint32(at: end + 12),
              var offset = bytes.uint32(at: end + 16) else { throw corrupt("short end record") }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record and points at the ZIP64 record.
            guard bytes.uint32(at: end - 20) == 0x0706_4B50, let record = bytes.uint64(at: end - 12),
                  bytes.uint32(at: record) == 0x0606_4B50, let count64 = bytes.uint64(at: record + 32),
                  let size64 = bytes.uint64(at: record + 40), let offset64 = bytes.uint64(at: record + 48)
            else { throw corrupt("damaged ZIP64 end record") }
            (count, size, offset) = (count64, size64, offset64)
        }
        guard offset >= 0, size >= 0, offset <= bytes.count, size <= bytes.count - offset else {
            throw corrupt("central directory outside the file")
        }
        guard count <= limits.maxArchiveMembers else {
            throw DocumentError(.unsafeArchive,
                "\(fileName) lists \(count) members (maximum \(limits.maxArchiveMembers)); "
                + "it was not unpacked.")
        }
        var position = offset
        let directoryEnd = offset + size
        members.reserveCapacity(count)
        for _ in 0..<count {
            guard position + 46 <= directoryEnd, bytes.uint32(at: position) == 0x0201_4B50,
                  let flags = bytes.uint16(at: position + 8), let method = bytes.uint16(at: position + 10),
                  let crc = bytes.uint32(at: position + 16), var compressed = bytes.uint32(at: position + 20),
                  var claimed = bytes.uint32(at: position + 24), let nameLength = bytes.uint16(at: position + 28),
                  let extraLength = bytes.uint16(at: position + 30), let commentLength = bytes.uint16(at: position + 32),
                  var local = bytes.uint32(at: position + 42)
            else { throw corrupt("damaged central directory entry") }
            let nameStart = position + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directoryEnd else { throw corrupt("central directory entry runs past its end") }
            // ZIP64 extended information (§4.5.3): present only for the fields saturated at 0xFFFFFFFF.
            if compressed == 0xFFFF_FFFF || claimed == 0xFFFF_FFFF || local == 0xFFFF_FFFF,
               let extra = Self.zip64Extra(bytes, extraStart..<(extraStart + extraLength)) {
                var field = extra
                if claimed == 0xFFFF_FFFF { claimed = bytes.uint64(at: field) ?? -1; field += 8 }
                if compressed == 0xFFFF_FFFF { compressed = bytes.uint64(at: field) ?? -1; field += 8 }
                if local == 0xFFFF_FFFF { local = bytes.uint64(at: field) ?? -1 }
            }
            guard compressed >= 0, local >= 0 else { throw corrupt("damaged ZIP64 sizes") }
            // Bit 11: UTF-8 names. Legacy CP437 names are decoded leniently; office parts are ASCII.
            let name = String(decoding: bytes[nameStart..<extraStart], as: UTF8.self)
            members.append(Member(name: name, flags: flags, method: method, crc32: UInt32(crc),
                                  compressedSize: compressed, claimedSize: max(0, claimed), localHeaderOffset: local))
            position = next
        }
    }

    /// The byte range of a member's stored data, checked against the file.
    func dataRange(of member: Member, in bytes: [UInt8]) -> Range<Int>? {
        let header = member.localHeaderOffset
        guard bytes.uint32(at: header) == 0x0403_4B50, let nameLength = bytes.uint16(at: header + 26),
              let extraLength = bytes.uint16(at: header + 28) else { return nil }
        let start = header + 30 + nameLength + extraLength
        guard start <= bytes.count, member.compressedSize <= bytes.count - start else { return nil }
        return start..<(start + member.compressedSize)
    }

    /// The end of central directory record: the last signature within the 64 KiB comment window.
    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        let lowest = max(0, position - 0xFFFF)
        while position >= lowest {
            if bytes[position] == 0x50, bytes.uint32(at: position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    /// Offset of the ZIP64 extra field's data within `range`, if there is one.
    private static func zip64Extra(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var position = range.lowerBound
        while position + 4 <= range.upperBound {
            guard let id = bytes.uint16(at: position), let length = bytes.uint16(at: position + 2) else { return nil }
            if id == 0x0001 { return position + 4 }
            position += 4 + length
        }
        return nil
    }
}
