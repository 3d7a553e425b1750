#!/usr/bin/env python3
"""Builds the benchmark's mail: application mails (~40 KB, a real-looking Appendix 1 xlsx
attached, senders from the roster), and the big files for the parsing figures.

Usage: make_corpus.py intake DIR COUNT ROSTER   -> DIR/00001.eml …
       make_corpus.py bigxlsx FILE ROWS          -> a ~10 MB Appendix 1 workbook
       make_corpus.py bigmail FILE MB            -> a message with an MB-sized attachment
"""
import csv, io, os, random, sys
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
import datetime

import openpyxl

HEADER = ["№", "Мектеп / бөлім", "Т.А.Ә.", "Даярлау бағыты", "Білім беру бағдарламасы",
          "Соңғы біліктілікті арттыру курсының атауы", "Курс өткен күні", "Сағат саны",
          "Телефон", "Электрондық пошта"]
NAMES = ["Сәрсенбаева Ақмарал Ұзаққызы", "Құдайбергенов Серік Бақытұлы", "Бейсенов Асқар Нұрланұлы",
         "Иванова Ольга Петровна", "Smith John", "Өмірзақова Гүлнұр Төлеуқызы"]


ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі "


def workbook_bytes(rows, unit, seed, course_chars=0):
    """course_chars > 0 gives each row a random course title of that length: it keeps the
    compressed workbook large, as a real 10 MB file is."""
    rnd = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Өтінім"
    ws.append(["1-қосымша"])
    ws.append([f"{unit}: біліктілікті арттыруға өтінім"])
    ws.append(HEADER)
    for i in range(1, rows + 1):
        ws.append([i, unit, rnd.choice(NAMES) + f" {i}", "6B04201 Құқықтану", "6B04201 Құқықтану",
                   ("".join(rnd.choice(ALPHABET) for _ in range(course_chars)) if course_chars
                    else "Халықаралық арбитраж: теория және практика"),
                   datetime.date(2020 + rnd.randint(0, 4), rnd.randint(1, 12), rnd.randint(1, 28)),
                   rnd.choice([36, 72, 108]), f"8701{rnd.randint(1000000, 9999999)}",
                   f"user{seed}.{i}@kazguu.kz"])
    ws.append(["", "Барлығы", rows])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def heads(roster):
    with open(roster, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["role"] == "head"]


def intake(directory, count, roster):
    os.makedirs(directory, exist_ok=True)
    people = heads(roster)
    base = datetime.datetime(2026, 5, 12, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    cache = {}
    for n in range(1, count + 1):
        head = people[n % len(people)]
        key = (head["unit"], n % 7)
        if key not in cache:
            cache[key] = workbook_bytes(360, head["unit"], n % 7)
        msg = EmailMessage()
        msg["From"] = f'{head["full_name"]} <{head["email"]}>'
        msg["To"] = "hr-intake@kazguu.kz"
        msg["Subject"] = f"Re: Біліктілікті арттыруға өтінім – {head['unit']}"
        msg["Date"] = format_datetime(base + datetime.timedelta(seconds=n))
        msg["Message-ID"] = f"<bench-{n:05d}@kazguu.kz>"
        msg.set_content("Құрметті әріптестер!\n\nӨтінімді жіберемін.\n\nҚұрметпен,\n" + head["full_name"] + "\n")
        msg.add_attachment(cache[key], maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename=f"Өтінім_{n:05d}.xlsx")
        with open(os.path.join(directory, f"{n:05d}.eml"), "wb") as f:
            f.write(msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def bigxlsx(path, rows):
    with open(path, "wb") as f:
        f.write(workbook_bytes(rows, "Құқық жоғары мектебі", 1, course_chars=1700))


def bigmail(path, megabytes):
    msg = EmailMessage()
    msg["From"] = "Сейтқали Әлібек <a.seitkali@kazguu.kz>"
    msg["To"] = "hr-intake@kazguu.kz"
    msg["Subject"] = "Скан өтінім"
    msg["Message-ID"] = "<bench-big@kazguu.kz>"
    msg.set_content("Скан қоса беріліп отыр.\n")
    msg.add_attachment(random.Random(7).randbytes(megabytes * 1024 * 1024 * 3 // 4), maintype="image",
                       subtype="jpeg", filename="scan.jpg")
    with open(path, "wb") as f:
        f.write(msg.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "intake":
        intake(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif kind == "bigxlsx":
        bigxlsx(sys.argv[2], int(sys.argv[3]))
    elif kind == "bigmail":
        bigmail(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
