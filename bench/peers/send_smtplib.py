#!/usr/bin/env python3
"""The peer for sending: smtplib on one connection, STARTTLS + AUTH, COUNT personalised
messages of about SIZE bytes, one recipient each.
Usage: send_smtplib.py HOST PORT USER PASSWORD_FILE CA_FILE COUNT SIZE RECIPIENT_PATTERN RECIPIENTS
(recipient n is RECIPIENT_PATTERN % (n mod RECIPIENTS + 1))"""
import smtplib, ssl, sys
from email.message import EmailMessage

host, port, user, password_file, ca_file, count, size, pattern, recipients = sys.argv[1:10]
password = open(password_file).read().strip()
count, size, recipients = int(count), int(size), int(recipients)
context = ssl.create_default_context(cafile=ca_file)
filler = ("Құрметті әріптес! Біліктілікті арттыру жоспары бекітілді. " * (size // 60))[: size // 2]
with smtplib.SMTP(host, int(port)) as smtp:
    smtp.starttls(context=context)
    smtp.login(user, password)
    for n in range(count):
        recipient = pattern % (n % recipients + 1)
        msg = EmailMessage()
        msg["From"] = user
        msg["To"] = recipient
        msg["Subject"] = f"Біліктілікті арттыру жоспары {n}"
        msg["Message-ID"] = f"<smtplib-{n}@kazguu.kz>"
        msg.set_content(f"{recipient}\n{filler}")
        smtp.send_message(msg)
print(f"sent={count}")
