/// Name matching and value decoding over the tokenizer's byte ranges.
extension XMLTokenizer {
    /// True when the local part of the qualified name at `range` (after any `prefix:`) is `local`.
    /// Namespace prefixes vary between writers (`x:c` vs `c`), so readers match local names.
    func isLocal(_ range: Range<Int>, _ local: StaticString) -> Bool {
        // The name ends with `local`, which is all of it or follows its last `:` (a local name
        // holds no `:`): compared from the end, without scanning the prefix.
        let length = local.utf8CodeUnitCount
        let start = range.upperBound - length
        guard start >= range.lowerBound, start == range.lowerBound || bytes[start - 1] == UInt8(ascii: ":") else {
            return false
        }
        return local.withUTF8Buffer { buffer in
            for offset in 0..<length where bytes[start + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// True when the qualified name at `range` is exactly `qualified` (prefix included).
    func isQualified(_ range: Range<Int>, _ qualified: StaticString) -> Bool {
        let length = qualified.utf8CodeUnitCount
        guard range.count == length else { return false }
        return qualified.withUTF8Buffer { buffer in
            for offset in 0..<length where bytes[range.lowerBound + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// The raw value range of the current tag's attribute whose local name is `local`.
    func attribute(_ local: StaticString) -> XMLAttribute? {
        for attribute in attributes where isLocal(attribute.name, local) { return attribute }
        return nil
    }

    /// The decoded value of the current tag's attribute whose local name is `local`.
    func attributeValue(_ local: StaticString) -> String? {
        guard let attribute = attribute(local) else { return nil }
        return decode(attribute.value, hasReferences: attribute.hasReferences)
    }

    /// An attribute parsed as a non-negative decimal integer without building a String.
    func attributeInt(_ local: StaticString) -> Int? {
        guard let attribute = attribute(local) else { return nil }
        return parseInt(attribute.value)
    }

    func parseInt(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Text of a byte range with the predefined entities and character references resolved.
    func decode(_ range: Range<Int>, hasReferences: Bool) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        guard hasReferences else {
            return String(decoding: bytes[clamped], as: UTF8.self)
        }
        return XMLEntities.decode(bytes[clamped])
    }
}
