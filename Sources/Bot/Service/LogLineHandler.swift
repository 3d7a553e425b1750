public import Foundation
public import Logging

/// `--log-format`: plain lines for a person, JSON objects for a log collector.
public enum LogFormat: String, CaseIterable, Sendable {
    case text, json
}

/// Log lines on stderr. Under systemd, when stderr is the journal (`JOURNAL_STREAM` names it),
/// each text line starts with its syslog priority (`<3>` error … `<7>` debug) so that
/// `journalctl -p err` works, and carries no timestamp of its own (the journal adds one).
/// Messages are the bot's own wording; no password or token is ever put into one.
public struct LogLineHandler: LogHandler {
    /// Metadata added to every line (swift-log `LogHandler`).
    public var metadata: Logger.Metadata = [:]
    /// Lines below this level are dropped.
    public var logLevel: Logger.Level = .info
    let label: String
    let format: LogFormat
    let toJournal: Bool

    /// One metadata value (swift-log `LogHandler`).
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line to standard error, as text or JSON; text to the systemd journal gets an sd-daemon(3) priority prefix (`<3>`) instead of a timestamp.
    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = Self.line(level: event.level, message: "\(event.message)", metadata: merged, label: label,
                             format: format, toJournal: toJournal, now: Date())
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// One line, without its line break (values in, text out: tested directly).
    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata, label: String,
                     format: LogFormat, toJournal: Bool, now: Date) -> String {
        let flatMessage = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        switch format {
        case .json:
            var object: [String: String] = metadata.mapValues { "\($0)" }
            object["time"] = ISO8601DateFormatter().string(from: now)
            object["level"] = level.rawValue
            object["priority"] = String(priority(level))
            object["logger"] = label
            object["message"] = flatMessage
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .text:
            let details = metadata.isEmpty ? "" : " " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            if toJournal { return "<\(priority(level))>\(flatMessage)\(details)" }
            return "\(ISO8601DateFormatter().string(from: now)) \(level.rawValue) \(label): \(flatMessage)\(details)"
        }
    }

    /// syslog priorities, as journald reads them from a `<N>` prefix.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// True when stderr is the stream systemd connected to the journal: `JOURNAL_STREAM` is
    /// `device:inode` of that stream (systemd.exec(5)); a redirected stderr no longer matches.
    public static func stderrIsJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}

/// Installs `LogLineHandler` as the process's log handler, once.
public enum LogSetup {
    private final class Once: @unchecked Sendable {
        let lock = NSLock()
        var installed = false
    }

    private static let once = Once()

    /// Makes this handler the process's logging backend, once; later calls do nothing (swift-log allows one bootstrap).
    public static func install(format: LogFormat, level: Logger.Level) {
        once.lock.withLock {
            guard !once.installed else { return }
            once.installed = true
            let toJournal = LogLineHandler.stderrIsJournal()
            LoggingSystem.bootstrap { label in
                LogLineHandler(logLevel: level, label: label, format: format, toJournal: toJournal)
            }
        }
    }
}
