/// Reads one stream out of an OLE2 compound file (MS-CFB): the FAT and DIFAT chains, the
/// directory, and the mini stream for small streams. Used for the facts FreeXL does not report
/// (merged regions, hidden sheets). Every chain walk is bounded by the sector count, so a
/// damaged or hostile file gives nil, never a loop.
enum CompoundFileStream {
    private static let endOfChain = 0xFFFF_FFFE

    static func read(_ bytes: [UInt8], named name: String) -> [UInt8]? {
        guard CompoundFile.hasMagic(bytes), bytes.count >= 512,
              let sectorShift = bytes.uint16(at: 0x1E), (9...12).contains(sectorShift),
              let miniShift = bytes.uint16(at: 0x20), miniShift == 6,
              let firstDirectory = bytes.uint32(at: 0x30), let miniCutoff = bytes.uint32(at: 0x38),
              let firstMiniFAT = bytes.uint32(at: 0x3C), let firstDIFAT = bytes.uint32(at: 0x44),
              let difatCount = bytes.uint32(at: 0x48) else { return nil }
        let sectorSize = 1 << sectorShift
        let sectorCount = (bytes.count - 512) / sectorSize + 1
        func sector(_ number: Int) -> ArraySlice<UInt8>? {
            let start = (number + 1) << sectorShift
            guard number >= 0, number < sectorCount, start + sectorSize <= bytes.count else { return nil }
            return bytes[start..<start + sectorSize]
        }
        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [Int] = (0..<109).compactMap { bytes.uint32(at: 0x4C + 4 * $0) }.filter { $0 < sectorCount }
        var difat = firstDIFAT
        for _ in 0..<min(difatCount, sectorCount) {
            guard let block = sector(difat).map(Array.init) else { break }
            let perBlock = sectorSize / 4 - 1
            fatSectors += (0..<perBlock).compactMap { block.uint32(at: 4 * $0) }.filter { $0 < sectorCount }
            guard let next = block.uint32(at: 4 * perBlock) else { break }
            difat = next
        }
        var fat: [Int] = []
        for number in fatSectors {
            guard let block = sector(number).map(Array.init) else { continue }
            fat += (0..<sectorSize / 4).compactMap { block.uint32(at: 4 * $0) }
        }
        func chain(_ start: Int, table: [Int]) -> [Int] {
            var result: [Int] = []
            var current = start
            while current != endOfChain, current >= 0, current < table.count, result.count < table.count {
                result.append(current)
                current = table[current]
            }
            return result
        }
        func data(_ start: Int) -> [UInt8] {
            chain(start, table: fat).reduce(into: [UInt8]()) { $0 += sector($1) ?? [] }
        }
        let directory = data(firstDirectory)
        let wanted = name.uppercased()
        var root: (start: Int, size: Int)?
        var found: (start: Int, size: Int)?
        for offset in stride(from: 0, to: directory.count - 127, by: 128) {
            guard let length = directory.uint16(at: offset + 0x40), length >= 2, length <= 64,
                  let start = directory.uint32(at: offset + 0x74), let size = directory.uint32(at: offset + 0x78) else { continue }
            let units = (0..<(length / 2 - 1)).compactMap { directory.uint16(at: offset + 2 * $0) }.map(UInt16.init)
            let entryName = String(decoding: units, as: UTF16.self).uppercased()
            switch directory[offset + 0x42] {
            case 5: root = (start, size)
            case 2 where entryName == wanted && found == nil: found = (start, size)
            default: break
            }
        }
        guard let stream = found else { return nil }
        if stream.size >= miniCutoff {
            return Array(data(stream.start).prefix(stream.size))
        }
        // A small stream lives in 64-byte sectors of the root entry's mini stream.
        guard let root else { return nil }
        let miniStream = Array(data(root.start).prefix(root.size))
        let miniFATBytes = data(firstMiniFAT)
        let miniFAT = (0..<miniFATBytes.count / 4).compactMap { miniFATBytes.uint32(at: 4 * $0) }
        var result: [UInt8] = []
        for number in chain(stream.start, table: miniFAT) {
            let start = number << miniShift
            guard start + 64 <= miniStream.count else { break }
            result += miniStream[start..<start + 64]
        }
        return Array(result.prefix(stream.size))
    }
}
