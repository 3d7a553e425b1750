import Foundation

/// Mailbox names in "modified UTF-7" (RFC 3501 §5.1.3): printable ASCII as is, "&" as "&-",
/// everything else as UTF-16 in modified base64 between "&" and "-".
enum ModifiedUTF7 {
    static func encode(_ name: String) -> String {
        var result = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes.append(UInt8(unit >> 8)); bytes.append(UInt8(unit & 0xFF)) }
            let base64 = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "/", with: ",")
                .replacingOccurrences(of: "=", with: "")
            result += "&" + base64 + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                result += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return result
    }

    /// The name a server sent (`Sent Items`, `&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-`). A name that
    /// is not valid modified UTF-7 (an unterminated shift, bad base64, a lone surrogate, or a
    /// server that sends raw UTF-8) is returned as it came: the client then uses it byte for byte.
    static func decode(_ encoded: String) -> String {
        decodeStrictly(encoded) ?? encoded
    }

    /// nil when `encoded` is not valid modified UTF-7.
    static func decodeStrictly(_ encoded: String) -> String? {
        var result = ""
        let bytes = Array(encoded.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x20 && byte <= 0x7E else { return nil }
            guard byte == UInt8(ascii: "&") else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return nil }
            let run = bytes[(index + 1)..<end]
            index = end + 1
            if run.isEmpty {
                result += "&"
                continue
            }
            guard let text = decodeRun(run) else { return nil }
            result += text
        }
        return result
    }

    /// One shifted run: modified base64 (`,` for `/`, no padding) of UTF-16BE.
    private static func decodeRun(_ run: ArraySlice<UInt8>) -> String? {
        // Plain base64's "/" and "=" padding never appear in the modified form.
        guard !run.contains(UInt8(ascii: "/")), !run.contains(UInt8(ascii: "=")) else { return nil }
        var base64 = String(decoding: run, as: UTF8.self).replacingOccurrences(of: ",", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), data.count % 2 == 0, !data.isEmpty else { return nil }
        var units: [UInt16] = []
        var iterator = data.makeIterator()
        while let high = iterator.next(), let low = iterator.next() { units.append(UInt16(high) << 8 | UInt16(low)) }
        var text = ""
        var decoder = UTF16()
        var unitIterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&unitIterator) {
            case .scalarValue(let scalar):
                // Printable ASCII must not be shifted (RFC 3501): a server that does is sending nonsense.
                if scalar.value >= 0x20 && scalar.value <= 0x7E { return nil }
                text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        return text
    }
}
