#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast byte searches over the message buffer (memchr), so a 25 MB body is scanned, not stepped through.
enum ByteSearch {
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether `bytes[at...]` starts with `prefix` (within `end`).
    static func hasPrefix(_ bytes: [UInt8], at: Int, end: Int, _ prefix: [UInt8]) -> Bool {
        guard at + prefix.count <= end else { return false }
        for k in 0..<prefix.count where bytes[at + k] != prefix[k] { return false }
        return true
    }
}
