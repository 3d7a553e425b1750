// The libc calls the store needs, behind one import so the rest stays portable.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin wrappers that turn failing system calls into `StoreError.io` naming the path.
enum POSIX {
    /// Opens `path`, retrying on EINTR.
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0, operation: String) throws -> Int32 {
        while true {
            let fd = Glibc_open(path, flags, mode)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw StoreError.io(operation: operation, path: path, errno: errno)
        }
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: Data, path: String) throws {
        try bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io(operation: "write", path: path, errno: errno)
                }
                offset += written
            }
        }
    }

    /// fsyncs `fd` – or, inside a group commit on this thread, keeps it for the batch's commit.
    /// `target`: the path the file is about to be renamed to (`GroupCommit.hold`).
    static func fsync(_ fd: Int32, path: String, target: String? = nil) throws {
        if let batch = GroupCommit.current {
            try batch.hold(fd, path: path, target: target)
            return
        }
        try flush(fd, path: path)
    }

    /// fsync(2) now, retrying on EINTR.
    static func flush(_ fd: Int32, path: String) throws {
        while true {
            if Glibc_fsync(fd) == 0 { return }
            if errno == EINTR { continue }
            throw StoreError.io(operation: "flush to disk", path: path, errno: errno)
        }
    }

    /// fsyncs a directory so that a rename or a new file in it survives a crash (inside a
    /// group commit on this thread: at the batch's commit).
    static func fsyncDirectory(_ path: String) throws {
        if let batch = GroupCommit.current {
            batch.hold(directory: path)
            return
        }
        try flushDirectory(path)
    }

    /// fsyncs a directory now.
    static func flushDirectory(_ path: String) throws {
        let fd = try open(path, O_RDONLY | O_DIRECTORY, operation: "open directory")
        defer { close(fd) }
        try flush(fd, path: path)
    }

    /// Creates `path` and its missing parents with mode 0700; tightens an existing one to 0700.
    static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.io(operation: "use as a directory", path: path, errno: ENOTDIR)
            }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, parent != path { try makeDirectory(parent) }
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError.io(operation: "create directory", path: path, errno: errno)
            }
            // Only directories we create are tightened: parents like /var or $HOME are not ours.
            if chmod(path, 0o700) != 0 {
                throw StoreError.io(operation: "set permissions of", path: path, errno: errno)
            }
        }
    }

    /// Sets mode 0700 on a directory of the store's own (one it owns, whoever created it).
    static func restrictDirectory(_ path: String) throws {
        if chmod(path, 0o700) != 0 {
            throw StoreError.io(operation: "set permissions of", path: path, errno: errno)
        }
    }

    /// The names in a directory (without `.` and `..`); empty when it does not exist.
    static func list(_ path: String) throws -> [String] {
        guard let stream = opendir(path) else {
            if errno == ENOENT { return [] }
            throw StoreError.io(operation: "list", path: path, errno: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Reads a whole file; nil when it does not exist.
    static func readIfExists(_ url: URL) throws -> Data? {
        let path = url.path
        // A replacement deferred to this thread's group commit is the file's content already.
        if let batch = GroupCommit.current, let pending = batch.deferredContent(path) { return pending }
        let fd: Int32
        do {
            fd = try open(path, O_RDONLY, operation: "open")
        } catch StoreError.io(_, _, let code) where code == ENOENT {
            return nil
        }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(operation: "read", path: path, errno: errno)
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }
}

// Named aliases so that the wrappers above can share the libc names.
#if canImport(Glibc)
@inline(__always) private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
@inline(__always) private func Glibc_fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
#elseif canImport(Darwin)
@inline(__always) private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
@inline(__always) private func Glibc_fsync(_ fd: Int32) -> Int32 { Darwin.fsync(fd) }
#endif
