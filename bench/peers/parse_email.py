#!/usr/bin/env python3
"""Python's email package parsing a message and decoding every attachment. Usage: parse_email.py FILE"""
import hashlib, sys
from email import policy
from email.parser import BytesParser
with open(sys.argv[1], "rb") as f:
    msg = BytesParser(policy=policy.default).parse(f)
for part in msg.iter_attachments():
    print(part.get_filename(), hashlib.sha256(part.get_content()).hexdigest())
