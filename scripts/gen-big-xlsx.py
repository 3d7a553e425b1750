#!/usr/bin/env python3
"""Generate a large Appendix 1 workbook for measuring the xlsx reader.

Usage: python3 scripts/gen-big-xlsx.py OUT.xlsx [ROWS]

Writes ROWS (default 5000) employee rows in the ten Appendix 1 columns plus a long note column,
with real date cells, numbers and shared strings, so that the file is about 10 MB – the size
limit for attachments. Deterministic (fixed seed), so figures are comparable between runs.
"""
import datetime
import random
import sys

import openpyxl
from openpyxl.styles import Alignment

HEADERS = ["№", "Мектеп", "Т.А.Ә. (Тегі, Аты, Әкесінің аты)",
           "Кадрларды даярлау бағыты", "Білім беру бағдарламасы",
           "Соңғы өткен курс атауы", "Соңғы курс күні", "Сағат саны",
           "Байланыс телефоны", "E-mail", "Ескерту"]
NAMES = ["Әлиев Ғалым Бақытұлы", "Сәрсенбаева Ақмарал Ұзаққызы", "Иванова Елена Петровна",
         "Қасымов Айдос Маратұлы", "Brown Daniel", "Һашимова Меруерт Сағатқызы"]
COURSES = ["Legal Writing and Research Skills", "Жоғары мектептегі инновациялық оқыту әдістері",
           "Академическое письмо и публикация в международных журналах"]


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "big.xlsx"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(2026)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Өтінім"
    ws.append(["1-қосымша"])
    ws.append(["Өтінім"])
    ws.merge_cells("A2:K2")
    ws.append(HEADERS)
    for col in range(1, len(HEADERS) + 1):
        ws.cell(row=3, column=col).alignment = Alignment(wrap_text=True)
    start = datetime.date(2020, 1, 1)
    for n in range(1, rows + 1):
        # Unique long notes defeat shared-string reuse and make the file realistically heavy.
        note = " ".join(f"{rng.getrandbits(64):016x}" for _ in range(172))
        ws.append([
            n, "Құқық жоғары мектебі", f"{rng.choice(NAMES)} {n}", "6B04201 Құқықтану",
            "6B04201 Құқықтану", rng.choice(COURSES),
            start + datetime.timedelta(days=rng.randrange(2000)), rng.choice([16, 36, 72, 144]),
            f"+7 70{rng.randrange(10)} {rng.randrange(1000000, 9999999)}", f"user{n}@kazguu.kz", note,
        ])
        ws.cell(row=ws.max_row, column=7).number_format = "DD.MM.YYYY"
    ws.append(["Барлығы:", None, f"=COUNTA(C4:C{rows + 3})"])
    wb.save(out)


if __name__ == "__main__":
    main()
