import Foundation

/// Peak resident memory of this process from /proc/self/status (Linux).
enum MemoryProbe {
    struct Unavailable: Error {}

    /// Resets VmHWM to the current RSS (writing "5" to /proc/self/clear_refs) and returns it.
    static func resetPeak() throws -> Int {
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            handle.write(Data("5".utf8))
            try? handle.close()
        }
        return try value("VmHWM")
    }

    static func peak() throws -> Int { try value("VmHWM") }

    /// A "VmHWM:   123456 kB" line, in bytes.
    static func value(_ key: String) throws -> Int {
        let text = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            if let digits { return digits * 1024 }
        }
        throw Unavailable()
    }
}
