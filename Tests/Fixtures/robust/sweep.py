#!/usr/bin/env python3
"""Random offices: combines make.py's header wordings, column orders, extra columns, offsets,
title/section/total/footer rows, value forms and invalid rows at random, writes the files and
their README-derived records to a scratch folder, and compares `cpdbot validate --json` with
them field by field. Not part of the test suite (random, slow); run it after changing the
header or row rules:

    SEED=1 N=200 /usr/bin/python3 Tests/Fixtures/robust/sweep.py [/tmp/sweep] [.build/debug/cpdbot]
"""
import sys, random, os, json, subprocess, importlib.util
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sweep"
CPDBOT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "../../../.build/debug/cpdbot")
spec = importlib.util.spec_from_file_location("mk", os.path.join(HERE, "make.py"))
mk = importlib.util.module_from_spec(spec); spec.loader.exec_module(mk)
seed = int(os.environ.get("SEED", "1")); N = int(os.environ.get("N", "150"))
random.seed(seed)
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT): os.remove(os.path.join(OUT, f))
mk.OUT = OUT
V = {
 "no": ["№", "№ п/п", "No.", "р/с", "№\nр/с", "Nr", "#"],
 "school": ["Мектеп", "Школа", "Кафедра", "Бөлім", "Подразделение", "School", "Department", "Құрылымдық бөлімше", "Мектеп / Школа"],
 "name": ["Т.А.Ә.", "ФИО", "Аты-жөні", "Ф.И.О. сотрудника", "Full name", "Т.А.Ә.\n(Тегі, Аты, Әкесінің аты)", "Фамилия, имя, отчество", "Қызметкердің аты-жөні", "Name"],
 "direction": ["Даярлау бағыты", "Направление подготовки", "Field of training", "Мамандық", "Специальность", "Кадрларды даярлау бағыты"],
 "programme": ["Білім беру бағдарламасы", "ББ", "ОП", "Образовательная программа", "Educational programme", "Programme"],
 "course": ["Соңғы курс атауы", "Последний курс ПК", "Наименование последнего курса", "Last course", "Соңғы өткен біліктілікті арттыру курсы", "Last completed professional development course", "Курс атауы"],
 "date": ["Курс күні", "Дата", "Өткен күні", "Date of last course", "Дата прохождения", "Күні", "Соңғы курс өткен күні"],
 "hours": ["Сағат саны", "Часы", "Кол-во часов", "Hours", "Көлемі (сағ.)", "Объем, ч.", "Сағат"],
 "phone": ["Телефон", "Тел.", "Ұялы тел.", "Моб. тел.", "Phone", "Байланыс телефоны", "Контактный телефон", "Mobile"],
 "email": ["E-mail", "Email", "Эл.пошта", "Электронды пошта", "Почта", "e-mail", "Эл. почта", "Электронная почта", "Пошта"],
}
EXTRA = ["ЖСН", "ИИН", "Лауазымы", "Должность", "Ескерту", "Примечание", "Стаж", "Ғылыми дәрежесі", "Position", "Note"]
EXTRA_VAL = {"ЖСН": "850101300123", "ИИН": "850101300123", "Лауазымы": "аға оқытушы", "Должность": "доцент", "Ескерту": "онлайн", "Примечание": "", "Стаж": 12, "Ғылыми дәрежесі": "PhD", "Position": "Lecturer", "Note": ""}
fmts = ["xlsx", "xlsxw", "ods", "csv", "docx", "html", "xls"]
count = 0
for n in range(N):
    fmt = random.choice(fmts)
    keys = [k for k in mk.FIELDS if k in ("no", "name", "email") or random.random() < 0.85]
    if random.random() < 0.5:
        random.shuffle(keys)
    extras = random.sample(EXTRA, random.randint(0, 2))
    cols = keys[:]
    for e in extras:
        cols.insert(random.randint(1, len(cols)), "extra:" + e)
    header = [V[c][random.randrange(len(V[c]))] if not c.startswith("extra:") else c[6:] for c in cols]
    if random.random() < 0.25:
        # The official wording, sometimes bilingual on two lines.
        official = dict(zip(mk.FIELDS, random.choice([mk.KK_OFF, mk.RU_OFF, mk.EN_OFF])))
        english = dict(zip(mk.FIELDS, mk.EN_OFF))
        both = random.random() < 0.5
        header = [(official[c] + ("\n" + english[c] if both else "")) if c in official else h for c, h in zip(cols, header)]
    titles = []
    for _ in range(random.randint(0, 3)):
        titles.append([random.choice(["1-қосымша", "Өтінім", "Заявка", "Приложение 1", "Құқық жоғары мектебі", "Application"])])
    top = random.choice([0, 0, 1, 3]) if fmt in ("xlsx", "xlsxw", "ods", "xls") else 0
    left = random.choice([0, 0, 1, 2]) if fmt in ("xlsx", "xlsxw", "ods", "xls") else 0
    hrows = titles + [header]
    if random.random() < 0.3: hrows.append(list(range(1, len(cols) + 1)))
    t = mk.Table(cols, hrows, top=top, left=left)
    # Sometimes the course's three columns sit under one group label in a two-row header.
    trio = [cols.index(c) for c in ("course", "date", "hours") if c in cols]
    two_row = (len(trio) == 3 and trio[1] == trio[0] + 1 and trio[2] == trio[0] + 2 and random.random() < 0.3
               and fmt != "csv")
    if two_row:
        h = len(titles)
        upper = list(t.rows[h])
        lower = [None] * len(cols)
        upper[trio[0]] = random.choice(["Соңғы біліктілікті арттыру курсы", "Последний курс повышения квалификации", "Last course"])
        upper[trio[1]] = upper[trio[2]] = None
        lower[trio[0]], lower[trio[1]], lower[trio[2]] = random.choice(
            [("атауы", "күні", "сағат саны"), ("название", "дата", "часы"), ("title", "date", "hours")])
        t.rows[h] = upper
        t.rows.insert(h + 1, lower)
        t.header_count += 1
        for c in range(len(cols)):
            if c not in trio:
                t.merges.append((h, c, 2, 1))
        t.merges.append((h, trio[0], 1, 3))
    school = random.choice(mk.SCHOOLS)
    ps = mk.people(random.randint(1, 7), school)
    enc = random.choice(["utf-8", "utf-8-sig", "kz1048"])
    for j, p in enumerate(ps):
        if random.random() < 0.2 and j:
            t.raw(random.choice(["ПОҚ", "АӘҚ", "Faculty (PPS)", "Профессорлық-оқытушылық құрам"]))
        styles = {"date": random.choice(["date", "dmy", "iso", "slash", "serial", "serialtext"]) if fmt not in ("csv", "docx", "html") else random.choice(["dmy", "iso", "slash", "serialtext"]),
                  "hours": random.choice(["int", "kk", "kkfull", "ru", "rufull", "en", "h", "text"]),
                  "phone": random.choice(["plus", "eight", "number", "ten", "brackets", "dash"]),
                  "email": random.choice(["plain", "caps", "spaces"])}
        if fmt == "xls" and styles["date"] == "serial": styles["date"] = "date"
        ev = {("extra:" + e): EXTRA_VAL[e] for e in extras}
        r = random.random()
        if r < 0.08:
            t.person(p, styles, ev, override={"email": None}, problems=[("email", "missing")])
        elif r < 0.14:
            t.person(p, styles, ev, override={"hours": random.choice(["жетпіс екі", "36,5"])}, problems=[("last_course_hours", "invalid")] if "hours" in cols else None)
        elif r < 0.2:
            t.person(p, styles, ev, override={"date": "31.02.2024"}, problems=[("last_course_date", "invalid")] if "date" in cols else None)
        elif r < 0.25:
            t.person(p, styles, ev, override={"name": None}, problems=[("full_name", "missing")])
        else:
            t.person(p, styles, ev)
    if random.random() < 0.15 and len(ps) >= 1:
        # The header printed again, then more people.
        t.rows.append(list(header))
        for p in mk.people(random.randint(1, 3), school, start_no=len(ps) + 1):
            t.person(p, {"date": "dmy"})
    tail = random.random()
    if tail < 0.3: t.raw(random.choice(["Барлығы:", "Итого", "Всего: %d" % len(ps), "Total"]))
    if random.random() < 0.3: t.raw(random.choice(["Орындаған: А. Серікова", "Директор ____________ А.Б. Ахметов", "Исполнитель: Иванова И.И."]))
    if random.random() < 0.2:
        for k in range(3): t.raw(*([None] * cols.index("no") + [len(ps) + k + 1]))
    name = f"s{n:03d}"
    try:
        sheets = [("Sheet1", t, "visible")]
        extra = random.random()
        if extra < 0.15:
            sheets.insert(0, ("Нұсқаулық", [["Нұсқаулық / Инструкция"], ["Кестені толтырып, hr-intake@kazguu.kz мекенжайына жіберіңіз."]], "visible"))
        elif extra < 0.3:
            sheets.append(("Тізімдер", [[sch] for sch in mk.SCHOOLS], "hidden"))
        if fmt == "xlsx": mk.add(name + ".xlsx", "xlsx", lambda path: mk.write_xlsx(path, sheets), t)
        elif fmt == "xlsxw": mk.add(name + ".xlsx", "xlsx", lambda path: mk.write_xlsxw(path, sheets), t)
        elif fmt == "ods": mk.add(name + ".ods", "ods", lambda path: mk.write_ods(path, t), t)
        elif fmt == "xls": mk.add(name + ".xls", "xls", lambda path: mk.write_xls(path, t), t)
        elif fmt == "csv": mk.add(name + ".csv", "csv", lambda path: mk.write_csv(path, t, enc, random.choice([";", ",", "\t"])), t)
        elif fmt == "docx": mk.add(name + ".docx", "docx", lambda path: mk.write_docx(path, t), t)
        elif fmt == "html": mk.add(name + ".html", "html", lambda path: mk.write_html(path, t), t)
    except Exception as e:
        print("gen fail", name, e); continue

wrong = 0
for e in mk.FILES.values():
    p = subprocess.run([CPDBOT, "validate", "--json", "--today", "2026-05-31", os.path.join(OUT, e["file"])],
                       capture_output=True, text=True, timeout=60)
    try:
        g = json.loads(p.stdout)
    except ValueError:
        wrong += 1; print("no JSON:", e["file"], p.returncode, p.stderr[:300]); continue
    diffs = [k for k in ("readable", "error_kind") if g.get(k) != e[k]]
    if len(g.get("rows", [])) != len(e["rows"]):
        diffs.append("rows: got %d want %d" % (len(g.get("rows", [])), len(e["rows"])))
    for a, b in zip(g.get("rows", []), e["rows"]):
        diffs += ["row %s %s: got %r want %r" % (b["no"], k, a.get(k), b[k]) for k in b if a.get(k) != b[k]]
    if g.get("invalid_rows", []) != e["invalid_rows"]:
        diffs.append("invalid: got %s want %s" % (g.get("invalid_rows"), e["invalid_rows"]))
    if diffs:
        wrong += 1; print("==", e["file"]); [print("   ", d) for d in diffs[:8]]
print("%d of %d wrong" % (wrong, len(mk.FILES)))
