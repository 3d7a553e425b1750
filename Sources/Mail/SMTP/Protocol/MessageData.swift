/// The bytes that follow the 354 to DATA (RFC 5321 §4.5.2): the message with a "." added to
/// every line that starts with one, then the end-of-data line. Pure.
///
/// A bare CR or LF is written as CRLF: the message should have none, and a server that takes a
/// bare line end for a real one must never see a lone "." line the client did not mean
/// (SMTP smuggling). A message that does not end with a line end gets one.
enum MessageData {
    static func append(_ message: some Collection<UInt8>, to out: inout [UInt8]) {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        out.reserveCapacity(out.count + message.count + message.count / 64 + 8)
        var atLineStart = true
        var afterCR = false
        for byte in message {
            if afterCR {
                afterCR = false
                if byte == lf { continue }  // the LF of a CRLF already written
            }
            switch byte {
            case cr:
                out.append(cr)
                out.append(lf)
                atLineStart = true
                afterCR = true
            case lf:
                out.append(cr)
                out.append(lf)
                atLineStart = true
            case dot where atLineStart:
                out.append(dot)
                out.append(dot)
                atLineStart = false
            default:
                out.append(byte)
                atLineStart = false
            }
        }
        if !atLineStart {
            out.append(cr)
            out.append(lf)
        }
        out.append(contentsOf: [dot, cr, lf])
    }
}
