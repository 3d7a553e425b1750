#!/usr/bin/env python3
"""The peer a university would write by hand: imaplib fetches every message in INBOX,
email parses it, openpyxl reads each xlsx attachment, and the rows go to a CSV file.
Usage: intake_imaplib_openpyxl.py HOST PORT USER PASSWORD_FILE CA_FILE OUT_DIR"""
import csv, email, imaplib, io, os, ssl, sys
from email import policy

import openpyxl

host, port, user, password_file, ca_file, out_dir = sys.argv[1:7]
password = open(password_file).read().strip()
context = ssl.create_default_context(cafile=ca_file)
imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)
imap.login(user, password)
imap.select("INBOX")
_, data = imap.uid("SEARCH", None, "ALL")
uids = data[0].split()
os.makedirs(out_dir, exist_ok=True)
messages = rows_written = 0
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
            for part in msg.iter_attachments():
                name = part.get_filename() or ""
                if not name.lower().endswith(".xlsx"):
                    continue
                workbook = openpyxl.load_workbook(io.BytesIO(part.get_content()), read_only=True, data_only=True)
                for sheet in workbook.worksheets:
                    for row in sheet.iter_rows(values_only=True):
                        if row and isinstance(row[0], int):
                            writer.writerow([sender, *row])
                            rows_written += 1
imap.logout()
print(f"messages={messages} rows={rows_written}")
