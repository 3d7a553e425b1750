#!/usr/bin/python3
"""The console in a real browser (issue 17): Debian's chromium + chromium-driver through
Selenium, against a `cpdbot run` on the mail sandbox with the console on 127.0.0.1:18080.

scripts/console-browser-test prepares the store and the configuration and starts the bot;
this script is the browser's part. Mailboxes: staff1430 (DSHR), staff1431 and staff1432 (heads),
staff1433 (staff), staff1450 (whose announcement is retried); the bot is staff1449. Screenshots of every page in each language go into
$CONSOLE_GALLERY when it is set.
"""
import email
import hashlib
import email.policy
import imaplib
import json
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("CONSOLE_BASE", "http://127.0.0.1:18080")
SANDBOX = os.environ["CPDBOT_SANDBOX_DIR"]
CONFIG = os.environ["CONSOLE_CONFIG"]
CPDBOT = os.environ["CPDBOT_BIN"]
GALLERY = os.environ.get("CONSOLE_GALLERY")
LINK = re.compile(re.escape(BASE) + r"/sign-in/[A-Za-z0-9_-]{43}")
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400",
                     "--force-device-scale-factor=1", "--lang=en"):
        options.add_argument(argument)
    service = Service(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def mailbox_links(user):
    """Every sign-in link in USER's INBOX, oldest first."""
    password = open(os.path.join(SANDBOX, "password")).read().strip()
    context = ssl.create_default_context(cafile=os.path.join(SANDBOX, "ca.pem"))
    with imaplib.IMAP4_SSL("127.0.0.1", 10993, ssl_context=context) as imap:
        imap.login(user, password)
        imap.select("INBOX", readonly=True)
        _, data = imap.uid("search", None, "ALL")
        links = []
        for uid in data[0].split():
            _, parts = imap.uid("fetch", uid, "(RFC822)")
            message = email.message_from_bytes(parts[0][1], policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            links += LINK.findall(body.get_content() if body else "")
        return links


def wait_for_new_link(user, known, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        links = mailbox_links(user)
        fresh = [link for link in links if link not in known]
        if fresh:
            return fresh[-1]
        time.sleep(1)
    return None


def shot(driver, name):
    if GALLERY:
        os.makedirs(GALLERY, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1200, max(700, min(height + 40, 4000)))
        driver.save_screenshot(os.path.join(GALLERY, name + ".png"))
        driver.set_window_size(1200, 1400)


def appears(driver, element_id, seconds=10):
    """Whether the element shows up (a click returns before the next page has loaded)."""
    try:
        WebDriverWait(driver, seconds).until(expected_conditions.presence_of_element_located((By.ID, element_id)))
        return True
    except Exception:
        return False


def sign_in(driver, user, language="kk"):
    known = mailbox_links(user)
    driver.get(BASE + "/sign-in?lang=" + language)
    driver.find_element(By.ID, "email").send_keys(user)
    driver.find_element(By.CSS_SELECTOR, "form.sign-in button").click()
    check(appears(driver, "sent"), f"{user}: the page says a link was sent if the address is known")
    link = wait_for_new_link(user, known)
    check(link is not None, f"{user}: the sign-in link arrived in the mailbox")
    driver.get(link)
    driver.find_element(By.ID, "confirm").click()
    WebDriverWait(driver, 10).until(lambda d: "/sign-in/" not in d.current_url)
    return link


def inbox_count(user):
    """How many messages USER's INBOX holds."""
    password = open(os.path.join(SANDBOX, "password")).read().strip()
    context = ssl.create_default_context(cafile=os.path.join(SANDBOX, "ca.pem"))
    with imaplib.IMAP4_SSL("127.0.0.1", 10993, ssl_context=context) as imap:
        imap.login(user, password)
        imap.select("INBOX", readonly=True)
        _, data = imap.uid("search", None, "ALL")
        return len(data[0].split())


def download(driver, path):
    """GET PATH with the browser's session cookie: (status, content type, first bytes)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Content-Type"), response.read()


def post_form(driver, action, fields):
    """Submits a form the page no longer shows (a second click after the page changed)."""
    driver.execute_script(
        "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
        "for (const [k, v] of Object.entries(arguments[1])) {"
        "  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
        "document.body.appendChild(f); f.submit();", action, fields)


def figure(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'[data-figure="{name}"]').text.strip()


def cpdbot_json(*arguments):
    result = subprocess.run([CPDBOT, *arguments, "--json", "--config", CONFIG], capture_output=True, text=True)
    return json.loads(result.stdout) if result.returncode == 0 else None


def main():
    dshr = browser()
    try:
        # An unknown address gets the same answer as a known one, and no mail goes anywhere.
        dshr.get(BASE + "/sign-in?lang=en")
        shot(dshr, "en-sign-in")
        dshr.find_element(By.ID, "email").send_keys("nobody-here@kazguu.kz")
        dshr.find_element(By.CSS_SELECTOR, "form.sign-in button").click()
        check(appears(dshr, "sent"), "an unknown address gets the same 'if known, a link was sent' page")
        shot(dshr, "en-sign-in-sent")

        link = sign_in(dshr, "staff1430@kazguu.kz")
        check(dshr.current_url.rstrip("/") == BASE, "DSHR lands on the overview")
        # The overview's figures are the CLI's.
        status = cpdbot_json("status")
        for outcome in ("processed", "rejected", "ignored", "reported"):
            check(figure(dshr, "outcome-" + outcome) == str(status["outcomes"].get(outcome, 0)),
                  f"overview {outcome} = cpdbot status --json")
        for state in ("queued", "sent", "failed"):
            check(figure(dshr, "outbox-" + state) == str(status["outbox"].get(state, 0)),
                  f"overview outbox {state} = cpdbot status --json")
        check(figure(dshr, "units-applied") == "1" and figure(dshr, "units-late") == "1"
              and figure(dshr, "units-missing") == "2", "units applied 1 / late 1 / not yet 2")
        check(figure(dshr, "rows-accepted") == "3", "rows accepted 3")
        cycle = dshr.find_element(By.TAG_NAME, "h1").text.split()[-1]
        plan = cpdbot_json("plan", "status", "--cycle", cycle)
        check(plan is not None and sum(p["failed"] for p in plan) == int(figure(dshr, "plan-failed")),
              "the Plan's failed announcements = cpdbot plan status --json")
        for language in ("kk", "ru", "en"):
            dshr.get(BASE + "/?lang=" + language)
            check(dshr.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"overview in {language}")
            shot(dshr, f"{language}-overview")
            dshr.get(BASE + "/units?lang=" + language)
            shot(dshr, f"{language}-units")
            dshr.find_elements(By.CSS_SELECTOR, "table.units a")[-1].click()
            shot(dshr, f"{language}-unit")
            dshr.get(BASE + "/me?lang=" + language)
            shot(dshr, f"{language}-person")
            for page in ("plan", "completions", "compliance", "messages"):
                dshr.get(BASE + "/" + page + "?lang=" + language)
                check(dshr.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"{page} in {language}")
                shot(dshr, f"{language}-{page}")
            # One message: how the bot read it, with a file name full of markup shown as text.
            dshr.get(BASE + "/messages?from=staff1431&lang=" + language)
            dshr.find_element(By.CSS_SELECTOR, "table a[href^='/messages/']").click()
            check(appears(dshr, "reading-files") and "<img src=x>.csv" in dshr.find_element(By.ID, "reading-files").text,
                  f"the inspect view in {language} shows the file name as text")
            message_url = dshr.current_url
            shot(dshr, f"{language}-message")
            dshr.get(BASE + "/nowhere?lang=" + language)
            shot(dshr, f"{language}-not-found")

        # The compliance report as a workbook, beside the CSV.
        dshr.get(BASE + "/compliance?lang=ru")
        status_code, content_type, body = download(dshr, dshr.find_element(By.ID, "compliance-xlsx").get_attribute("pathname"))
        check(status_code == 200 and content_type.startswith("application/vnd.openxmlformats") and body[:2] == b"PK",
              "the compliance xlsx downloads as a workbook")
        status_code, content_type, body = download(dshr, "/completions.xlsx")
        check(status_code == 200 and body[:2] == b"PK", "the certificates list downloads as a workbook")

        # Retry: the refused announcement is listed with the server's reason, the first click
        # asks, the second queues it once and the bot sends it; a second click sends nothing.
        dshr.get(BASE + "/plan?lang=en")
        check("mailbox full" in dshr.find_element(By.TAG_NAME, "main").text, "the failed send shows the server's reason")
        resend = dshr.find_element(By.CSS_SELECTOR, "form[action$='/retry']").get_attribute("action").replace("/retry", "/resend")
        csrf = dshr.find_element(By.CSS_SELECTOR, "form[action$='/retry'] input[name=csrf]").get_attribute("value")
        before = inbox_count("staff1450@kazguu.kz")
        dshr.find_element(By.CSS_SELECTOR, "button.retry").click()
        check(appears(dshr, "resend"), "Retry asks before it sends")
        shot(dshr, "en-plan-retry")
        dshr.find_element(By.ID, "resend").click()
        check(appears(dshr, "notice") and "Queued again: 1;" in dshr.find_element(By.ID, "notice").text,
              "Retry queues the failed announcement once")
        deadline = time.time() + 90
        while time.time() < deadline and inbox_count("staff1450@kazguu.kz") == before:
            time.sleep(1)
        check(inbox_count("staff1450@kazguu.kz") == before + 1, "the retried announcement arrived, once")
        post_form(dshr, resend, {"csrf": csrf, "confirm": "yes"})
        check(appears(dshr, "notice") and "Queued again: 0;" in dshr.find_element(By.ID, "notice").text,
              "a second click queues nothing")
        time.sleep(5)
        check(inbox_count("staff1450@kazguu.kz") == before + 1, "…and sends nothing")

        # A forged CSRF token is refused.
        dshr.get(BASE + "/me")
        dshr.execute_script("document.querySelector('form.sign-out input[name=csrf]').value = 'forged'")
        dshr.find_element(By.CSS_SELECTOR, "form.sign-out button").click()
        check(appears(dshr, "message") and "/sign-out" in dshr.current_url,
              "sign-out with a forged CSRF token is refused")
        dshr.get(BASE + "/me")
        check("/me" in dshr.current_url, "…and the session is still there")

        # The link used once does not work again, not even in the same browser.
        dshr.get(link)
        dshr.find_element(By.ID, "confirm").click()
        check(appears(dshr, "message"), "a used link is refused")
        shot(dshr, "kk-link-refused")
    finally:
        dshr.quit()

    head = browser()
    try:
        sign_in(head, "staff1431@kazguu.kz", "ru")
        check("/units/" in head.current_url, "a head lands on their unit")
        text = head.find_element(By.TAG_NAME, "main").text
        check("<script>alert('xss')</script>" in text, "a name with <script> shows as text")
        check('"><img src=x onerror=alert(1)>.xlsx' in text, "a file name with markup shows as text")
        try:
            head.switch_to.alert
            check(False, "no script ran")
        except NoAlertPresentException:
            check(True, "no script ran")
        own = head.current_url
        head.get(BASE + "/units")
        check(head.find_elements(By.CSS_SELECTOR, "table.units a") == [] or len(head.find_elements(By.CSS_SELECTOR, "table.units a")) <= 1,
              "a head's unit list holds at most their unit")
        # Another unit's address: 404, as if it did not exist.
        other = "/units/" + hashlib.sha256("Халықаралық экономика мектебі".encode()).hexdigest()[:16]
        head.get(BASE + other)
        check(head.find_elements(By.ID, "message") != [] and "Ivanov" not in head.page_source,
              "a head gets 'not found' for another unit")
        # The head's own message, read as the bot read it.
        head.get(message_url)
        check(appears(head, "reading-files"), "a head opens a message from their unit")
        head.get(own)
    finally:
        head.quit()

    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("console browser test passed")


if __name__ == "__main__":
    main()
