/// Parses a message (RFC 5322 + MIME) from raw bytes in one pass over each level of the tree.
/// Bodies are never copied: parts hold slices of the one buffer. Recoverable damage becomes a
/// `MIMEDefect`; exceeding a limit throws `MIMEError.limitExceeded`.
public struct MessageParser: Sendable {
    /// Caps on size, parts, depth and header lines.
    public let limits: MIMELimits

    /// A parser with the given limits.
    public init(limits: MIMELimits = .default) { self.limits = limits }

    /// The parser recurses once per level: whatever the configuration says, it never goes deeper
    /// than this, so no setting can exhaust a thread stack (the pool threads async code runs on are small).
    public static let nestingCeiling = 64

    /// Splits a message (RFC 5322, MIME per RFC 2045–2049, UTF-8 headers per RFC 6532) into its parts; throws only past a limit.
    public func parse(_ bytes: [UInt8]) throws(MIMEError) -> ParsedMessage {
        try limits.check(.messageBytes, bytes.count, limits.maxMessageBytes)
        guard !bytes.isEmpty else { throw .notAMessage(reason: "it is empty") }
        var context = Context()
        return try parseMessage(bytes, range: 0..<bytes.count, path: "", depth: 0, inside: false, isTop: true, context: &context)
    }

    /// Mutable state of one parse: part count and defects.
    struct Context {
        var parts = 0
        var defects: [MIMEDefect] = []
    }

    func parseMessage(_ bytes: [UInt8], range: Range<Int>, path: String, depth: Int, inside: Bool, isTop: Bool, context: inout Context) throws(MIMEError) -> ParsedMessage {
        let before = context.defects.count
        let root = try parseEntity(bytes, range: range, path: path, depth: depth, inside: inside, defaultType: "text/plain", requireHeader: isTop, context: &context)
        let defects = isTop ? context.defects : Array(context.defects[before...])
        return ParsedMessage(header: root.header, root: root, defects: defects)
    }

    private func parseEntity(_ bytes: [UInt8], range: Range<Int>, path: String, depth: Int, inside: Bool, defaultType: String, requireHeader: Bool, context: inout Context) throws(MIMEError) -> MIMEPart {
        try limits.check(.nestingDepth, depth, min(limits.maxNestingDepth, Self.nestingCeiling))
        context.parts += 1
        try limits.check(.parts, context.parts, limits.maxParts)

        let head = try HeaderParser(limits: limits).parse(bytes, range: range, requireHeader: requireHeader)
        // A part without an empty line after its header is common and harmless; a message is not.
        for kind in head.defects where kind != .headerWithoutBody || requireHeader {
            context.defects.append(MIMEDefect(kind, partPath: path))
        }
        let header = head.header
        let type = ContentType(field: header.first("Content-Type"), defaultType: defaultType)
        let disposition = header.first("Content-Disposition").map { ParameterizedValue.parse($0.text) }
        let encoding = TransferEncoding(field: header.first("Content-Transfer-Encoding"))
        let bodyRange = head.bodyStart..<range.upperBound
        let body = bytes[bodyRange]

        var content = MIMEPart.Content.single
        if type.isMultipart {
            if let boundary = type.boundary, !boundary.isEmpty {
                let split = BoundarySplitter(boundary: Array(boundary.utf8), limits: limits)
                let result = try split.split(bytes, range: bodyRange, partsSoFar: context.parts)
                if result.parts.isEmpty {
                    context.defects.append(MIMEDefect(.boundaryNeverFound, partPath: path, detail: "boundary \"\(boundary)\""))
                } else {
                    if !result.closed {
                        context.defects.append(MIMEDefect(.missingClosingBoundary, partPath: path, detail: "boundary \"\(boundary)\""))
                    }
                    // multipart/digest parts default to message/rfc822 (RFC 2046 §5.1.5).
                    let childDefault = type.mimeType == "multipart/digest" ? "message/rfc822" : "text/plain"
                    var children: [MIMEPart] = []
                    children.reserveCapacity(result.parts.count)
                    for (index, partRange) in result.parts.enumerated() {
                        let childPath = path.isEmpty ? "\(index + 1)" : "\(path).\(index + 1)"
                        children.append(try parseEntity(bytes, range: partRange, path: childPath, depth: depth + 1, inside: inside, defaultType: childDefault, requireHeader: false, context: &context))
                    }
                    content = .multipart(children)
                }
            } else {
                context.defects.append(MIMEDefect(.missingBoundaryParameter, partPath: path))
            }
        } else if type.isMessage {
            content = try encapsulated(bytes, bodyRange: bodyRange, encoding: encoding, path: path, depth: depth, context: &context)
        }
        return MIMEPart(header: header, contentType: type, disposition: disposition, transferEncoding: encoding,
                        body: body, content: content, path: path, insideForwardedMessage: inside)
    }

    /// A message/rfc822 body; base64 or QP encoding (not allowed, but sent) is undone first.
    private func encapsulated(_ bytes: [UInt8], bodyRange: Range<Int>, encoding: TransferEncoding, path: String, depth: Int, context: inout Context) throws(MIMEError) -> MIMEPart.Content {
        let childPath = path.isEmpty ? "1" : "\(path).1"
        let source: [UInt8]
        let range: Range<Int>
        switch encoding {
        case .base64, .quotedPrintable:
            let decoded = try BodyDecoder(limits: limits).decode(bytes[bodyRange], encoding: encoding)
            source = decoded.bytes
            range = 0..<source.count
        default:
            source = bytes
            range = bodyRange
        }
        guard !range.isEmpty else { return .single }
        do {
            let message = try parseMessage(source, range: range, path: childPath, depth: depth + 1, inside: true, isTop: false, context: &context)
            return .message(message)
        } catch let error {
            if case .notAMessage = error { return .single }
            throw error
        }
    }
}
