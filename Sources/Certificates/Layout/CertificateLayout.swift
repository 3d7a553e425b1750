public import Foundation
import YAMLFiles

/// Where everything goes on the page: `templates/certificate/layout.yml`, which DSHR may edit
/// (positions in millimetres from the top left corner, font sizes in points, colours as
/// `#RRGGBB`). Texts come from each language's file (`CertificateTexts`).
public struct CertificateLayout: Sendable, Equatable, Decodable {
    /// The paper size.
    public struct Page: Sendable, Equatable, Decodable {
        /// Width in millimetres (`width_mm`).
        public var widthMM: Double
        /// Height in millimetres (`height_mm`).
        public var heightMM: Double
        enum CodingKeys: String, CodingKey { case widthMM = "width_mm", heightMM = "height_mm" }
    }

    /// Two rectangles drawn around the page (the outer one thicker).
    public struct Frame: Sendable, Equatable, Decodable {
        /// The outer rectangle's distance from the paper's edge, in millimetres.
        public var insetMM: Double
        /// The outer line's width, in points.
        public var lineWidthPT: Double
        /// The inner rectangle's distance from the paper's edge, in millimetres.
        public var innerInsetMM: Double
        /// The inner line's width, in points.
        public var innerLineWidthPT: Double
        /// `#RRGGBB`.
        public var color: String
        enum CodingKeys: String, CodingKey {
            case insetMM = "inset_mm", lineWidthPT = "line_pt", innerInsetMM = "inner_inset_mm"
            case innerLineWidthPT = "inner_line_pt", color
        }
    }

    /// An image's place: its top left corner and width (the height follows the image).
    public struct ImageBox: Sendable, Equatable, Decodable {
        /// Left edge, in millimetres from the paper's left.
        public var xMM: Double
        /// Top edge, in millimetres from the paper's top.
        public var yMM: Double
        /// Width in millimetres.
        public var widthMM: Double
        enum CodingKeys: String, CodingKey { case xMM = "x_mm", yMM = "y_mm", widthMM = "width_mm" }
    }

    /// The QR code's square, and the text under it.
    public struct QRBox: Sendable, Equatable, Decodable {
        /// Left edge, in millimetres.
        public var xMM: Double
        /// Top edge, in millimetres.
        public var yMM: Double
        /// The square's side, in millimetres.
        public var sizeMM: Double
        enum CodingKeys: String, CodingKey { case xMM = "x_mm", yMM = "y_mm", sizeMM = "size_mm" }
    }

    /// A band of the page that one language's texts fill.
    public struct Column: Sendable, Equatable, Decodable {
        /// Left edge, in millimetres.
        public var xMM: Double
        /// Width in millimetres.
        public var widthMM: Double
        enum CodingKeys: String, CodingKey { case xMM = "x_mm", widthMM = "width_mm" }
    }

    /// The language columns for one and for two languages.
    public struct Columns: Sendable, Equatable, Decodable {
        /// One language: usually one wide column.
        public var one: [Column]
        /// Two languages side by side.
        public var two: [Column]
        /// Font sizes are multiplied by this when two languages share the page.
        public var twoFontScale: Double
        enum CodingKeys: String, CodingKey { case one, two, twoFontScale = "two_font_scale" }
    }

    /// Where a text is drawn and how often.
    public enum Scope: String, Sendable, Equatable, Decodable {
        /// Drawn once per language, inside that language's column.
        case column
        /// Drawn once, at `x_mm`/`width_mm`; with two languages their texts stand one under the other.
        case page
        /// Drawn once, at `x_mm`/`width_mm`, in the first language only (the footer).
        case first
    }

    /// How a text lines up in its box.
    public enum Alignment: String, Sendable, Equatable, Decodable {
        case left, center, right
    }

    /// One text of the texts file (`key`) at a height of the page.
    public struct TextItem: Sendable, Equatable, Decodable {
        /// The key in the texts file.
        public var key: String
        /// Where it is drawn; `column` when not given.
        public var scope: Scope
        /// Left edge in millimetres, for `page` and `first` scopes.
        public var xMM: Double?
        /// Width in millimetres, for `page` and `first` scopes.
        public var widthMM: Double?
        /// The baseline's height from the paper's top, in millimetres.
        public var yMM: Double
        /// Font size in points (before `two_font_scale`).
        public var sizePT: Double
        /// Bold face; false when not given.
        public var bold: Bool
        /// Italic face; false when not given.
        public var italic: Bool
        /// `#RRGGBB`; nil: the layout's `textColor`.
        public var color: String?
        /// Alignment; `center` when not given.
        public var align: Alignment
        /// `duplicate`: only on a re-issued copy.
        public var when: String?
        /// Shrink to fit: the text keeps its own lines (no line is wrapped) and its size goes
        /// down, not below this, until the longest line fits the width; only a line still too
        /// long at this size is wrapped. Nil: lines wrap at the width at `size_pt`.
        public var minSizePT: Double?

        enum CodingKeys: String, CodingKey {
            case key, scope, xMM = "x_mm", widthMM = "width_mm", yMM = "y_mm", sizePT = "size_pt", bold, italic
            case color, align, when, minSizePT = "min_size_pt"
        }

        /// Reads the YAML keys (`x_mm`, `size_pt`, …), with the defaults above for the optional ones.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .column
            xMM = try c.decodeIfPresent(Double.self, forKey: .xMM)
            widthMM = try c.decodeIfPresent(Double.self, forKey: .widthMM)
            yMM = try c.decode(Double.self, forKey: .yMM)
            sizePT = try c.decode(Double.self, forKey: .sizePT)
            bold = try c.decodeIfPresent(Bool.self, forKey: .bold) ?? false
            italic = try c.decodeIfPresent(Bool.self, forKey: .italic) ?? false
            color = try c.decodeIfPresent(String.self, forKey: .color)
            align = try c.decodeIfPresent(Alignment.self, forKey: .align) ?? .center
            when = try c.decodeIfPresent(String.self, forKey: .when)
            minSizePT = try c.decodeIfPresent(Double.self, forKey: .minSizePT)
        }
    }

    /// The paper size.
    public var page: Page
    /// A fontconfig family with the Kazakh letters (Noto Sans, DejaVu Sans).
    public var fontFamily: String
    /// `#RRGGBB` of texts that name no colour.
    public var textColor: String
    /// The border; nil: none.
    public var frame: Frame?
    /// Where the university's logo goes; nil: no logo.
    public var logo: ImageBox?
    /// Where the signatory's signature goes.
    public var signature: ImageBox?
    /// Where the stamp goes.
    public var stamp: ImageBox?
    /// The images' resolution at their printed size (larger images are scaled down once).
    public var imageDPI: Double
    /// Where the verification QR code goes.
    public var qr: QRBox
    /// The language columns.
    public var columns: Columns
    /// Every text, drawn in order.
    public var texts: [TextItem]

    enum CodingKeys: String, CodingKey {
        case page, fontFamily = "font_family", textColor = "text_color", frame, logo, signature, stamp
        case imageDPI = "image_dpi", qr, columns, texts
    }

    /// Reads `layout.yml`; every problem names the file.
    public static func load(_ url: URL) throws(CertificateError) -> CertificateLayout {
        let layout: CertificateLayout = try decodeYAML(url)
        guard layout.page.widthMM > 0, layout.page.heightMM > 0 else {
            throw .invalidTemplate(path: url.path, detail: "page: width_mm and height_mm must be above 0")
        }
        guard (72...600).contains(layout.imageDPI) else {
            throw .invalidTemplate(path: url.path, detail: "image_dpi: \(layout.imageDPI) is outside 72…600")
        }
        guard !layout.columns.one.isEmpty, layout.columns.two.count >= 2 else {
            throw .invalidTemplate(path: url.path, detail: "columns: 'one' needs a column and 'two' needs two")
        }
        for text in layout.texts where text.scope != .column && (text.xMM == nil || text.widthMM == nil) {
            throw .invalidTemplate(path: url.path, detail: "texts: '\(text.key)' is a page text and needs x_mm and width_mm")
        }
        for text in layout.texts {
            guard text.sizePT > 0 else { throw .invalidTemplate(path: url.path, detail: "texts: '\(text.key)': size_pt must be above 0") }
            if let minimum = text.minSizePT, !(minimum > 0 && minimum <= text.sizePT) {
                throw .invalidTemplate(path: url.path, detail: "texts: '\(text.key)': min_size_pt \(minimum) must be above 0 and at most size_pt \(text.sizePT)")
            }
        }
        for color in [layout.textColor] + layout.texts.compactMap(\.color) + [layout.frame?.color].compactMap({ $0 })
        where RGB(hex: color) == nil {
            throw .invalidTemplate(path: url.path, detail: "'\(color)' is not a colour; write #RRGGBB")
        }
        return layout
    }
}

/// Decodes a YAML file of the certificate template through the one YAML reader, naming the
/// file (and the key and line) in every error.
func decodeYAML<T: Decodable>(_ url: URL) throws(CertificateError) -> T {
    guard let data = try? Data(contentsOf: url), data.count <= 1 << 20, let text = String(data: data, encoding: .utf8) else {
        throw .invalidTemplate(path: url.path, detail: "missing, over 1 MiB or not UTF-8 (the project ships one in templates/certificate/)")
    }
    return try YAMLNode<CertificateError>.parse(text, file: url.path).decode(T.self)
}

/// A colour from `#RRGGBB`, as Cairo's 0…1 components.
struct RGB: Sendable, Equatable {
    var red, green, blue: Double

    init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }
}
