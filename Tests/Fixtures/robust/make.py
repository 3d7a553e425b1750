#!/usr/bin/env python3
"""Makes application files the way other offices make them, each with the record a careful
clerk would keep, written from samples/README.md ("Application tables: what a parsed row is"),
not from the program's output.

    /usr/bin/python3 Tests/Fixtures/robust/make.py   # needs openpyxl, odfpy, python-docx

Writes files/ and expected.json next to this script. Deterministic: same output every run.

A file is a grid (rows of cells) placed at a row/column offset. Each employee row is made from a
canonical person (what the record must say) and a rendering of each value (how the office typed
it). Invalid rows carry the problems the README's table names. Decisions the README leaves open
are marked "clerk:" with the reasoning.
"""
import csv
import datetime as dt
import io
import json
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")

# ---------------------------------------------------------------------------------------------
# People: canonical values.

SURNAMES = ["Әбдірахманов", "Жақсылықова", "Серікбаев", "Нұрланова", "Оспанов", "Құрманғалиева",
            "Төлеуов", "Бекмұхаметова", "Ермеков", "Садықова", "Ибрагимов", "Петрова", "Ким",
            "Исаева", "Мұхтаров", "Жұмабаева", "Смагулов", "Ли", "Ахметова", "Қожахметов"]
GIVEN = ["Ерлан", "Гүлнар", "Дәулет", "Әйгерім", "Нұрсұлтан", "Меруерт", "Асхат", "Жанар",
         "Бауыржан", "Салтанат", "Руслан", "Ольга", "Виктор", "Айгүл", "Ғалым", "Дина", "Тимур",
         "Анна", "Динара", "Қайрат"]
PATRON = ["Сапарұлы", "Болатқызы", "Маратұлы", "Ержанқызы", "Әлиұлы", "Серікқызы", "Нұрланұлы",
          "Қанатқызы", "Бекұлы", "Ахметқызы", "Рашидович", "Ивановна", "Сергеевич", "Маратовна",
          "Талғатұлы", "Асқарқызы", "Ерланович", "Петровна", "Бақытқызы", "Жақыпұлы"]
LATIN = ["abdirakhmanov", "zhaksylykova", "serikbayev", "nurlanova", "ospanov", "kurmangaliyeva",
         "toleuov", "bekmukhametova", "yermekov", "sadykova", "ibragimov", "petrova", "kim",
         "issayeva", "mukhtarov", "zhumabayeva", "smagulov", "li", "akhmetova", "kozhakhmetov"]
COURSES = ["Цифрлық білім беру технологиялары", "Академическое письмо", "Legal English for Lawyers",
           "Инклюзивті білім беру", "Управление проектами в вузе", "Data Analysis with Python",
           "Сыбайлас жемқорлыққа қарсы мәдениет", "Педагогическое мастерство",
           "Research Methods in Social Sciences", "Қашықтықтан оқыту әдістемесі"]
DIRECTIONS = ["6B04201 Құқықтану", "6B04101 Экономика", "6B06101 Информатика", "6B02301 Филология",
              "7M04101 Бизнес әкімшілігі", None]
PROGRAMMES = ["6B04201 Құқықтану", "6B04103 Қаржы", "6B06102 Ақпараттық жүйелер",
              "6B02302 Аударма ісі", "7M04102 MBA", None]


class P:
    """One employee: the values the record must hold."""

    def __init__(self, k, school, no=None):
        i = k % 20
        self.no = no
        self.school = school
        self.full_name = f"{SURNAMES[i]} {GIVEN[(i * 7) % 20]} {PATRON[i]}"
        self.direction = DIRECTIONS[k % 6]
        self.programme = PROGRAMMES[k % 6]
        self.course = COURSES[k % 10]
        self.date = dt.date(2019 + k % 7, 1 + (k * 5) % 12, 1 + (k * 11) % 28)
        self.hours = [72, 36, 108, 144, 24, 16, 80][k % 7]
        self.phone = "7" + ["701", "702", "705", "707", "747", "771", "775", "778"][k % 8] + f"{(k * 7919) % 10000000:07d}"
        self.email = f"{LATIN[i]}.{k}@kazguu.kz"

    def record(self):
        return {"no": self.no, "school": self.school, "full_name": self.full_name,
                "training_direction": self.direction, "programme": self.programme,
                "last_course": self.course, "last_course_date": self.date.isoformat(),
                "last_course_hours": self.hours, "phone": "+" + self.phone, "email": self.email}


# ---------------------------------------------------------------------------------------------
# Renderings: how an office types a value. Each returns a cell value for the grid.
# A cell is str / int / float / dt.date / None, or ("serial", n) for a number shown as a date
# serial, or ("merge_down", text, n) for a school cell merged over n rows.

EPOCH = dt.date(1899, 12, 30)


def serial(d):
    return (d - EPOCH).days


DATE_STYLES = {
    "date": lambda d: d,
    "dmy": lambda d: d.strftime("%d.%m.%Y"),
    "iso": lambda d: d.isoformat(),
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "serial": lambda d: serial(d),
    "serialtext": lambda d: str(serial(d)),
}
HOUR_STYLES = {
    "int": lambda h: h,
    "float": lambda h: float(h),
    "kk": lambda h: f"{h} сағ.",
    "kkfull": lambda h: f"{h} сағат",
    "ru": lambda h: f"{h} ч",
    "rufull": lambda h: f"{h} часов",
    "en": lambda h: f"{h} hours",
    "h": lambda h: f"{h}h",
    "text": lambda h: str(h),
}


def phone_style(style, digits):
    d = digits[1:]  # ten digits after the 7
    return {
        "plus": f"+7 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}",
        "eight": f"8 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}",
        "number": int("8" + d),
        "number7": int("7" + d),
        "ten": d,
        "brackets": f"+7({d[:3]}){d[3:]}",
        "dash": f"8-{d[:3]}-{d[3:6]}-{d[6:]}",
    }[style]


def email_style(style, email):
    return {"plain": email, "caps": email.title().replace("@Kazguu.Kz", "@KazGUU.kz"),
            "spaces": f"  {email} ", "upper": email.upper()}[style]


FIELDS = ["no", "school", "name", "direction", "programme", "course", "date", "hours", "phone", "email"]


def person_cells(p, styles):
    """The ten values of a person, rendered."""
    return {
        "no": p.no if styles.get("no") != "text" else str(p.no),
        "school": p.school,
        "name": styles.get("name", lambda s: s)(p.full_name),
        "direction": p.direction,
        "programme": p.programme,
        "course": p.course,
        "date": DATE_STYLES[styles.get("date", "dmy")](p.date),
        "hours": HOUR_STYLES[styles.get("hours", "int")](p.hours),
        "phone": phone_style(styles.get("phone", "plus"), p.phone),
        "email": email_style(styles.get("email", "plain"), p.email),
    }


# ---------------------------------------------------------------------------------------------
# Building a table: a list of rows; each row a dict {column key: value} or a list (raw row).

class Table:
    def __init__(self, columns, header_rows, top=0, left=0):
        """columns: keys in order (FIELDS keys or "extra:<n>"); header_rows: list of lists of
        header texts (None for a merged continuation)."""
        self.columns = columns
        self.rows = []  # list of lists
        self.top = top
        self.left = left
        self.expected_rows = []
        self.invalid = []  # (grid index, field, problem)
        self.merges = []  # (grid row, grid col, rows, cols)
        self.hidden_rows = []
        self.header_count = len(header_rows)
        for h in header_rows:
            self.rows.append(list(h))

    def raw(self, *cells):
        self.rows.append(list(cells) + [None] * (len(self.columns) - len(cells)))
        return len(self.rows) - 1

    def person(self, p, styles=None, extras=None, override=None, problems=None):
        """Adds an employee row. override: {key: value} replaces rendered cells; problems: list
        of (field, problem) making the row invalid; otherwise the row is expected valid."""
        cells = person_cells(p, styles or {})
        cells.update(override or {})
        row = []
        for c in self.columns:
            if c.startswith("extra:"):
                row.append((extras or {}).get(c))
            else:
                row.append(cells.get(c))
        self.rows.append(row)
        index = len(self.rows) - 1
        if problems:
            for f, pr in problems:
                self.invalid.append((index, f, pr))
        else:
            rec = p.record()
            for c in FIELDS:
                if c not in self.columns:
                    key = {"name": "full_name", "direction": "training_direction", "course": "last_course",
                           "date": "last_course_date", "hours": "last_course_hours"}.get(c, c)
                    rec[key] = None
            self.expected_rows.append(rec)
        return index

    def row_number(self, index, fmt):
        """The README's row number for grid row `index`."""
        if fmt in ("xlsx", "xls", "ods"):
            return self.top + index + 1
        return index + 1  # csv record, docx/html <tr>

    def expected(self, fmt):
        # Problems of a row in the record's field order (clerk: the order the record lists them).
        order = ["no", "school", "full_name", "training_direction", "programme", "last_course",
                 "last_course_date", "last_course_hours", "phone", "email"]
        ordered = sorted(self.invalid, key=lambda x: (x[0], order.index(x[1])))
        probs = [{"row": self.row_number(i, fmt), "field": f, "problem": p} for i, f, p in ordered]
        return {"readable": True, "error_kind": None, "rows": self.expected_rows, "invalid_rows": probs}


# ---------------------------------------------------------------------------------------------
# Writers.

def to_xlsx_value(v):
    if isinstance(v, tuple) and v[0] == "rich":
        # Header text typed with mixed formatting (bold part, red part): shared-string runs.
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        return CellRichText(*[TextBlock(InlineFont(b=True), part) if k % 2 == 0 else part
                              for k, part in enumerate(v[1])])
    return v


def text_of_cell(v):
    if isinstance(v, tuple) and v[0] == "rich":
        return "".join(v[1])
    if isinstance(v, tuple) and v[0] == "formula":
        return v[2]
    return v


def write_xlsx(path, sheets, date1904=False):
    """sheets: list of (title, Table or list-of-rows, state)."""
    import openpyxl
    from openpyxl.styles import Alignment
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    for title, content, state in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        if isinstance(content, Table):
            t = content
            for r, row in enumerate(t.rows):
                for c, v in enumerate(row):
                    if v is None:
                        continue
                    cell = ws.cell(row=t.top + r + 1, column=t.left + c + 1, value=to_xlsx_value(v))
                    v = text_of_cell(v)
                    if isinstance(v, dt.date):
                        cell.number_format = "DD.MM.YYYY"
                    if isinstance(v, str) and "\n" in v:
                        cell.alignment = Alignment(wrap_text=True)
            for (r, c, nr, nc) in t.merges:
                ws.merge_cells(start_row=t.top + r + 1, start_column=t.left + c + 1,
                               end_row=t.top + r + nr, end_column=t.left + c + nc)
            for r in t.hidden_rows:
                ws.row_dimensions[t.top + r + 1].hidden = True
        else:
            for row in content:
                ws.append(row)
    wb.save(path)


def write_xlsxw(path, sheets, date1904=False):
    """Like write_xlsx, with XlsxWriter: shared strings (as Excel writes them), formulas with
    cached values ("formula", text, value), rich strings, real merged ranges."""
    import xlsxwriter
    wb = xlsxwriter.Workbook(path, {"date_1904": date1904, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    date_fmt = wb.add_format({"num_format": "dd.mm.yyyy"})
    wrap = wb.add_format({"text_wrap": True})
    bold = wb.add_format({"bold": True})
    for title, content, state in sheets:
        ws = wb.add_worksheet(title)
        if state == "hidden":
            ws.hide()
        rows = content.rows if isinstance(content, Table) else content
        top, left = (content.top, content.left) if isinstance(content, Table) else (0, 0)
        merged = set()
        if isinstance(content, Table):
            for (r, c, nr, nc) in content.merges:
                v = rows[r][c]
                ws.merge_range(top + r, left + c, top + r + nr - 1, left + c + nc - 1,
                               text_of_cell(v) if not isinstance(v, (int, float, dt.date)) else "", wrap)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    ws.write_number(top + r, left + c, v)
                for dr in range(nr):
                    for dc in range(nc):
                        merged.add((r + dr, c + dc))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or (r, c) in merged:
                    continue
                R, C = top + r, left + c
                if isinstance(v, tuple) and v[0] == "formula":
                    ws.write_formula(R, C, v[1], None, v[2])
                elif isinstance(v, tuple) and v[0] == "rich":
                    parts = []
                    for k, part in enumerate(v[1]):
                        parts += [bold, part] if k % 2 == 0 else [part]
                    ws.write_rich_string(R, C, *parts)
                elif isinstance(v, dt.date):
                    ws.write_datetime(R, C, dt.datetime(v.year, v.month, v.day), date_fmt)
                elif isinstance(v, bool):
                    ws.write_boolean(R, C, v)
                elif isinstance(v, (int, float)):
                    ws.write_number(R, C, v)
                else:
                    ws.write_string(R, C, v, wrap if "\n" in v else None)
        if isinstance(content, Table):
            for r in content.hidden_rows:
                ws.set_row(top + r, None, None, {"hidden": True})
    wb.close()


def write_xls(path, t, title="Лист1", hidden_first=None):
    """Legacy .xls (BIFF8) with xlwt: real dates, numbers, merged cells; optionally a hidden
    sheet before the table (rows of plain values)."""
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    if hidden_first:
        hidden = wb.add_sheet("Ескі")
        hidden.visibility = 1
        for r, row in enumerate(hidden_first):
            for c, v in enumerate(row):
                if v is not None:
                    hidden.write(r, c, text_of(v))
    ws = wb.add_sheet(title)
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    merged = set()
    for (r, c, nr, nc) in t.merges:
        v = t.rows[r][c]
        ws.write_merge(t.top + r, t.top + r + nr - 1, t.left + c, t.left + c + nc - 1, text_of_cell(v))
        for dr in range(nr):
            for dc in range(nc):
                merged.add((r + dr, c + dc))
    for r, row in enumerate(t.rows):
        for c, v in enumerate(row):
            if v is None or (r, c) in merged:
                continue
            if isinstance(v, tuple) and v[0] == "formula":
                ws.write(t.top + r, t.left + c, xlwt.Formula(v[1].lstrip("=")))
            elif isinstance(v, dt.date):
                ws.write(t.top + r, t.left + c, dt.datetime(v.year, v.month, v.day), date_style)
            else:
                ws.write(t.top + r, t.left + c, text_of_cell(v))
    wb.save(path)


def write_ods(path, t, extra_sheets=(), tail=False, line_breaks=False, libreoffice=False, hidden_first=None):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OTable, TableRow, TableCell, CoveredTableCell
    from odf.text import P as OP
    doc = OpenDocumentSpreadsheet()
    if hidden_first:
        # Last year's sheet, hidden the way LibreOffice hides a sheet: a table style with display off.
        from odf.style import Style, TableProperties
        hidden_style = Style(name="ta_hidden", family="table")
        hidden_style.addElement(TableProperties(display=False))
        doc.automaticstyles.addElement(hidden_style)
        s = OTable(name="2025", stylename=hidden_style)
        for row in hidden_first:
            tr = TableRow()
            for v in row:
                tc = TableCell(valuetype="string")
                if v is not None:
                    tc.addElement(OP(text=text_of(v)))
                tr.addElement(tc)
            s.addElement(tr)
        doc.spreadsheet.addElement(s)
    for name, rows in extra_sheets:
        s = OTable(name=name)
        for row in rows:
            tr = TableRow()
            for v in row:
                tc = TableCell(valuetype="string")
                tc.addElement(OP(text=str(v)))
                tr.addElement(tc)
            s.addElement(tr)
        doc.spreadsheet.addElement(s)
    s = OTable(name="Өтінім")
    covered = set()
    spans = {}
    for (r, c, nr, nc) in t.merges:
        spans[(r, c)] = (nr, nc)
        for dr in range(nr):
            for dc in range(nc):
                if dr or dc:
                    covered.add((r + dr, c + dc))
    for _ in range(t.top):
        s.addElement(TableRow())
    for r, row in enumerate(t.rows):
        tr = TableRow()
        if t.left:
            tr.addElement(TableCell(numbercolumnsrepeated=t.left))
        skip = 0
        for c, v in enumerate(row):
            if skip:
                skip -= 1
                continue
            if libreoffice and (r, c) not in covered and (r, c) not in spans:
                # LibreOffice writes equal neighbouring cells once, with a repeat count.
                n = 1
                while (c + n < len(row) and row[c + n] == v and type(row[c + n]) is type(v)
                       and (r, c + n) not in covered and (r, c + n) not in spans):
                    n += 1
                if n > 1:
                    skip = n - 1
                    if v is None:
                        tr.addElement(TableCell(numbercolumnsrepeated=n))
                    elif isinstance(v, dt.date):
                        tc = TableCell(valuetype="date", datevalue=v.isoformat() + "T00:00:00", numbercolumnsrepeated=n)
                        tc.addElement(OP(text=v.strftime("%d.%m.%Y")))
                        tr.addElement(tc)
                    else:
                        tc = TableCell(valuetype="string", numbercolumnsrepeated=n)
                        tc.addElement(OP(text=str(v)))
                        tr.addElement(tc)
                    continue
            if (r, c) in covered:
                tr.addElement(CoveredTableCell())
                continue
            kw = {}
            if (r, c) in spans:
                kw = {"numberrowsspanned": spans[(r, c)][0], "numbercolumnsspanned": spans[(r, c)][1]}
            if v is None:
                tc = TableCell(**kw)
            elif isinstance(v, dt.date):
                stamp = v.isoformat() + ("T00:00:00" if libreoffice else "")
                tc = TableCell(valuetype="date", datevalue=stamp, **kw)
                tc.addElement(OP(text=v.strftime("%d.%m.%Y")))
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                tc = TableCell(valuetype="float", value=v, **kw)
                tc.addElement(OP(text=str(v)))
            else:
                tc = TableCell(valuetype="string", **kw)
                if line_breaks:
                    from odf.text import LineBreak, S
                    para = OP()
                    for k, line in enumerate(str(v).split("\n")):
                        if k:
                            para.addElement(LineBreak())
                        chunks = line.split("   ")
                        for m, chunk in enumerate(chunks):
                            if m:
                                para.addText(" ")
                                para.addElement(S(c=2))
                            para.addText(chunk)
                    tc.addElement(para)
                else:
                    for line in str(v).split("\n"):
                        tc.addElement(OP(text=line))
            tr.addElement(tc)
        if tail:
            tr.addElement(TableCell(numbercolumnsrepeated=1000))
        s.addElement(tr)
    if tail:
        tr = TableRow(numberrowsrepeated=1048000)
        tr.addElement(TableCell(numbercolumnsrepeated=1024))
        s.addElement(tr)
    doc.spreadsheet.addElement(s)
    doc.save(path)


def text_of(v):
    v = text_of_cell(v)
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.strftime("%d.%m.%Y")
    if isinstance(v, float) and v.is_integer():
        return str(v)
    return str(v)


def write_csv(path, t, encoding, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in t.rows:
        w.writerow([text_of(v).replace("\n", " ") for v in row])
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))


def split_into_runs(cell, text):
    """Word's habit: one text in several runs, with a spell-check mark and a bookmark between."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    para = cell.paragraphs[0]
    half = max(1, len(text) // 2)
    para.add_run(text[:half])
    mark = OxmlElement("w:proofErr")
    mark.set(qn("w:type"), "spellStart")
    para._p.append(mark)
    bookmark = OxmlElement("w:bookmarkStart")
    bookmark.set(qn("w:id"), "0")
    bookmark.set(qn("w:name"), "_GoBack")
    para._p.append(bookmark)
    para.add_run(text[half:])


def link_email(cell, text, field_code=False):
    """An address Word turned into a link: a w:hyperlink element, or a HYPERLINK field whose
    instruction text (`HYPERLINK "mailto:…"`) is not shown."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    para = cell.paragraphs[0]
    def run(text=None, child=None):
        r = OxmlElement("w:r")
        if child is not None:
            r.append(child)
        if text is not None:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
        return r
    if not field_code:
        rel = cell.part.relate_to("mailto:" + text.strip(),
                                  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                  is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        link.append(run(text))
        para._p.append(link)
        return
    begin = OxmlElement("w:fldChar"); begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText"); instr.text = f' HYPERLINK "mailto:{text.strip()}" '
    sep = OxmlElement("w:fldChar"); sep.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar"); end.set(qn("w:fldCharType"), "end")
    para._p.append(run(child=begin))
    para._p.append(run(child=instr))
    para._p.append(run(child=sep))
    para._p.append(run(text))
    para._p.append(run(child=end))


def write_docx(path, t, before=(), after=(), other_tables=(), split_runs=False, nested=False, links=None):
    import docx
    d = docx.Document()
    for line in before:
        d.add_paragraph(line)
    for rows in other_tables:
        ot = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                ot.cell(r, c).text = text_of(v)
        d.add_paragraph("")
    if t is not None:
        if nested:
            outer = d.add_table(rows=1, cols=1)
            holder = outer.cell(0, 0)
            holder.paragraphs[0].text = "Приложение 1"
            table = holder.add_table(rows=len(t.rows), cols=len(t.columns))
        else:
            table = d.add_table(rows=len(t.rows), cols=len(t.columns))
        if not nested:
            table.style = "Table Grid"
        for r, row in enumerate(t.rows):
            for c, v in enumerate(row):
                if v is None:
                    continue
                cell = table.cell(r, c)
                lines = text_of(v).split("\n")
                if links and t.columns[c] == "email" and r >= t.header_count:
                    link_email(cell, lines[0], field_code=(links == "field"))
                    continue
                if split_runs and len(lines) == 1:
                    split_into_runs(cell, lines[0])
                    continue
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        for (r, c, nr, nc) in t.merges:
            table.cell(r, c).merge(table.cell(r + nr - 1, c + nc - 1))
    for line in after:
        d.add_paragraph(line)
    d.save(path)


def write_html(path, t, encoding="utf-8", outlook=False, layout=False):
    import html
    parts = ["<html><head><meta charset=\"%s\"></head><body>" % encoding,
             "<p>Уважаемые коллеги! Направляю заявку.</p>", "<table border=1>"]
    covered = set()
    spans = {}
    for (r, c, nr, nc) in t.merges:
        spans[(r, c)] = (nr, nc)
        for dr in range(nr):
            for dc in range(nc):
                if dr or dc:
                    covered.add((r + dr, c + dc))
    for r, row in enumerate(t.rows):
        parts.append("<tr>")
        for c, v in enumerate(row):
            if (r, c) in covered:
                continue
            attrs = ""
            if (r, c) in spans:
                nr, nc = spans[(r, c)]
                attrs = (f' rowspan="{nr}"' if nr > 1 else "") + (f' colspan="{nc}"' if nc > 1 else "")
            tag = "th" if r < t.header_count else "td"
            body = html.escape(text_of(v)).replace(chr(10), "<br>")
            if outlook:
                body = ('<P class=MsoNormal><SPAN style="FONT-SIZE: 10pt">' + body.replace("<br>", "<BR/>")
                        + "</SPAN></P>") if body else "&nbsp;"
                tag = tag.upper()
            parts.append(f"<{tag}{attrs}>{body}</{tag}>")
        parts.append("</tr>")
    parts.append("</table><p>С уважением, директор школы</p></body></html>")
    if layout:
        # The message laid out in a table of its own (a signature block row, then the content).
        parts.insert(1, "<table width=100%><tr><td>Логотип</td><td>Өтінім</td></tr><tr><td colspan=2>")
        parts.insert(len(parts) - 1, "</td></tr><tr><td>Тел.: 8 (727) 123-45-67</td><td>info@kazguu.kz</td></tr></table>")
    with open(path, "wb") as f:
        f.write("\n".join(parts).encode(encoding))


# ---------------------------------------------------------------------------------------------
# Headers as offices write them.

H_KK = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы",
        "Соңғы біліктілікті арттыру курсының атауы", "Курстан өткен күні", "Сағат саны",
        "Телефон", "Электронды пошта"]
H_RU = ["№ п/п", "Подразделение", "Ф.И.О. сотрудника", "Направление подготовки", "ОП",
        "Наименование последнего курса ПК", "Дата прохождения курса", "Кол-во часов",
        "Моб. тел.", "E-mail"]
H_EN = ["No.", "School", "Full name", "Field of study", "Educational programme",
        "Last CPD course title", "Date of last course", "Hours", "Phone", "Email"]
H_MIX = ["№", "Мектеп / Школа", "Т.А.Ә. / ФИО", "Даярлау бағыты / Направление подготовки",
         "ББ / ОП", "Соңғы курс атауы / Последний курс", "Өткен күні / Дата",
         "Сағат / Часы", "Ұялы тел. / Моб. тел.", "Эл.пошта / e-mail"]
H_BREAKS = ["№\nр/с", "Кафедра", "Аты-жөні", "ОП шифры\nжәне атауы (бағыты)", "Білім беру\nбағдарламасы",
            "Соңғы өткен\nбіліктілікті арттыру\nкурсы", "Өткен\nкүні", "Көлемі\n(сағ.)",
            "Тел.", "Почта"]
H_RU2 = ["№", "Кафедра / отдел", "Фамилия, имя, отчество", "Специальность", "Образовательная программа",
         "Курс повышения квалификации (последний)", "Дата окончания курса", "Объем, часов",
         "Контактный телефон", "Электронная почта"]

SCHOOLS = ["Құқық жоғары мектебі", "Бизнес мектебі", "Гуманитарлық мектеп", "ДИТ", "Кафедра права",
           "Экономика жоғары мектебі", "School of Liberal Arts", "Библиотека", "Тіркеу офисі",
           "Высшая школа права"]

K = [100]


def people(n, school, start_no=1):
    out = []
    for j in range(n):
        K[0] += 1
        out.append(P(K[0], school, start_no + j))
    return out


FILES = {}


def add(name, fmt, writer, table, expected=None):
    path = os.path.join(OUT, name)
    writer(path)
    record = {"file": name, "format": fmt}
    record.update(expected if expected is not None else table.expected(fmt))
    FILES[name] = record


def no_table():
    return {"readable": True, "error_kind": "no_table_found", "rows": [], "invalid_rows": []}


def simple(header, school, n, styles=None, top=0, left=0, columns=FIELDS):
    t = Table(columns, [header], top=top, left=left)
    for p in people(n, school):
        t.person(p, styles)
    return t


def make_all():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))

    # 01 Kazakh header, title rows above, table from row 8 column C, real dates.
    t = Table(FIELDS, [H_KK], top=7, left=2)
    for p in people(5, SCHOOLS[0]):
        t.person(p, {"date": "date", "phone": "plus"})
    t.raw("Барлығы: 5")
    add("r01_kk_row8_colC.xlsx", "xlsx", lambda path: write_xlsx(path, [("Парақ1", t, "visible")]), t)

    # 02 Russian header, text dates, hours with units, phones as numbers, extra columns.
    cols = ["no", "extra:iin", "name", "extra:pos", "school", "direction", "programme", "course",
            "date", "hours", "phone", "email", "extra:note"]
    h = ["№", "ИИН", "ФИО", "Должность", "Школа", "Направление подготовки", "ОП",
         "Название последнего курса", "Дата", "Часы", "Телефон", "Почта", "Примечание"]
    t = Table(cols, [h])
    for j, p in enumerate(people(6, SCHOOLS[9])):
        t.person(p, {"hours": ["ru", "rufull", "int"][j % 3], "phone": "number"},
                 extras={"extra:iin": f"8{j}0512300{j}45", "extra:pos": "Доцент", "extra:note": "" if j % 2 else "декрет"})
    t.raw("Итого", None, "6 человек")
    add("r02_ru_extras_order.xlsx", "xlsx", lambda path: write_xlsx(path, [("Лист1", t, "visible")]), t)

    # 03 English, instructions sheet first, table on sheet 2, hidden lists sheet.
    t = simple(H_EN, SCHOOLS[6], 4, {"date": "iso", "hours": "en", "email": "caps"})
    lists = [["Schools"]] + [[s] for s in SCHOOLS]
    add("r03_en_sheet2_hidden_lists.xlsx", "xlsx", lambda path: write_xlsx(
        path, [("Instructions", [["Instructions"], ["Fill in one row per employee, using the corporate address."]], "visible"),
               ("Application", t, "visible"), ("Lists", lists, "hidden")]), t)

    # 04 Mixed header, section rows ПОҚ/АӘҚ, merged school cell over the rows of each section.
    t = Table(FIELDS, [["Өтінім / Заявка"], [None], H_MIX])
    t.merges.append((0, 0, 1, 10))
    t.raw(None, "ПОҚ")
    ps = people(3, SCHOOLS[1])
    first = len(t.rows)
    for j, p in enumerate(ps):
        i = t.person(p, {"date": "dmy"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 3, 1))
    t.raw(None, "АӘҚ")
    ps = people(2, SCHOOLS[1], start_no=4)
    first = len(t.rows)
    for j, p in enumerate(ps):
        i = t.person(p, {"date": "date"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 2, 1))
    t.raw(None, "Барлығы", None, None, None, None, None, None, None, None)
    t.raw(None, "Мектеп директоры ____________ А. Серікова")
    add("r04_mixed_sections_merged_school.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 05 Two-row header with merged group cells, column-number row under it.
    up = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы",
          "Соңғы біліктілікті арттыру курсы", None, None, "Байланыс деректері", None]
    low = [None, None, None, None, None, "атауы", "күні", "сағат саны", "телефон", "e-mail"]
    t = Table(FIELDS, [up, low, list(range(1, 11))], top=3)
    for c in range(5):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 5, 1, 3))
    t.merges.append((0, 8, 1, 2))
    for p in people(5, SCHOOLS[2]):
        t.person(p, {"date": "serial", "hours": "kk"})
    t.raw(None, "Барлығы:", None, None, None, None, None, "=SUM(H7:H11)")
    add("r05_two_row_header_numbers.xlsx", "xlsx", lambda path: write_xlsxw(path, [("1-қосымша", t, "visible")]), t)

    # 06 Header repeated after a page break; rows continue.
    t = Table(FIELDS, [H_KK])
    for p in people(4, SCHOOLS[3]):
        t.person(p)
    t.rows.append(list(H_KK))
    for p in people(3, SCHOOLS[3], start_no=5):
        t.person(p, {"date": "slash"})
    add("r06_repeated_header.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 07 Empty template: only № filled.
    t = Table(FIELDS, [H_KK], top=4)
    for j in range(1, 11):
        t.raw(j)
    add("r07_empty_template.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 08 Every kind of invalid row.
    t = Table(FIELDS, [H_RU], top=1)
    ps = people(12, SCHOOLS[5])
    t.person(ps[0])
    t.person(ps[1], override={"name": None}, problems=[("full_name", "missing")])
    t.person(ps[2], override={"email": "n.ospanov@kazguu"}, problems=[("email", "invalid")])
    t.person(ps[3], override={"email": None}, problems=[("email", "missing")])
    t.person(ps[4], override={"email": ps[0].email.upper()}, problems=[("email", "duplicate")])
    t.person(ps[5], override={"date": "31.02.2024"}, problems=[("last_course_date", "invalid")])
    t.person(ps[6], override={"date": "15.03.2041"}, problems=[("last_course_date", "future")])
    t.person(ps[7], override={"hours": "жетпіс екі"}, problems=[("last_course_hours", "invalid")])
    t.person(ps[8], override={"hours": "36,5"}, problems=[("last_course_hours", "invalid")])
    t.person(ps[9], override={"hours": 0}, problems=[("last_course_hours", "out_of_range")])
    t.person(ps[10], override={"hours": 2500}, problems=[("last_course_hours", "out_of_range")])
    t.person(ps[11], {"email": "spaces"})
    add("r08_invalid_kinds.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Лист1", t, "visible")]), t)

    # 09 Header text with line breaks, phones in many forms.
    t = Table(FIELDS, [H_BREAKS])
    for j, p in enumerate(people(7, SCHOOLS[4])):
        t.person(p, {"phone": ["plus", "eight", "number", "number7", "ten", "brackets", "dash"][j], "hours": "kkfull"})
    add("r09_header_breaks_phones.xlsx", "xlsx", lambda path: write_xlsx(path, [("Sheet1", t, "visible")]), t)

    # 10 1904 date system with real dates.
    t = simple(H_RU2, SCHOOLS[7], 4, {"date": "date"})
    add("r10_date1904.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Лист1", t, "visible")], date1904=True), t)

    # 11 Course schedule: no e-mail column.
    sched = [["Біліктілікті арттыру курстарының кестесі 2026"], [],
             ["№", "Курс атауы", "Өткізілетін күні", "Сағат саны", "Оқытушы", "Аудитория"],
             [1, "Академиялық жазылым", "12.01.2026", 72, "Серікова А.", "305"],
             [2, "Data Analysis", "02.02.2026", 36, "Kim D.", "410"]]
    add("r11_course_schedule.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Кесте", sched, "visible")]), None, no_table())

    # 12 ODS, Kazakh, merged school, text dates.
    t = Table(FIELDS, [["1-қосымша"], H_KK], top=1, left=1)
    ps = people(4, SCHOOLS[8])
    first = len(t.rows)
    for j, p in enumerate(ps):
        i = t.person(p, {"date": "dmy", "hours": "kk"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 4, 1))
    t.raw("Барлығы: 4")
    add("r12_kk_merged.ods", "ods", lambda path: write_ods(path, t), t)

    # 13 ODS with instructions sheet first, real dates, invalid rows.
    t = simple(H_EN, SCHOOLS[6], 3, {"date": "date"})
    ps = people(2, SCHOOLS[6], start_no=4)
    t.person(ps[0], override={"hours": 2500}, problems=[("last_course_hours", "out_of_range")])
    t.person(ps[1], override={"email": "not an address"}, problems=[("email", "invalid")])
    add("r13_en_instructions.ods", "ods", lambda path: write_ods(
        path, t, extra_sheets=[("Нұсқаулық", [["Кестені толтырыңыз"], ["Әр қызметкерге бір жол"]])]), t)

    # 14 ODS two-row header.
    up = ["№", "ФИО", "Подразделение", "Последний курс повышения квалификации", None, None, "Контакты", None]
    low = [None, None, None, "название", "дата", "часы", "тел.", "эл. почта"]
    cols = ["no", "name", "school", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [up, low])
    for c in range(3):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 3, 1, 3))
    t.merges.append((0, 6, 1, 2))
    for p in people(4, SCHOOLS[9]):
        t.person(p, {"hours": "ru"})
    add("r14_ru_two_row.ods", "ods", lambda path: write_ods(path, t), t)

    # 15-22 CSV in every encoding and delimiter.
    csv_cases = [
        ("r15_utf8_semicolon.csv", "utf-8", ";", H_KK, SCHOOLS[0], {"date": "dmy"}),
        ("r16_utf8sig_comma.csv", "utf-8-sig", ",", H_RU, SCHOOLS[9], {"date": "iso", "hours": "ru"}),
        ("r17_cp1251_semicolon.csv", "cp1251", ";", H_RU2, "Кафедра права", {"date": "slash", "phone": "eight"}),
        ("r18_kz1048_semicolon.csv", "kz1048", ";", H_KK, SCHOOLS[2], {"date": "dmy", "hours": "kk"}),
        ("r19_utf8_tab.csv", "utf-8", "\t", H_EN, SCHOOLS[6], {"date": "iso", "email": "caps"}),
        ("r20_kz1048_comma_mixed.csv", "kz1048", ",", H_MIX, SCHOOLS[8], {"date": "dmy"}),
    ]
    for name, enc, delim, header, school, styles in csv_cases:
        t = Table(FIELDS, [["Өтінім"] if enc != "cp1251" else ["Заявка на повышение квалификации"], header])
        names_ok = enc != "cp1251"
        for p in people(4, school):
            if not names_ok:
                # windows-1251 has no Kazakh letters: a Russian office types Russian names.
                p.full_name = p.full_name.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи"))
                p.direction = p.direction and p.direction.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи"))
                p.programme = p.programme and p.programme.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи"))
                p.course = p.course.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи"))
            t.person(p, styles)
        t.raw("Барлығы" if enc != "cp1251" else "Итого", 4)
        t.raw("Орындаған: А. Серікова" if enc != "cp1251" else "Исполнитель: А. Серикова")
        tt = t
        add(name, "csv", lambda path, tt=tt, enc=enc, delim=delim: write_csv(path, tt, enc, delim), t)

    # 21 CSV with invalid rows and an empty template row.
    t = Table(FIELDS, [H_KK])
    ps = people(5, SCHOOLS[5])
    t.person(ps[0])
    t.person(ps[1], override={"date": "2041-05-01"}, problems=[("last_course_date", "future")])
    t.person(ps[2], override={"hours": "жетпіс екі"}, problems=[("last_course_hours", "invalid")])
    t.person(ps[3], override={"email": ps[0].email}, problems=[("email", "duplicate")])
    t.person(ps[4], override={"date": "2023 ж."}, problems=[("last_course_date", "invalid")])
    t.raw(6)
    t.raw(7)
    add("r21_invalid.csv", "csv", lambda path: write_csv(path, t, "utf-8", ";"), t)

    # 22 CSV exported by Excel: title records with empty fields, leading empty records.
    t = Table(FIELDS, [[None] * 10, ["", "", "1-қосымша"], ["", "", "Құқық жоғары мектебі"], [None] * 10, H_BREAKS])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy", "hours": "text"})
    t.raw(None)
    t.raw(None, None, "Мектеп директоры", None, None, None, None, "А. Серікова")
    add("r22_excel_export.csv", "csv", lambda path: write_csv(path, t, "utf-8-sig", ";"), t)

    # 23-28 DOCX.
    t = Table(FIELDS, [H_KK])
    for p in people(4, SCHOOLS[2]):
        t.person(p, {"date": "dmy", "hours": "kk"})
    add("r23_kk_docx.docx", "docx", lambda path: write_docx(
        path, t, before=["1-қосымша", "Гуманитарлық мектеп қызметкерлерінің өтінімі"],
        after=["Мектеп директоры ______________ Ә. Нұрланова"]), t)

    up = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "ББ", "Соңғы біліктілікті арттыру курсы", None, None, "Телефон", "Эл. пошта"]
    low = [None, None, None, None, None, "атауы", "күні", "сағаты", None, None]
    t = Table(FIELDS, [up, low])
    for c in (0, 1, 2, 3, 4, 8, 9):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 5, 1, 3))
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    ps = people(1, SCHOOLS[0], start_no=4)
    t.person(ps[0], override={"date": "31.02.2024"}, problems=[("last_course_date", "invalid")])
    add("r24_docx_two_row_merged.docx", "docx", lambda path: write_docx(path, t, before=["Өтінім"]), t)

    # docx: a letter with a small signature table first, then the application table.
    t = Table(FIELDS, [H_RU])
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy", "hours": "ru"})
    t.raw("Итого: 3 сотрудника")
    add("r25_docx_two_tables.docx", "docx", lambda path: write_docx(
        path, t, before=["Служебная записка"], other_tables=[[["Кому:", "ДРЧР"], ["От:", "ВШП"]]]), t)

    add("r26_letter_no_table.docx", "docx", lambda path: write_docx(
        path, None, before=["Құрметті әріптестер!", "Өтінімді кейінірек жібереміз.", "Құрметпен, А. Серікова"]),
        None, no_table())

    t = Table(FIELDS, [H_EN])
    for p in people(3, SCHOOLS[6]):
        t.person(p, {"date": "iso", "name": lambda s: s.replace(" ", "\n", 1)})
    add("r27_docx_en_breaks.docx", "docx", lambda path: write_docx(path, t), t)

    t = Table(FIELDS, [H_KK, list(range(1, 11))])
    for j in range(1, 6):
        t.raw(j)
    add("r28_docx_empty_template.docx", "docx", lambda path: write_docx(path, t, before=["1-қосымша"]), t)

    # 29-30 HTML tables.
    t = Table(FIELDS, [H_KK])
    for p in people(3, SCHOOLS[3]):
        t.person(p, {"date": "dmy"})
    add("r29_table.html", "html", lambda path: write_html(path, t), t)

    up = ["№", "ФИО", "Школа", "Последний курс ПК", None, None, "E-mail", "Тел."]
    low = [None, None, None, "Название", "Дата", "Часы", None, None]
    cols = ["no", "name", "school", "course", "date", "hours", "email", "phone"]
    t = Table(cols, [up, low])
    for c in (0, 1, 2, 6, 7):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 3, 1, 3))
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy", "hours": "ru"})
    add("r30_two_row.html", "html", lambda path: write_html(path, t), t)

    # 31 Excel serial numbers stored as text, hours as floats.
    t = simple(H_KK, SCHOOLS[1], 4, {"date": "serialtext", "hours": "float", "no": "text"})
    add("r31_serial_text.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 32 Header in the middle of a long approval block, column order shuffled.
    cols = ["no", "name", "email", "phone", "school", "course", "hours", "date", "programme", "direction"]
    hdr = {"no": "№", "name": "Қызметкердің аты-жөні", "email": "E-mail", "phone": "Ұялы тел.",
           "school": "Бөлім", "course": "Соңғы курс", "hours": "Сағат", "date": "Күні",
           "programme": "Білім беру бағдарламасы", "direction": "Бағыты"}
    t = Table(cols, [["БЕКІТЕМІН"], ["Проректор ____ Б. Ахметов"], ["«___» ________ 2026 ж."], [None],
                     ["Біліктілікті арттыруға өтінім"], [hdr[c] for c in cols]], top=0)
    for p in people(5, SCHOOLS[8]):
        t.person(p, {"date": "date", "hours": "h"})
    t.raw(None)
    t.raw("Орындаған: Д. Садықова, тел. 8 (727) 123-45-67")
    add("r32_approval_block_shuffled.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 33 Names split in three columns (surname, name, patronymic).
    cols = ["no", "extra:s", "extra:g", "extra:p", "school", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "Тегі", "Аты", "Әкесінің аты", "Мектеп", "Соңғы курс атауы", "Курс күні", "Сағат", "Телефон", "Email"]])
    for p in people(3, SCHOOLS[0]):
        s, g, pa = p.full_name.split(" ")
        t.person(p, {"date": "dmy"}, extras={"extra:s": s, "extra:g": g, "extra:p": pa})
        t.expected_rows[-1]["full_name"] = p.full_name
        t.expected_rows[-1]["training_direction"] = None
        t.expected_rows[-1]["programme"] = None
    add("r33_split_names.xlsx", "xlsx", lambda path: write_xlsx(path, [("Sheet1", t, "visible")]), t)

    # 34 A hidden row and a blank row inside the table (the clerk reads what is in the file).
    t = Table(FIELDS, [H_RU2])
    for p in people(2, SCHOOLS[7]):
        t.person(p)
    t.raw(None)
    for p in people(2, SCHOOLS[7], start_no=3):
        t.person(p, {"phone": "ten"})
    add("r34_blank_inside.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 35 Section row with text in № column ("ПОҚ") and a sub-total per section.
    t = Table(FIELDS, [H_KK])
    t.raw("ПОҚ")
    for p in people(2, SCHOOLS[2]):
        t.person(p)
    t.raw("Жиыны", None, None, None, None, None, None, 2)
    t.raw("АӘҚ")
    for p in people(2, SCHOOLS[2], start_no=3):
        t.person(p)
    t.raw("Жиыны", None, None, None, None, None, None, 2)
    t.raw("Всего: 4")
    add("r35_sections_subtotals.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 36 Table of something else with names and e-mails but no course columns: still a name + e-mail
    # header, so the README's rule says a table was found (clerk: the README defines the table by
    # a name and an e-mail column only).
    t = Table(["no", "name", "email", "phone"], [["№", "ФИО", "Email", "Телефон"]])
    for p in people(2, "x"):
        t.person(p)
        t.expected_rows[-1].update({"school": None, "training_direction": None, "programme": None,
                                    "last_course": None, "last_course_date": None, "last_course_hours": None})
    add("r36_contacts_only.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 37 Dates as dd/mm/yyyy text where day <= 12 (always day first).
    t = Table(FIELDS, [H_EN])
    ps = people(3, SCHOOLS[6])
    for p in ps:
        p.date = dt.date(2023, 11, 3)
        t.person(p, {"date": "slash"})
    add("r37_slash_day_first.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 38 ODS: empty template pre-numbered, with a total formula row.
    t = Table(FIELDS, [["Өтінім"], H_MIX])
    for j in range(1, 8):
        t.raw(j)
    t.raw(None, "Барлығы", None, None, None, None, None, 0)
    add("r38_template.ods", "ods", lambda path: write_ods(path, t), t)

    # 39 cp1251 csv, Russian, quoted fields with delimiters inside.
    t = Table(FIELDS, [H_RU])
    for p in people(3, "Кафедра гражданского права; ВШП"):
        for a in ("full_name", "direction", "programme", "course"):
            v = getattr(p, a)
            if v:
                setattr(p, a, v.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи")))
        p.course = p.course + "; модуль 2"
        t.person(p, {"date": "dmy"})
    add("r39_cp1251_quoted.csv", "csv", lambda path: write_csv(path, t, "cp1251", ";"), t)

    # 40 xlsx where the school is in a title row, not a column (clerk: school is null - the README
    # takes the school from the school column only).
    cols = ["no", "name", "direction", "programme", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["Экономика жоғары мектебі"], ["№", "Т.А.Ә.", "Мамандық", "ОП", "Соңғы курс", "Күні", "Сағ.", "Тел.", "Эл. пошта"]])
    for p in people(3, None):
        t.person(p, {"date": "date"})
    add("r40_school_in_title.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    make_batch2()
    make_batch3()
    make_batch4()
    make_batch5()

    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"applications": [FILES[k] for k in sorted(FILES)]}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def make_batch2():
    # 41 A hidden sheet first holding last year's application; the visible sheet has this year's.
    old = simple(H_KK, SCHOOLS[0], 3, {"date": "dmy"})
    old.expected_rows = []
    t = simple(H_KK, SCHOOLS[0], 3, {"date": "date"})
    add("r41_hidden_old_sheet_first.xlsx", "xlsx", lambda path: write_xlsx(
        path, [("2025", old, "hidden"), ("2026", t, "visible")]), t)

    # 42 Rich-text header cells, names with no-break spaces and double spaces, upper-case e-mails.
    hdr = [("rich", ["№", " р/с"]), "Мектеп", ("rich", ["Т.А.Ә.", " (толық)"]), "Даярлау бағыты", "ББ",
           ("rich", ["Соңғы курс", " атауы"]), "Күні", "Сағат саны", "Ұялы телефоны", ("rich", ["Электрондық", " поштасы"])]
    t = Table(FIELDS, [hdr])
    for j, p in enumerate(people(4, SCHOOLS[2])):
        t.person(p, {"email": "upper", "name": lambda s: "\u00a0" + s.replace(" ", "  ", 1) + " \u00a0"})
    add("r42_rich_header_nbsp.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 43 No № column at all: `no` is null (clerk: nothing to read, the row is still an employee).
    cols = FIELDS[1:]
    t = Table(cols, [H_RU[1:]])
    for p in people(3, SCHOOLS[9]):
        p.no = None
        t.person(p, {"date": "dmy"})
    add("r43_no_number_column.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Лист1", t, "visible")]), t)

    # 44 № written `1.`, `2)` as text; a school cell left empty in one row (not merged): null.
    t = Table(FIELDS, [H_KK])
    ps = people(3, SCHOOLS[8])
    t.person(ps[0], override={"no": "1."})
    ps[1].school = None
    t.person(ps[1], override={"no": "2)"})
    t.person(ps[2], override={"no": "3"})
    add("r44_number_forms_empty_school.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 45 CSV with Excel's `sep=;` first record.
    t = Table(FIELDS, [["sep=;"], H_KK])
    for p in people(3, SCHOOLS[5]):
        t.person(p, {"date": "dmy"})
    add("r45_sep_hint.csv", "csv", lambda path: write_csv(path, t, "utf-8", ";"), t)

    # 46 UTF-16 tab-separated ("Unicode text" from Excel).
    t = Table(FIELDS, [H_MIX])
    for p in people(3, SCHOOLS[2]):
        t.person(p, {"date": "dmy"})
    add("r46_utf16_tab.csv", "csv", lambda path: write_csv(path, t, "utf-16", "\t"), t)

    # 47 HTML in windows-1251 with thead/tbody and a totals row.
    t = Table(FIELDS, [H_RU])
    for p in people(3, "ДИТ"):
        for a in ("full_name", "direction", "programme", "course"):
            v = getattr(p, a)
            if v:
                setattr(p, a, v.translate(str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи")))
        t.person(p, {"date": "dmy", "hours": "ru"})
    t.raw("Всего", None, None, None, None, None, None, 216)
    add("r47_cp1251.html", "html", lambda path: write_html(path, t, encoding="windows-1251"), t)

    # 48 English heads with "Total" and a "Prepared by" footer; hours like "72h"; a row without a date
    # and hours (clerk: empty cells give null; the row is valid).
    t = Table(FIELDS, [["No", "Department", "Employee name", "Area of training (direction)", "Programme",
                        "Most recent professional development course", "Completion date", "Duration, hours",
                        "Mobile", "E-mail address"]])
    ps = people(3, "Department of Languages")
    for p in ps[:2]:
        t.person(p, {"date": "iso", "hours": "h"})
    t.person(ps[2], override={"date": None, "hours": None})
    t.expected_rows[-1]["last_course_date"] = None
    t.expected_rows[-1]["last_course_hours"] = None
    t.raw("Total", None, None, None, None, None, None, 2)
    t.raw("Prepared by: D. Kim")
    add("r48_en_total_prepared.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 49 docx: header row with explicit line breaks in cells, a column-number row, a totals row.
    t = Table(FIELDS, [H_BREAKS, list(range(1, 11))])
    for p in people(3, SCHOOLS[4]):
        t.person(p, {"date": "dmy", "hours": "kk"})
    t.raw("Барлығы:", None, "3 адам")
    add("r49_docx_breaks_numbers.docx", "docx", lambda path: write_docx(path, t, before=["Өтінім"]), t)

    # 50 ODS with invalid rows: missing name, duplicate e-mail, future real date.
    t = Table(FIELDS, [H_KK])
    ps = people(5, SCHOOLS[3])
    t.person(ps[0], {"date": "date"})
    t.person(ps[1], {"date": "date"}, override={"name": None}, problems=[("full_name", "missing")])
    t.person(ps[2], {"date": "date"}, override={"email": " " + ps[0].email.upper()}, problems=[("email", "duplicate")])
    t.person(ps[3], override={"date": dt.date(2041, 9, 1)}, problems=[("last_course_date", "future")])
    t.person(ps[4], {"date": "date"})
    add("r50_ods_invalid.ods", "ods", lambda path: write_ods(path, t), t)

    # 51 Name header only "Аты-жөні", e-mail header "Почта", and an e-mail typed with a space
    # inside (clerk: `a.b @kazguu.kz` is not a valid address; the README trims only the ends).
    t = Table(["no", "name", "school", "email", "phone"], [["№", "Аты-жөні", "Бөлім", "Почта", "Байланыс тел."]])
    ps = people(3, SCHOOLS[7])
    t.person(ps[0])
    t.person(ps[1], override={"email": ps[1].email.replace("@", " @")}, problems=[("email", "invalid")])
    t.person(ps[2], {"phone": "dash"})
    for r in t.expected_rows:
        r.update({"training_direction": None, "programme": None, "last_course": None,
                  "last_course_date": None, "last_course_hours": None})
    add("r51_short_headers.xlsx", "xlsx", lambda path: write_xlsx(path, [("Sheet1", t, "visible")]), t)



def make_batch3():
    # 52 Kazakh in the Latin alphabet.
    t = Table(FIELDS, [["Nº", "Mektep", "Aty-jóni", "Daıarlaý baǵyty", "Bilim berý baǵdarlamasy",
                        "Sońǵy biliktilikti arttyrý kýrsy", "Kýrs kúni", "Saǵat sany", "Telefon", "Elektrondy poshta"]])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    add("r52_kk_latin.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 53 Birth date and hire date columns, a wished-for course column, before the last course.
    cols = ["no", "name", "extra:birth", "extra:hire", "school", "extra:wish", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "Ф.И.О.", "Дата рождения", "Дата приема на работу", "Подразделение",
                      "Желаемый курс", "Последний пройденный курс", "Дата прохождения", "Кол-во часов", "Телефон", "E-mail"]])
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy"}, extras={"extra:birth": "12.04.1980", "extra:hire": dt.date(2015, 9, 1),
                                             "extra:wish": "Управление качеством"})
        t.expected_rows[-1]["training_direction"] = None
        t.expected_rows[-1]["programme"] = None
    add("r53_foreign_dates_wished_course.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 54 docx with the school merged vertically over all rows.
    t = Table(FIELDS, [H_KK])
    first = len(t.rows)
    for j, p in enumerate(people(3, SCHOOLS[1])):
        i = t.person(p, {"date": "dmy"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 3, 1))
    add("r54_docx_merged_school.docx", "docx", lambda path: write_docx(path, t), t)

    # 55 ODS as LibreOffice leaves it: a million repeated empty rows and many empty columns at the end.
    t = simple(H_KK, SCHOOLS[3], 3, {"date": "date"})
    add("r55_ods_repeated_tail.ods", "ods", lambda path: write_ods(path, t, tail=True), t)

    # 56 Footnote marks and asterisks in the header.
    hdr = ["№", "Мектеп*", "Т.А.Ә.¹", "Даярлау бағыты²", "ББ", "Соңғы курс атауы", "Курс күні (кк.аа.жжжж)",
           "Сағат саны**", "Телефон (+7...)", "E-mail (корпоративтік)*"]
    t = Table(FIELDS, [hdr])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    t.raw("* міндетті түрде толтырылады")
    add("r56_footnote_marks.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 57 CSV written by a program: serials as text, hours as 72.0, № as 1.0.
    t = Table(FIELDS, [H_EN])
    for p in people(3, SCHOOLS[6]):
        t.person(p, {"date": "serialtext", "hours": "float"}, override={"no": float(p.no)})
    add("r57_program_csv.csv", "csv", lambda path: write_csv(path, t, "utf-8", ","), t)

    # 58 HTML with paragraphs and no-break spaces inside the cells.
    t = Table(FIELDS, [H_MIX])
    for p in people(3, SCHOOLS[2]):
        t.person(p, {"date": "dmy", "name": lambda s: s.replace(" ", "\n", 1)})
    add("r58_html_breaks.html", "html", lambda path: write_html(path, t), t)


KK_OFF = ["№", "Мектеп", "Т.А.Ә.\n(Тегі, Аты, Әкесінің аты)",
          "Жоғары және (немесе) жоғары оқу орнынан кейінгі білім беру кадрларын даярлау бағыты",
          "Білім беру бағдарламасы",
          "Оқытылатын бейін бойынша соңғы өткен біліктілікті арттыру курстарының атауы",
          "Біліктілікті арттыру курсынан соңғы өткен күні",
          "Біліктілікті арттырудың соңғы курсынан өткен сағаттар саны", "Байланыс телефоны", "E-mail"]
RU_OFF = ["№ п/п", "Школа", "ФИО",
          "Направление подготовки кадров с высшим и (или) послевузовским образованием",
          "Образовательная программа",
          "Наименование последних пройденных курсов повышения квалификации по преподаваемому профилю",
          "Дата последнего прохождения курсов повышения квалификации",
          "Количество часов последнего курса", "Контактный телефон", "E-mail"]
EN_OFF = ["No.", "School", "Full name", "Field of training (higher and/or postgraduate education)",
          "Educational programme", "Last completed professional development course (taught profile)",
          "Date of last course", "Hours of last course", "Contact phone", "Email"]


def make_batch4():
    # 59 Excel as Excel writes it: shared strings, № as formulas with cached values, a SUM total.
    t = Table(FIELDS, [["1-қосымша"], ["Өтінім"], [SCHOOLS[0]], KK_OFF, list(range(1, 11))])
    ps = people(5, SCHOOLS[0])
    for j, p in enumerate(ps):
        no = p.no if j == 0 else ("formula", f"=A{t.top + len(t.rows)}+1", p.no)
        t.person(p, {"date": "date"}, override={"no": no})
    t.raw(None, None, "Барлығы:", None, None, None, None, ("formula", "=SUM(H6:H10)", sum(p.hours for p in ps)))
    t.raw("Құқық жоғары мектебінің деканы ________________ Ә.Қ. Сейтқали")
    add("r59_formulas_shared_strings.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Өтінім", t, "visible")]), t)

    # 60 Legacy .xls: official Russian header, real dates, phones as numbers, a merged title.
    t = Table(FIELDS + ["extra:note"], [["Приложение 1", None, None, None, None, None, None, None, None, None, None],
                                         ["Заявка"], RU_OFF + ["Примечание"]], top=0)
    t.merges.append((0, 0, 1, 11))
    for j, p in enumerate(people(4, SCHOOLS[5])):
        t.person(p, {"date": "date", "phone": "number", "hours": "ru"}, extras={"extra:note": "онлайн" if j % 2 else None})
    t.raw(None, None, "Итого:", None, None, None, None, None)
    add("r60_ru_official.xls", "xls", lambda path: write_xls(path, t), t)

    # 61 Legacy .xls: Kazakh two-row header, text dates, invalid rows.
    up = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы",
          "Соңғы біліктілікті арттыру курсы", None, None, "Байланыс", None]
    low = [None, None, None, None, None, "атауы", "өткен күні", "сағат саны", "телефоны", "e-mail"]
    t = Table(FIELDS, [up, low], top=2)
    for c in range(5):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 5, 1, 3))
    t.merges.append((0, 8, 1, 2))
    ps = people(4, SCHOOLS[2])
    t.person(ps[0], {"date": "dmy", "hours": "kk"})
    t.person(ps[1], {"date": "dmy"}, override={"hours": "36,5"}, problems=[("last_course_hours", "invalid")])
    t.person(ps[2], override={"date": "31.02.2025"}, problems=[("last_course_date", "invalid")])
    t.person(ps[3], {"date": "date"})
    add("r61_kk_two_row.xls", "xls", lambda path: write_xls(path, t, title="Өтінім"), t)

    # 62 docx whose header and cells Word split into runs (spell-check marks, bookmarks).
    t = Table(FIELDS, [KK_OFF])
    for p in people(3, SCHOOLS[8]):
        t.person(p, {"date": "dmy", "hours": "kk"})
    add("r62_docx_split_runs.docx", "docx", lambda path: write_docx(path, t, split_runs=True), t)

    # 63 Official Russian header in another order with a note column, table from column B.
    cols = ["no", "name", "email", "phone", "school", "direction", "programme", "course", "hours", "date", "extra:note"]
    names = dict(zip(FIELDS, RU_OFF))
    t = Table(cols, [["Заявка на повышение квалификации"], [names[c] for c in cols[:-1]] + ["Примечание"]], top=1, left=1)
    ps = people(5, "Высшая школа экономики")
    for j, p in enumerate(ps[:4]):
        t.person(p, {"date": "date", "hours": "ru"}, extras={"extra:note": "желательно летом" if j == 1 else None})
    t.person(ps[4], override={"email": ps[4].email.replace("@kazguu.kz", "@gmail.com")})
    t.expected_rows[-1]["email"] = ps[4].email.replace("@kazguu.kz", "@gmail.com")
    add("r63_ru_official_reordered.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Заявка", t, "visible")]), t)

    # 64 Official English header, PPS/ABP sections each with the header repeated.
    t = Table(FIELDS, [["Appendix 1. Application — School of Liberal Arts"], EN_OFF, ["Faculty (PPS)"]])
    for p in people(3, SCHOOLS[6]):
        t.person(p, {"date": "iso", "hours": "en"})
    t.rows.append(list(EN_OFF))
    t.raw("Administrative staff (ABP)")
    for p in people(2, SCHOOLS[6], start_no=4):
        t.person(p, {"date": "iso", "hours": "en"})
    t.raw("Total: 5")
    add("r64_en_official_sections.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Application", t, "visible")]), t)

    # 65 Bilingual official header (kk + en on two lines), table from B6, a hidden empty row.
    hdr = [f"{k}\n{e}" for k, e in zip(KK_OFF, EN_OFF)]
    t = Table(FIELDS, [hdr], top=5, left=1)
    for p in people(4, "Бизнес мектеп"):
        t.person(p, {"date": "dmy", "phone": "number"})
    t.raw(None)
    t.hidden_rows.append(len(t.rows) - 1)
    t.raw("Орындаған: Ким Е.С., әдіскер, ішкі тел. 431")
    add("r65_bilingual_official.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Өтінім", t, "visible")]), t)

    # 66 CSV kz1048 with the official Kazakh header (Excel "CSV" in a Kazakh Windows locale).
    t = Table(FIELDS, [["1-қосымша"], ["Өтінім"], ["Тіркеу офисі"], [h.replace("\n", " ") for h in KK_OFF]])
    ps = people(4, "Тіркеу офисі")
    for p in ps[:3]:
        p.direction = p.programme = None
        t.person(p, {"date": "dmy", "hours": "kk"})
    ps[3].direction = ps[3].programme = None
    t.person(ps[3], override={"email": None}, problems=[("email", "missing")])
    add("r66_kz1048_official.csv", "csv", lambda path: write_csv(path, t, "kz1048", ";"), t)


def make_batch5():
    # 67 Datetimes with a time of day, hours as a formula, e-mails as HYPERLINK formulas.
    t = Table(FIELDS, [KK_OFF])
    for p in people(3, SCHOOLS[3]):
        t.person(p, override={"date": dt.datetime(p.date.year, p.date.month, p.date.day, 14, 30),
                              "hours": ("formula", f"={p.hours // 2}*2", p.hours),
                              "email": ("formula", f'=HYPERLINK("mailto:{p.email}","{p.email}")', p.email)})
    add("r67_datetime_formulas_links.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 68 Name header merged over two columns: surname in the first, given name and patronymic in
    # the second (clerk: the name is both cells, in order, joined by a space).
    cols = ["no", "school", "extra:s", "extra:gp", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "Мектеп", "Т.А.Ә.", None, "Соңғы курс атауы", "Күні", "Сағат", "Телефон", "E-mail"]])
    t.merges.append((0, 2, 1, 2))
    for p in people(3, SCHOOLS[1]):
        s_, g, pa = p.full_name.split(" ")
        t.person(p, {"date": "dmy"}, extras={"extra:s": s_, "extra:gp": f"{g} {pa}"})
        t.expected_rows[-1]["full_name"] = p.full_name
        t.expected_rows[-1]["training_direction"] = None
        t.expected_rows[-1]["programme"] = None
    add("r68_name_over_two_columns.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 73 The same merged name label, with each name also merged over both columns: one name.
    cols = ["no", "school", "name", "extra:copy", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "Мектеп", "Аты-жөні", None, "Соңғы курс атауы", "Күні", "Сағат", "Телефон", "E-mail"]])
    t.merges.append((0, 2, 1, 2))
    for p in people(3, SCHOOLS[1]):
        i = t.person(p, {"date": "dmy"})
        t.merges.append((i, 2, 1, 2))
        t.expected_rows[-1]["training_direction"] = None
        t.expected_rows[-1]["programme"] = None
    add("r73_name_merged_in_rows_too.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 74 Section headings spread over two cells (a Roman numeral in №, the category under the
    # name); a person with a name but no address is still an employee row (email missing).
    t = Table(FIELDS, [H_KK])
    t.raw("I", None, "Профессорлық-оқытушылық құрам (ПОҚ)")
    ps = people(3, SCHOOLS[4])
    t.person(ps[0], {"date": "dmy"})
    t.person(ps[1], {"date": "dmy"}, override={"email": None, "phone": None, "date": None, "hours": None,
                                               "course": None, "direction": None, "programme": None},
             problems=[("email", "missing")])
    t.raw("II", None, "Әкімшілік-басқару қызметкерлері (АӘҚ)")
    t.person(ps[2], {"date": "dmy"}, override={"no": 3})
    t.raw("III", "Административно-управленческий персонал", "АУП")
    add("r74_sections_two_cells.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 75 A filled-in example on the first sheet (full header, one example row); the office's own
    # table on the second sheet names fewer columns but holds the people (clerk: the example is
    # not an application; the table with the people is).
    example = Table(FIELDS, [["Толтыру үлгісі / Образец заполнения"], KK_OFF])
    example.person(P(1, "Құқық жоғары мектебі", 1), {"date": "dmy"})
    cols = ["no", "school", "name", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "Мектеп", "Т.А.Ә.", "Соңғы курс", "Күні", "Сағат саны", "Телефон", "E-mail"]])
    for p in people(3, "Тіркеу офисі"):
        p.direction = p.programme = None
        t.person(p, {"date": "dmy"})
    add("r75_example_sheet_first.xlsx", "xlsx", lambda path: write_xlsxw(
        path, [("Үлгі", example, "visible"), ("Өтінім", t, "visible")]), t)

    # 76 CSV exported from a sheet with a two-row header: group labels only in their first column.
    up = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "ББ", "Соңғы біліктілікті арттыру курсы", None, None, "Байланыс", None]
    low = [None, None, None, None, None, "атауы", "күні", "сағат саны", "телефон", "e-mail"]
    t = Table(FIELDS, [["Өтінім"], up, low])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    add("r76_csv_two_row_header.csv", "csv", lambda path: write_csv(path, t, "utf-8", ";"), t)

    # 77 Legacy .xls with the school merged down the rows.
    t = Table(FIELDS, [H_RU])
    first = len(t.rows)
    for j, p in enumerate(people(3, "ДИТ")):
        i = t.person(p, {"date": "date", "phone": "number"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 3, 1))
    add("r77_xls_merged_school.xls", "xls", lambda path: write_xls(path, t), t)

    # 79 Legacy .xls with last year's table on a hidden first sheet.
    old = simple(KK_OFF, SCHOOLS[3], 4, {"date": "dmy"})
    t = simple(KK_OFF, SCHOOLS[3], 2, {"date": "date"})
    add("r79_xls_hidden_old_sheet.xls", "xls", lambda path: write_xls(path, t, title="Өтінім", hidden_first=old.rows), t)

    # 80 ODS as LibreOffice writes it: equal neighbours (direction = programme) stored once with
    # a repeat count, dates with a time part, phones as numbers.
    t = Table(FIELDS, [KK_OFF])
    for p in people(4, SCHOOLS[0]):
        p.programme = p.direction
        t.person(p, {"date": "date", "phone": "number"})
    add("r80_ods_libreoffice_repeats.ods", "ods", lambda path: write_ods(path, t, libreoffice=True), t)

    # 81 docx: the title inside the table (one cell across the row), addresses as hyperlinks.
    t = Table(FIELDS, [["Өтінім — Гуманитарлық мектеп"], KK_OFF, list(range(1, 11))])
    t.merges.append((0, 0, 1, 10))
    for p in people(3, SCHOOLS[2]):
        t.person(p, {"date": "dmy", "hours": "kk"})
    add("r81_docx_title_row_hyperlinks.docx", "docx", lambda path: write_docx(path, t, links="link"), t)

    # 82 docx: addresses as HYPERLINK fields (instruction text hidden, result shown).
    t = Table(FIELDS, [H_RU])
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy"})
    ps = people(1, SCHOOLS[9], start_no=4)
    t.person(ps[0], override={"email": "ivanov.kazguu.kz"}, problems=[("email", "invalid")])
    add("r82_docx_field_links.docx", "docx", lambda path: write_docx(path, t, links="field"), t)

    # 83 A planned course next to the last one, in a two-row header: the planned group's title
    # and date are not the last course's.
    up = ["№", "Т.А.Ә.", "Жоспарланған курс", None, "Соңғы өткен курс", None, None, "E-mail", "Телефон"]
    low = [None, None, "атауы", "күні", "атауы", "күні", "сағат саны", None, None]
    cols = ["no", "name", "extra:pt", "extra:pd", "course", "date", "hours", "email", "phone"]
    t = Table(cols, [up, low])
    for c in (0, 1, 7, 8):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 2, 1, 2))
    t.merges.append((0, 4, 1, 3))
    for p in people(3, None):
        t.person(p, {"date": "dmy"}, extras={"extra:pt": "Жасанды интеллект негіздері", "extra:pd": "01.10.2026"})
        t.expected_rows[-1].update({"training_direction": None, "programme": None})
    add("r83_planned_course_group.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 84 A wished-for course column left of a plain "course title" column (ru).
    cols = ["no", "name", "school", "extra:w", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "ФИО", "Кафедра", "Желаемый курс ПК", "Название курса ПК", "Дата", "Часы", "Телефон", "E-mail"]])
    for p in people(3, "Кафедра права"):
        t.person(p, {"date": "dmy", "hours": "ru"}, extras={"extra:w": "Цифровая педагогика"})
        t.expected_rows[-1].update({"training_direction": None, "programme": None})
    add("r84_wished_course_first.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 85 The preparer typed into the grid: "Орындаған:" under №, her name under the name column,
    # her address under E-mail (clerk: a footer, not an employee).
    t = Table(FIELDS, [KK_OFF])
    for p in people(3, SCHOOLS[8]):
        t.person(p, {"date": "dmy"})
    t.raw(None)
    t.raw("Орындаған:", None, "Садықова Д.", None, None, None, None, None, "8 (727) 123-45-67", "d.sadykova@kazguu.kz")
    add("r85_preparer_in_grid.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 86 The template's filled-in example row left in place, marked "Мысалы" in the № column
    # (clerk: an example, not an employee; the README's skipped rows are the template's furniture).
    t = Table(FIELDS, [KK_OFF])
    t.person(P(2, "Құқық жоғары мектебі", 1), {"date": "dmy"}, override={"no": "Мысалы:"})
    t.expected_rows.pop()
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    add("r86_example_row_left_in.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 87 Duplicates count only against earlier valid rows: an invalid first row does not make the
    # next row with its address a duplicate; a later invalid row with a taken address gets both.
    t = Table(FIELDS, [H_RU])
    ps = people(4, SCHOOLS[9])
    t.person(ps[0], {"date": "dmy"}, override={"hours": "семьдесят два"}, problems=[("last_course_hours", "invalid")])
    ps[1].email = ps[0].email
    t.person(ps[1], {"date": "dmy"})
    t.person(ps[2], {"date": "dmy"}, override={"email": ps[0].email.upper(), "date": "2042-01-10"},
             problems=[("last_course_date", "future"), ("email", "duplicate")])
    t.person(ps[3], {"date": "dmy"}, override={"name": None, "email": "bad@", "hours": 0},
             problems=[("full_name", "missing"), ("email", "invalid"), ("last_course_hours", "out_of_range")])
    add("r87_duplicates_and_several_problems.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 88 HTML message laid out in a table, the application table nested inside, with an invalid row.
    t = Table(FIELDS, [H_KK])
    ps = people(3, SCHOOLS[1])
    t.person(ps[0], {"date": "dmy"})
    t.person(ps[1], {"date": "dmy"}, override={"date": "31.02.2024"}, problems=[("last_course_date", "invalid")])
    t.person(ps[2], {"date": "dmy"})
    add("r88_html_nested_layout.html", "html", lambda path: write_html(path, t, layout=True), t)

    # 89 Extra columns that look like the course's date or a contact: the academic year, the
    # certificate's date left of the course, a personal address and phone beside the work ones
    # (clerk: the work address is the application's; the date beside the course is the course's).
    cols = ["extra:year", "no", "name", "school", "extra:cert", "course", "date", "hours", "extra:pmail", "email",
            "extra:pphone", "phone"]
    t = Table(cols, [["Оқу жылы", "№", "Т.А.Ә.", "Мектеп", "Сертификат берілген күні", "Соңғы курс атауы", "Күні",
                      "Сағат", "Жеке email", "E-mail", "Жеке телефоны", "Телефон"]])
    for p in people(3, SCHOOLS[3]):
        t.person(p, {"date": "dmy"}, extras={"extra:year": "2025-2026", "extra:cert": "01.01.2025",
                                             "extra:pmail": "someone@gmail.com", "extra:pphone": "87770000000"})
        t.expected_rows[-1].update({"training_direction": None, "programme": None})
    add("r89_lookalike_extras.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 90 Two-row header: "Т.А.Ә." over surname / given name / patronymic sub-columns.
    up = ["№", "Мектеп", "Т.А.Ә.", None, None, "Соңғы курс", None, None, "Телефон", "E-mail"]
    low = [None, None, "Тегі", "Аты", "Әкесінің аты", "атауы", "күні", "сағат саны", None, None]
    cols = ["no", "school", "extra:s", "extra:g", "extra:p", "course", "date", "hours", "phone", "email"]
    t = Table(cols, [up, low])
    for c in (0, 1, 8, 9):
        t.merges.append((0, c, 2, 1))
    t.merges.append((0, 2, 1, 3))
    t.merges.append((0, 5, 1, 3))
    for p in people(3, SCHOOLS[0]):
        s_, g, pa = p.full_name.split(" ")
        t.person(p, {"date": "dmy"}, extras={"extra:s": s_, "extra:g": g, "extra:p": pa})
        t.expected_rows[-1].update({"full_name": p.full_name, "training_direction": None, "programme": None})
    add("r90_two_row_split_name.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 91 Explanations typed in a row under the header: "(Тегі, Аты, Әкесінің аты)" under the name,
    # "(кк.аа.жжжж)" under the date, "(корпоративтік)" under the address (clerk: one name column).
    t = Table(FIELDS, [KK_OFF[:2] + ["Т.А.Ә."] + KK_OFF[3:],
                       [None, None, "(Тегі, Аты, Әкесінің аты)", None, None, None, "(кк.аа.жжжж)", "(тек сан)", None, "(корпоративтік)"]])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    add("r91_explanations_row.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 92 Labels that show the expected form, an example address among them.
    hdr = ["№", "Мектеп", "Т.А.Ә. (толық)", "Даярлау бағыты (шифры, атауы)", "ББ (шифры, атауы)", "Соңғы курс атауы",
           "Курс күні (мысалы: 01.03.2024)", "Сағат саны (тек сан)", "Телефон (8 7XX XXX XX XX)",
           "E-mail (мысалы: a.user@kazguu.kz)"]
    t = Table(FIELDS, [hdr])
    for p in people(3, SCHOOLS[5]):
        t.person(p, {"date": "dmy"})
    add("r92_labels_with_examples.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 93 A two-row header with its column-number row printed again on the next page.
    up = ["№", "Мектеп", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы",
          "Соңғы біліктілікті арттыру курсы", None, None, "Байланыс деректері", None]
    low = [None, None, None, None, None, "атауы", "күні", "сағат саны", "телефон", "e-mail"]
    t = Table(FIELDS, [up, low, list(range(1, 11))])
    def group_merges(base):
        for c in range(5):
            t.merges.append((base, c, 2, 1))
        t.merges.append((base, 5, 1, 3))
        t.merges.append((base, 8, 1, 2))
    group_merges(0)
    for p in people(3, SCHOOLS[2]):
        t.person(p, {"date": "dmy"})
    base = len(t.rows)
    t.rows += [list(up), list(low), list(range(1, 11))]
    group_merges(base)
    for p in people(2, SCHOOLS[2], start_no=4):
        t.person(p, {"date": "date"})
    add("r93_two_row_header_repeated.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 94 The same in a .docx (Word repeats nothing itself here: the head copied the rows).
    t2 = Table(FIELDS, [up, low])
    for (r, c, nr, nc) in [(0, c, 2, 1) for c in range(5)] + [(0, 5, 1, 3), (0, 8, 1, 2)]:
        t2.merges.append((r, c, nr, nc))
    for p in people(2, SCHOOLS[2]):
        t2.person(p, {"date": "dmy"})
    base = len(t2.rows)
    t2.rows += [list(up), list(low)]
    for (r, c, nr, nc) in [(base, c, 2, 1) for c in range(5)] + [(base, 5, 1, 3), (base, 8, 1, 2)]:
        t2.merges.append((r, c, nr, nc))
    ps = people(2, SCHOOLS[2], start_no=3)
    t2.person(ps[0], {"date": "dmy"})
    t2.person(ps[1], {"date": "dmy"}, override={"hours": 2500}, problems=[("last_course_hours", "out_of_range")])
    add("r94_docx_two_row_header_repeated.docx", "docx", lambda path: write_docx(path, t2), t2)

    # 95 ODS with last year's application on a hidden first sheet.
    old = simple(H_KK, SCHOOLS[4], 4, {"date": "dmy"})
    t = simple(H_KK, SCHOOLS[4], 2, {"date": "date"})
    add("r95_ods_hidden_old_sheet.ods", "ods", lambda path: write_ods(path, t, hidden_first=old.rows), t)

    # 96 Footers typed across the grid: the role after the unit's name, the signer in another
    # column, no underscores; a "Қорытынды" summary line with a number.
    t = Table(FIELDS, [KK_OFF])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
    t.raw(None, "Қорытынды:", None, None, None, None, None, 216)
    t.raw(None, None, "Құқық жоғары мектебінің деканы", None, None, None, "Ә.Қ. Сейтқали")
    t.raw(None, None, "Высшая школа права, директор", None, None, None, "А.Б. Ахметов")
    add("r96_footers_across_grid.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 97 Start and end dates of the course (clerk: the last course is dated by its end, the day
    # the certificate is issued).
    cols = ["no", "name", "school", "course", "extra:start", "date", "hours", "phone", "email"]
    t = Table(cols, [["№", "ФИО", "Подразделение", "Название курса", "Дата начала курса", "Дата окончания курса",
                      "Кол-во часов", "Телефон", "E-mail"]])
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy"}, extras={"extra:start": (p.date - dt.timedelta(days=5)).strftime("%d.%m.%Y")})
        t.expected_rows[-1].update({"training_direction": None, "programme": None})
    add("r97_start_and_end_dates.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 98 The same in English without a course word on the dates.
    t = Table(cols, [["No", "Name", "Department", "Course", "Start date", "End date", "Hours", "Phone", "Email"]])
    for p in people(3, "Department of Languages"):
        t.person(p, {"date": "iso"}, extras={"extra:start": (p.date - dt.timedelta(days=5)).isoformat()})
        t.expected_rows[-1].update({"training_direction": None, "programme": None})
    add("r98_start_end_en.csv", "csv", lambda path: write_csv(path, t, "utf-8", ","), t)

    # 78 HTML with the school in a rowspan cell.
    t = Table(FIELDS, [H_KK])
    first = len(t.rows)
    for j, p in enumerate(people(3, SCHOOLS[2])):
        i = t.person(p, {"date": "dmy"})
        if j:
            t.rows[i][1] = None
    t.merges.append((first, 1, 3, 1))
    add("r78_html_rowspan_school.html", "html", lambda path: write_html(path, t), t)

    # 69 docx: the whole letter laid out in a one-cell table holding the application table.
    t = Table(FIELDS, [H_RU])
    for p in people(3, SCHOOLS[9]):
        t.person(p, {"date": "dmy"})
    add("r69_docx_nested_table.docx", "docx", lambda path: write_docx(path, t, nested=True), t)

    # 70 HTML as mail clients write it: upper-case tags, spans and styles, <br/> in headers, &nbsp;.
    t = Table(FIELDS, [H_BREAKS])
    for p in people(3, SCHOOLS[4]):
        t.person(p, {"date": "dmy", "hours": "kk"})
    add("r70_outlook.html", "html", lambda path: write_html(path, t, outlook=True), t)

    # 71 A spacer column between the blocks, a header row of bold labels typed one cell right of the
    # data's № column (the № label is missing: numbers without a label).
    cols = ["no", "school", "name", "extra:gap", "course", "date", "hours", "extra:gap2", "phone", "email"]
    t = Table(cols, [[None, "Мектеп", "Т.А.Ә.", None, "Соңғы курс", "Күні", "Сағат", None, "Телефон", "E-mail"]])
    for p in people(3, SCHOOLS[0]):
        t.person(p, {"date": "dmy"})
        t.expected_rows[-1]["training_direction"] = None
        t.expected_rows[-1]["programme"] = None
    add("r71_spacer_unlabelled_no.xlsx", "xlsx", lambda path: write_xlsxw(path, [("Sheet1", t, "visible")]), t)

    # 72 ODS header with line breaks (text:line-break) and several spaces (text:s).
    t = Table(FIELDS, [H_BREAKS])
    for p in people(3, SCHOOLS[2]):
        t.person(p, {"date": "date", "name": lambda s: s.replace(" ", "   ", 1)})
    add("r72_ods_breaks_spaces.ods", "ods", lambda path: write_ods(path, t, line_breaks=True), t)


if __name__ == "__main__":
    make_all()
