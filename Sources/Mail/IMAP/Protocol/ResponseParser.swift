import Foundation

/// Turns a framed response into an `IMAPResponse` (RFC 9051 §7). Pure: bytes in, values out.
enum ResponseParser {
    static func parse(_ raw: RawResponse) throws(ResponseScanner.SyntaxError) -> IMAPResponse {
        var scanner = ResponseScanner(raw)
        if scanner.take(UInt8(ascii: "+")) { return .continuation(scanner.rest()) }
        let tag = try scanner.atom()
        if tag == "*" { return .untagged(try untagged(&scanner)) }
        return .tagged(tag: tag, try status(named: try scanner.atom(), &scanner))
    }

    private static func untagged(_ scanner: inout ResponseScanner) throws(ResponseScanner.SyntaxError) -> Untagged {
        let first = try scanner.atom()
        if let number = UInt32(first) {
            let name = try scanner.atom().uppercased()
            switch name {
            case "EXISTS": return .exists(number)
            case "RECENT": return .recent(number)
            case "EXPUNGE": return .expunge(number)
            case "FETCH": return .fetch(sequence: number, try fetchAttributes(try scanner.value()))
            default: return .other(name: name, values: [.atom(first)] + (try values(&scanner)))
            }
        }
        let name = first.uppercased()
        switch name {
        case "OK", "NO", "BAD", "BYE", "PREAUTH":
            return .status(try status(named: name, &scanner))
        case "CAPABILITY":
            return .capability(Set(try values(&scanner).compactMap { $0.atom?.uppercased() }))
        case "SEARCH":
            // With CONDSTORE a trailing "(MODSEQ n)" may follow the numbers.
            return .search(try values(&scanner).compactMap(\.uid))
        case "FLAGS":
            return .flags(try scanner.value().list?.compactMap(\.atom) ?? [])
        default:
            return .other(name: name, values: (try? values(&scanner)) ?? [])
        }
    }

    private static func values(_ scanner: inout ResponseScanner) throws(ResponseScanner.SyntaxError) -> [IMAPValue] {
        var result: [IMAPValue] = []
        scanner.skipSpaces()
        while !scanner.atEnd {
            result.append(try scanner.value())
            scanner.skipSpaces()
        }
        return result
    }

    private static func status(
        named name: String, _ scanner: inout ResponseScanner
    ) throws(ResponseScanner.SyntaxError) -> StatusResponse {
        guard let status = StatusResponse.Status(rawValue: name.uppercased()) else {
            throw ResponseScanner.SyntaxError(reason: "unknown status \(name)")
        }
        var code: ResponseCode?
        if scanner.take(UInt8(ascii: "[")) {
            let codeName = try scanner.atom().uppercased()
            var values: [IMAPValue] = []
            while !scanner.take(UInt8(ascii: "]")) {
                guard scanner.peek() != nil else { throw ResponseScanner.SyntaxError(reason: "unterminated response code") }
                values.append(try scanner.value())
            }
            code = ResponseCode(name: codeName, values: values)
        }
        return StatusResponse(status: status, code: code, text: scanner.rest())
    }

    /// `(UID 7 RFC822.SIZE 40960 FLAGS (\Seen) BODY[] {40960}…)`: pairs of name and value.
    private static func fetchAttributes(_ value: IMAPValue) throws(ResponseScanner.SyntaxError) -> FetchAttributes {
        guard let items = value.list, items.count % 2 == 0 else {
            throw ResponseScanner.SyntaxError(reason: "FETCH data is not a list of name/value pairs")
        }
        var attributes = FetchAttributes()
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let name = items[index].atom?.uppercased() else { continue }
            let item = items[index + 1]
            switch name {
            case "UID": attributes.uid = item.uid
            case "RFC822.SIZE": attributes.size = item.number.flatMap { Int(exactly: $0) }
            case "FLAGS": attributes.flags = item.list?.compactMap(\.atom)
            case "INTERNALDATE": attributes.internalDate = item.text.flatMap(InternalDate.parse)
            case "BODY[]", "BINARY[]", "RFC822":
                switch item {
                case .literal(let literal): attributes.body = literal
                case .quoted(let bytes): attributes.body = .data(Data(bytes))
                default: attributes.body = nil  // NIL: the message vanished meanwhile
                }
            case _ where name.hasPrefix("BODY[HEADER.FIELDS"):
                switch item {
                case .literal(let literal): attributes.headerFields = literal
                case .quoted(let bytes): attributes.headerFields = .data(Data(bytes))
                default: attributes.headerFields = nil
                }
            default: continue
            }
        }
        return attributes
    }
}
