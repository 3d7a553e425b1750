import Foundation
@testable import Intake
import MIME
@testable import Bot

/// Builds application mails for load and crash tests: a head's message with a small CSV
/// Appendix 1 attached, a unique Message-ID and a Date that orders them.
enum ApplicationMail {
    /// A backlog of application mails `1...count`, from the heads in turn, one second apart from
    /// May 2026 (before the deadline), written as files under `folder/mail/` in the order given.
    static func backlog(count: Int, heads: [(email: String, name: String, unit: String)], to bot: String,
                        in folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mail"), withIntermediateDirectories: true)
        let start = Date(timeIntervalSince1970: 1_778_000_000)
        return try (1...count).map { number in
            let url = folder.appendingPathComponent("mail/\(number).eml")
            try make(number: number, from: heads[number % heads.count], to: bot, date: start.addingTimeInterval(Double(number)))
                .write(to: url)
            return url
        }
    }

    static func make(number: Int, from head: (email: String, name: String, unit: String), to bot: String,
                     rows: Int = 2, date: Date) -> Data {
        var csv = "№;Мектеп;Т.А.Ә.;Даярлау бағыты;Білім беру бағдарламасы;Соңғы курс;Курс күні;Сағат саны;Телефон;Электрондық пошта\r\n"
        for row in 1...rows {
            csv += "\(row);\(head.unit);Қызметкер \(number)-\(row);6B04201 Құқықтану;6B04201 Құқықтану;"
            csv += "Кәсіби даму;15.03.2024;72;87011234567;person\(number).\(row)@kazguu.kz\r\n"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        formatter.timeZone = TimeZone(identifier: "Asia/Almaty")
        let boundary = "b\(number)x"
        let attachment = Data(csv.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = """
            From: =?UTF-8?B?\(Data(head.name.utf8).base64EncodedString())?= <\(head.email)>\r
            To: <\(bot)>\r
            Subject: =?UTF-8?B?\(Data("Өтінім \(number)".utf8).base64EncodedString())?=\r
            Date: \(formatter.string(from: date))\r
            Message-ID: <app-\(number)@test.kazguu.kz>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="\(boundary)"\r
            \r
            --\(boundary)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Өтінімді жіберемін.\r
            --\(boundary)\r
            Content-Type: text/csv; charset=utf-8; name="otinim-\(number).csv"\r
            Content-Disposition: attachment; filename="otinim-\(number).csv"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(attachment)\r
            --\(boundary)--\r

            """
        return Data(text.utf8)
    }
}

extension MessageReading {
    /// Reads a corpus message as received at the moment its `Date:` header names, as the
    /// sample corpus records its messages (`received` in expected.json).
    static func readAsDated(_ raw: Data) throws -> MessageReading {
        let claimed = try MessageParser().parse([UInt8](raw)).date?.date
        return try read([UInt8](raw), receivedAt: claimed ?? Date(), limits: .init())
    }
}
