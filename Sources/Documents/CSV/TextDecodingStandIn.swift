// TEMPORARY: stands in for TextEncoding's TextDecoding until main has it; delete after merging.
struct DecodedText { var text: String; var charset: String }
enum TextDecoding {
    static func guess(_ bytes: [UInt8]) -> DecodedText {
        DecodedText(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8")
    }
}
