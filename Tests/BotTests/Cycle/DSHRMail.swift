import Foundation

/// Messages DSHR sends in the cycle tests: a command with a CSV attached, or a reply to the
/// bot's preview. RFC 5322 with CRLF line endings, as a mail client writes them.
enum DSHRMail {
    static func command(tag: String, from: String, to bot: String, id: String, body: String, fileName: String,
                        csv: String, date: Date = Date()) -> Data {
        let boundary = "cyc-\(id.hashValue.magnitude)"
        let attachment = Data(csv.utf8).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return crlf("""
            From: DSHR <\(from)>
            To: <\(bot)>
            Subject: \(encoded(tag))
            Date: \(rfc5322(date))
            Message-ID: <\(id)>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="\(boundary)"

            --\(boundary)
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            \(Data(body.utf8).base64EncodedString())
            --\(boundary)
            Content-Type: text/csv; charset=utf-8; name="\(fileName)"
            Content-Disposition: attachment; filename="\(fileName)"
            Content-Transfer-Encoding: base64

            \(attachment)
            --\(boundary)--

            """)
    }

    static func reply(from: String, to bot: String, id: String, inReplyTo: String, subject: String, body: String,
                      date: Date = Date()) -> Data {
        crlf("""
            From: DSHR <\(from)>
            To: <\(bot)>
            Subject: \(encoded("Re: " + subject))
            Date: \(rfc5322(date))
            Message-ID: <\(id)>
            In-Reply-To: \(inReplyTo)
            References: \(inReplyTo)
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            \(Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]))

            """)
    }

    static func encoded(_ text: String) -> String { "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?=" }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        formatter.timeZone = TimeZone(identifier: "Asia/Almaty")
        return formatter.string(from: date)
    }

    private static func crlf(_ text: String) -> Data {
        Data(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}
