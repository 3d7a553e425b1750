#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc iconv, converting to UTF-8. One converter per call: iconv_t is not thread-safe and
/// glibc caches the loaded conversion modules, so opening is cheap.
enum Iconv {
    enum Failure: Error { case unknownCharset, invalidInput }

    static func toUTF8(_ bytes: [UInt8], from charset: String, lenient: Bool) throws(Failure) -> String {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { throw .unknownCharset }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return "" }

        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        var failed = false
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                guard let inBase = input.baseAddress, let outBase = out.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = input.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    // EILSEQ or EINVAL (an incomplete sequence at the end): strict callers fail,
                    // lenient ones write U+FFFD and skip one byte.
                    guard lenient, errno == EILSEQ || errno == EINVAL, outLeft >= 3 else {
                        failed = true
                        break
                    }
                    for byte in [UInt8(0xEF), 0xBF, 0xBD] {
                        outPointer?.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer.map { $0 + 1 }
                    }
                    outLeft -= 3
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
                produced = out.count - outLeft
            }
        }
        if failed { throw .invalidInput }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }
}
