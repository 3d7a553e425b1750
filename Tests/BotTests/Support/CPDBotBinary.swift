import Foundation

/// The cpdbot executable that `swift build` made, for tests that must kill and restart it.
enum CPDBotBinary {
    static var url: URL? {
        if let path = ProcessInfo.processInfo.environment["CPDBOT_BINARY"] { return URL(fileURLWithPath: path) }
        for configuration in ["debug", "release"] {
            let candidate = MailSandbox.repository.appendingPathComponent(".build/\(configuration)/cpdbot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    struct Missing: Error {}

    static func start(_ arguments: [String], logTo log: URL) throws -> Process {
        guard let url else { throw Missing() }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments + ["--templates", MailSandbox.repository.appendingPathComponent("templates").path]
        process.currentDirectoryURL = MailSandbox.repository
        if !FileManager.default.fileExists(atPath: log.path) { FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// A configuration file for a bot on the sandbox; poll interval short so `run` keeps busy.
    /// `imap` and `smtp`: more keys for those sections, e.g. `server_saves_sent: yes`.
    static func writeConfig(sandbox: MailSandbox, bot: String, store: URL, in folder: URL,
                            imap: [String: String] = [:], smtp: [String: String] = [:]) throws -> URL {
        let url = folder.appendingPathComponent("cpdbot.yml")
        func more(_ keys: [String: String]) -> String {
            keys.sorted { $0.key < $1.key }.map { ", \($0.key): \"\($0.value)\"" }.joined()
        }
        let yaml = """
            imap: { url: "imaps://127.0.0.1:10993", user: \(bot), password_file: \(sandbox.passwordFile), mailbox: INBOX\(more(imap)) }
            smtp: { url: "smtp://127.0.0.1:10587", user: \(bot), password_file: \(sandbox.passwordFile)\(more(smtp)) }
            tls: { ca_file: \(sandbox.caFile) }
            bot: { address: \(bot), dshr: [dshr@kazguu.kz], language: kk, trusted_authserv_id: mx.kazguu.kz }
            store: { path: \(store.path) }
            replies: { max_per_sender_per_hour: 1000 }
            poll_interval_seconds: 2
            console: { listen: "" }

            """
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
