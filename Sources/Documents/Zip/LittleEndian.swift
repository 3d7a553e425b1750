/// Bounds-checked little-endian reads for zip structures: nil instead of a trap when a
/// damaged header points outside the file.
extension Array where Element == UInt8 {
    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    func uint32(at offset: Int) -> Int? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return Int(self[offset]) | Int(self[offset + 1]) << 8 | Int(self[offset + 2]) << 16 | Int(self[offset + 3]) << 24
    }

    /// A 64-bit field; values past Int.max (never real in a 10 MB file) read as nil.
    func uint64(at offset: Int) -> Int? {
        guard let low = uint32(at: offset), let high = uint32(at: offset + 4), high < 0x8000_0000 else { return nil }
        return low | high << 32
    }
}
