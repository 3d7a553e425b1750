internal import CCairo
import Foundation

/// Draws certificates as A4 PDF pages with Cairo, shaping text with Pango (so Ә Ғ Қ Ң Ө Ұ Ү Һ І
/// come out right) in a font Cairo embeds as a subset. The three images are read once and
/// reused for every certificate; one renderer serves one thread.
public final class CertificateRenderer {
    /// PNG files DSHR provides, by configuration key (named in errors).
    public struct Images: Sendable, Equatable {
        /// The signature image's path (`certificates.signature_image`).
        public var signature: String?
        /// The stamp image's path (`certificates.stamp_image`).
        public var stamp: String?
        /// The logo image's path (`certificates.logo_image`).
        public var logo: String?

        /// The images; any may be left out.
        public init(signature: String? = nil, stamp: String? = nil, logo: String? = nil) {
            self.signature = signature
            self.stamp = stamp
            self.logo = logo
        }
    }

    /// The layout and texts used.
    public let template: CertificateTemplate
    private let signature: OpaquePointer?
    private let stamp: OpaquePointer?
    private let logo: OpaquePointer?

    /// Loads the images once (as Cairo surfaces); throws when one is missing or cannot be read as PNG.
    public init(template: CertificateTemplate, images: Images) throws(CertificateError) {
        self.template = template
        var loaded: [OpaquePointer?] = []
        do throws(CertificateError) {
            let layout = template.layout
            for (path, key, box) in [(images.signature, "certificates.signature_image", layout.signature),
                                     (images.stamp, "certificates.stamp_image", layout.stamp),
                                     (images.logo, "certificates.logo_image", layout.logo)] {
                let image = try Self.loadPNG(path, key: key)
                loaded.append(image.map { Self.resampled($0, printedWidthMM: box?.widthMM, dpi: layout.imageDPI) })
            }
        } catch {
            for surface in loaded { if let surface { cairo_surface_destroy(surface) } }
            throw error
        }
        signature = loaded[0]
        stamp = loaded[1]
        logo = loaded[2]
    }

    deinit {
        for surface in [signature, stamp, logo] {
            if let surface { cairo_surface_destroy(surface) }
        }
    }

    /// One certificate as PDF bytes (one page).
    public func pdf(_ content: CertificateContent) throws(CertificateError) -> [UInt8] {
        let layout = template.layout
        let sink = ByteSink()
        let width = points(layout.page.widthMM), height = points(layout.page.heightMM)
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), width, height) else {
            throw .rendering("cairo_pdf_surface_create_for_stream failed")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Certificate \(content.number)")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cpdbot")
        guard let cr = cairo_create(surface) else { throw .rendering("cairo_create failed") }
        try draw(content, on: cr)
        cairo_show_page(cr)
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS, surfaceStatus == CAIRO_STATUS_SUCCESS else {
            let failed = status != CAIRO_STATUS_SUCCESS ? status : surfaceStatus
            throw .rendering(String(cString: cairo_status_to_string(failed)))
        }
        return sink.bytes
    }

    // MARK: Drawing

    private func draw(_ content: CertificateContent, on cr: OpaquePointer) throws(CertificateError) {
        let layout = template.layout
        let languages = content.languages.isEmpty ? ["en"] : Array(content.languages.prefix(2))
        let texts = try languages.map { language throws(CertificateError) -> CertificateTexts in
            guard let texts = template.texts[language] else {
                throw .rendering("no certificate texts for language '\(language)' (kk, ru or en)")
            }
            return texts
        }
        // White paper, so that a PNG rendering of the page is not transparent.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        if let frame = layout.frame { drawFrame(frame, on: cr) }
        let values = texts.map { Self.values(content, texts: $0) }
        let columns = languages.count == 1 ? layout.columns.one : layout.columns.two
        let scale = languages.count == 1 ? 1 : layout.columns.twoFontScale
        for item in layout.texts {
            if item.when == "duplicate" && content.duplicateDate == nil { continue }
            switch item.scope {
            case .column:
                for (index, language) in texts.enumerated() where index < columns.count {
                    let text = CertificateTexts.fill(language.strings[item.key] ?? "", values[index])
                    drawText(text, item: item, x: item.xMM.map { columns[index].xMM + $0 } ?? columns[index].xMM,
                             width: item.widthMM ?? columns[index].widthMM, scale: scale, on: cr)
                }
            case .page, .first:
                let shown = item.scope == .first ? Array(texts.prefix(1).enumerated()) : Array(texts.enumerated())
                var parts: [String] = []
                for (index, language) in shown {
                    let part = CertificateTexts.fill(language.strings[item.key] ?? "", values[index])
                    if !parts.contains(part) { parts.append(part) }
                }
                drawText(parts.joined(separator: "\n"), item: item, x: item.xMM ?? 0,
                         width: item.widthMM ?? layout.page.widthMM, scale: 1, on: cr)
            }
        }
        if let box = layout.logo, let logo { drawImage(logo, in: box, on: cr) }
        if let box = layout.signature, let signature { drawImage(signature, in: box, on: cr) }
        // The stamp goes last: it is pressed over the signature and the text, as on paper.
        if let box = layout.stamp, let stamp { drawImage(stamp, in: box, on: cr) }
        try drawQR(content.verifyURL, in: layout.qr, on: cr)
    }

    /// The values a text's placeholders take, in one language.
    static func values(_ content: CertificateContent, texts: CertificateTexts) -> [String: String] {
        [
            "name": content.fullName, "course": content.courseTitle, "group": texts.groups[content.group] ?? content.group,
            "hours": String(content.hours), "start_date": content.startDate, "end_date": content.endDate,
            "format": texts.formats[content.delivery] ?? content.delivery, "number": content.number, "code": content.code,
            "issue_date": content.issueDate, "duplicate_date": content.duplicateDate ?? "",
            "verify_url": content.verifyURL, "signatory": content.signatory,
        ]
    }

    private func drawFrame(_ frame: CertificateLayout.Frame, on cr: OpaquePointer) {
        let page = template.layout.page
        setColor(frame.color, on: cr)
        for (inset, line) in [(frame.insetMM, frame.lineWidthPT), (frame.innerInsetMM, frame.innerLineWidthPT)] where line > 0 {
            cairo_set_line_width(cr, line)
            cairo_rectangle(cr, points(inset), points(inset), points(page.widthMM - 2 * inset), points(page.heightMM - 2 * inset))
            cairo_stroke(cr)
        }
    }

    private func drawText(_ text: String, item: CertificateLayout.TextItem, x: Double, width: Double, scale: Double,
                          on cr: OpaquePointer) {
        guard !text.isEmpty, let layout = pango_cairo_create_layout(cr) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        guard let font = pango_font_description_new() else { return }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, template.layout.fontFamily)
        pango_font_description_set_weight(font, item.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(font, item.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        // Absolute size: points on the PDF page, whatever resolution Pango assumes.
        pango_font_description_set_absolute_size(font, item.sizePT * scale * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
        pango_layout_set_text(layout, text, -1)
        if let minimum = item.minSizePT {
            shrinkToFit(layout, font: font, size: item.sizePT * scale, minimum: minimum * scale, width: points(width))
        }
        pango_layout_set_width(layout, Int32(points(width) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        switch item.align {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        setColor(item.color ?? template.layout.textColor, on: cr)
        cairo_move_to(cr, points(x), points(item.yMM))
        pango_cairo_show_layout(cr, layout)
    }

    /// Makes the font of `layout` (its text set, no width yet) just small enough, but not below
    /// `minimum` points, for its longest line to fit `width` points unwrapped: a verification
    /// URL and code stay whole on their lines however long `certificates.verify_url` is.
    private func shrinkToFit(_ layout: OpaquePointer, font: OpaquePointer, size: Double, minimum: Double, width: Double) {
        pango_layout_set_width(layout, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let natural = Double(logical.width) / Double(PANGO_SCALE)
        guard natural > width, natural > 0 else { return }
        // Text width scales with the font size; 2 % spare for hinting and rounding.
        let fitted = max(minimum, size * width / natural * 0.98)
        pango_font_description_set_absolute_size(font, fitted * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
    }

    private func drawImage(_ image: OpaquePointer, in box: CertificateLayout.ImageBox, on cr: OpaquePointer) {
        let pixels = Double(cairo_image_surface_get_width(image))
        guard pixels > 0 else { return }
        let scale = points(box.widthMM) / pixels
        cairo_save(cr)
        cairo_translate(cr, points(box.xMM), points(box.yMM))
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// The QR code with a quiet zone of four modules inside its square (scanners need it).
    private func drawQR(_ url: String, in box: CertificateLayout.QRBox, on cr: OpaquePointer) throws(CertificateError) {
        let matrix = try QRMatrix(url)
        let quiet = 4
        let module = points(box.sizeMM) / Double(matrix.size + 2 * quiet)
        let left = points(box.xMM), top = points(box.yMM)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, left, top, points(box.sizeMM), points(box.sizeMM))
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        for row in 0..<matrix.size {
            for column in 0..<matrix.size where matrix.isDark(row: row, column: column) {
                cairo_rectangle(cr, left + Double(column + quiet) * module, top + Double(row + quiet) * module, module, module)
            }
        }
        cairo_fill(cr)
    }

    private func setColor(_ hex: String, on cr: OpaquePointer) {
        let color = RGB(hex: hex) ?? RGB(hex: "#000000")!
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }

    private func points(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }

    /// `image` scaled down once to `dpi` at its printed width (never up); the original is released.
    /// Cairo compresses every image again for every PDF, so a 2,000-pixel scan would cost each
    /// certificate its full size and time.
    private static func resampled(_ image: OpaquePointer, printedWidthMM: Double?, dpi: Double) -> OpaquePointer {
        let width = Double(cairo_image_surface_get_width(image)), height = Double(cairo_image_surface_get_height(image))
        guard let printedWidthMM, width > 0, height > 0 else { return image }
        let wanted = (printedWidthMM / 25.4 * dpi).rounded(.up)
        guard wanted < width else { return image }
        let scale = wanted / width
        let newHeight = max(1, (height * scale).rounded(.up))
        guard let target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(wanted), Int32(newHeight)),
              cairo_surface_status(target) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(target) else { return image }
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BEST)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(target)
        cairo_surface_destroy(image)
        return target
    }

    private static func loadPNG(_ path: String?, key: String) throws(CertificateError) -> OpaquePointer? {
        guard let path, !path.isEmpty else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .invalidImage(key: key, path: path, detail: "no such file, or not readable")
        }
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw .invalidImage(key: key, path: path, detail: "Cairo could not open it")
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .invalidImage(key: key, path: path, detail: "not a PNG Cairo can read ("
                + String(cString: cairo_status_to_string(status)) + ")")
        }
        return surface
    }
}

/// Where Cairo's PDF stream writes.
private final class ByteSink {
    var bytes: [UInt8] = []
}
