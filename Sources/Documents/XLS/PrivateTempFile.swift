import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private copy of bytes on disk for C libraries that only open paths (FreeXL 1.x has no
/// open-from-memory call). This is the one place the Documents module touches the file system:
/// `mkstemp` creates the file with mode 0600 under an unpredictable name, and the owner removes
/// it as soon as the library has opened it.
struct PrivateTempFile {
    let path: String

    init?(bytes: [UInt8]) {
        let directory = FileManager.default.temporaryDirectory.path
        var template = Array((directory + "/cpdbot-xls-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        path = String(cString: template.map { UInt8(bitPattern: $0) } + [0])
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                guard let base = raw.baseAddress else { return false }
                let result = write(descriptor, base + written, raw.count - written)
                if result <= 0 { return false }
                written += result
            }
            return true
        }
        guard ok else {
            unlink(path)
            return nil
        }
    }

    func remove() { unlink(path) }
}
