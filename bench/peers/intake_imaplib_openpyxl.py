#!/usr/bin/env python3
"""The peer a university would write by hand: imaplib fetches every message in INBOX,
email parses it, openpyxl reads each xlsx attachment, the rows go to a CSV file, and – unless
SEND is "none" – every sender gets a receipt with the same lists as cpdbot's (plain text and
HTML): the rows taken, counted, the first LISTED of them named; on a resend what changed against
the sender's previous rows (added, removed, changed, by e-mail), each list cut at LISTED too
(cpdbot's `replies.receipt_listed_rows`, 25). Sent with smtplib over submission (STARTTLS + AUTH):
  none      no receipts (the old peer: retrieval and parsing only)
  one       one SMTP connection, each receipt sent as soon as its message is read
  pool:N    N SMTP connections on N threads, receipts handed over as messages are read
Every receipt is accepted by the server (250 to its end of data) before the script ends.
Usage: intake_imaplib_openpyxl.py HOST PORT USER PASSWORD_FILE CA_FILE OUT_DIR [SEND [SMTP_PORT [LISTED]]]"""
import concurrent.futures, csv, email, html, imaplib, io, os, smtplib, ssl, sys, threading
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import openpyxl

host, port, user, password_file, ca_file, out_dir = sys.argv[1:7]
send_mode = sys.argv[7] if len(sys.argv) > 7 else "none"
smtp_port = int(sys.argv[8]) if len(sys.argv) > 8 else 10587
listed = int(sys.argv[9]) if len(sys.argv) > 9 else 25
password = open(password_file).read().strip()
context = ssl.create_default_context(cafile=ca_file)


def smtp_connection():
    smtp = smtplib.SMTP(host, smtp_port, timeout=60)
    smtp.starttls(context=context)
    smtp.login(user, password)
    return smtp


def person(row):
    return f"{row[2]} <{row[9]}>"


def changes(before, rows):
    """What a resend changed against the sender's previous rows, by e-mail (column 10), as
    cpdbot's receipt says it: added, removed, changed (the same e-mail, other values)."""
    old = {}
    for row in before:
        old.setdefault(row[9], row)
    emails = {row[9] for row in rows}
    added = [row for row in rows if row[9] not in old]
    changed = [row for row in rows if row[9] in old and old[row[9]] != row]
    removed = [row for row in before if row[9] not in emails]
    return added, removed, changed


def receipt(msg, sender, rows, before):
    """The receipt for one message, in text and in HTML: the rows taken (the first `listed`
    named, the rest counted); on a resend, what changed, each list cut at `listed` too."""
    out = EmailMessage()
    out["From"] = user
    out["To"] = sender
    out["Subject"] = "Re: " + (msg["Subject"] or "")
    out["Message-ID"] = make_msgid(domain="kazguu.kz")
    if msg["Message-ID"]:
        out["In-Reply-To"] = msg["Message-ID"]
        out["References"] = msg["Message-ID"]
    out["Auto-Submitted"] = "auto-replied"
    text = [f"Өтінім қабылданды.\n\nҚабылданған қызметкерлер: {len(rows)}"]
    text += [f"  {n}. {person(row)}" for n, row in enumerate(rows[:listed], 1)]
    page = [f"<p>Өтінім қабылданды.</p><p>Қабылданған қызметкерлер: {len(rows)}</p><ol>",
            *(f"<li>{html.escape(person(row))}</li>" for row in rows[:listed]), "</ol>"]
    if len(rows) > listed:
        text.append(f"  … және тағы {len(rows) - listed} адам.")
        page.append(f"<p>… және тағы {len(rows) - listed} адам.</p>")
    if before is not None:
        for title, mark, items in zip(("Қосылғандар:", "Алынып тасталғандар:", "Өзгергендер:"), "+-*",
                                      changes(before, rows)):
            if not items:
                continue
            text.append(title)
            text += [f"  {mark} {person(row)}" for row in items[:listed]]
            page.append(f"<p>{title}</p><ul>")
            page += [f"<li>{html.escape(person(row))}</li>" for row in items[:listed]]
            if len(items) > listed:
                text.append(f"  … және тағы {len(items) - listed} адам.")
                page.append(f"<li>… және тағы {len(items) - listed} адам.</li>")
            page.append("</ul>")
    out.set_content("\n".join(text) + "\n")
    out.add_alternative("".join(page), subtype="html")
    return out


class OneConnection:
    def __init__(self):
        self.smtp = smtp_connection()

    def send(self, message):
        self.smtp.send_message(message)

    def close(self):
        self.smtp.quit()


class Pool:
    """N threads, each with its own connection; `close` waits until every receipt is accepted."""
    def __init__(self, size):
        self.local = threading.local()
        self.connections = []
        self.lock = threading.Lock()
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=size)
        self.futures = []

    def _send(self, message):
        smtp = getattr(self.local, "smtp", None)
        if smtp is None:
            smtp = self.local.smtp = smtp_connection()
            with self.lock:
                self.connections.append(smtp)
        smtp.send_message(message)

    def send(self, message):
        self.futures.append(self.executor.submit(self._send, message))

    def close(self):
        for future in self.futures:
            future.result()
        self.executor.shutdown()
        for smtp in self.connections:
            smtp.quit()


sender_pool = None
if send_mode == "one":
    sender_pool = OneConnection()
elif send_mode.startswith("pool:"):
    sender_pool = Pool(int(send_mode[5:]))
elif send_mode != "none":
    sys.exit(f"unknown SEND mode {send_mode!r}\n{__doc__}")

imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)
imap.login(user, password)
imap.select("INBOX")
_, data = imap.uid("SEARCH", None, "ALL")
uids = data[0].split()
os.makedirs(out_dir, exist_ok=True)
messages = rows_written = receipts = 0
previous = {}  # the rows each sender sent last: a resend's receipt says what changed
with open(os.path.join(out_dir, "rows.csv"), "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    # Batches of 100, BODY.PEEK[]: the fastest form imaplib offers.
    for start in range(0, len(uids), 100):
        batch = b",".join(uids[start:start + 100])
        _, fetched = imap.uid("FETCH", batch, "(BODY.PEEK[])")
        for item in fetched:
            if not isinstance(item, tuple):
                continue
            msg = email.message_from_bytes(item[1], policy=policy.default)
            messages += 1
            sender = msg["From"].addresses[0].addr_spec if msg["From"] else ""
            taken = []
            for part in msg.iter_attachments():
                name = part.get_filename() or ""
                if not name.lower().endswith(".xlsx"):
                    continue
                workbook = openpyxl.load_workbook(io.BytesIO(part.get_content()), read_only=True, data_only=True)
                for sheet in workbook.worksheets:
                    for row in sheet.iter_rows(values_only=True):
                        if row and isinstance(row[0], int) and len(row) >= 10:
                            writer.writerow([sender, *row])
                            taken.append(row)
                            rows_written += 1
            if sender_pool is not None and sender:
                sender_pool.send(receipt(msg, sender, taken, previous.get(sender)))
                receipts += 1
            previous[sender] = taken
if sender_pool is not None:
    sender_pool.close()
imap.logout()
print(f"messages={messages} rows={rows_written} receipts={receipts}")
