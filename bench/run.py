#!/usr/bin/env python3
"""cpdbot's benchmark: cpdbot against the tools a university would use instead, in one run,
on the same loopback Dovecot + Postfix, interleaved, as ratios. Prints one table.

Run through scripts/bench (which builds cpdbot in release mode and starts the sandbox).
Every loop is bounded; traffic goes to 127.0.0.1 only."""
import certificates
import console as console_bench
import argparse, email, imaplib, json, os, shutil, socket, ssl, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SANDBOX = os.environ.get("CPDBOT_SANDBOX_DIR", os.path.join(ROOT, "var", "mail-sandbox"))
CA = os.path.join(SANDBOX, "ca.pem")
PASSWORD_FILE = os.path.join(SANDBOX, "password")
WORK = os.path.join(ROOT, "var", "bench")
PY = sys.executable
BOT = "hr-intake@kazguu.kz"
# The only mailboxes the benchmark touches besides the bot's: staff0001…staff1100. Announcements
# go to staff0001…staff0100 (emptied after each run); the roster's heads (and DSHR) become staff1001… so that receipts and
# notices stay inside that range.
SEND_RECIPIENTS = 100
HEAD_BASE = 1001
DSHR = "staff1100@kazguu.kz"


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args, env=None, cwd=None, discard_stdout=False, ok=(0, 1)):
    """Runs a command under /usr/bin/time; returns (seconds, peak RSS in MB, stdout).
    discard_stdout: the output goes to /dev/null, so that reading and decoding it here (19 MB of
    JSON from `validate`) is not counted as the tool's time. ok: the exit codes that count as
    done (cpdbot exits 1 when it refused a file; a Python traceback is 1 too, so peers pass (0,))."""
    return timed_cpu(args, env=env, cwd=cwd, discard_stdout=discard_stdout, ok=ok)[:3]


def timed_cpu(args, env=None, cwd=None, discard_stdout=False, ok=(0, 1)):
    """`timed`, and the command's CPU seconds (user + system, its children included) fourth."""
    start = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "RSSKB=%M CPU=%U+%S", *args], text=True,
                          stdout=subprocess.DEVNULL if discard_stdout else subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, cwd=cwd, timeout=600)
    elapsed = time.monotonic() - start
    if proc.returncode not in ok:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr[-2000:]}")
    rss = cpu = 0
    for line in proc.stderr.splitlines():
        if line.startswith("RSSKB="):
            memory, times = line.split(" CPU=")
            rss = int(memory[6:]) / 1024
            cpu = sum(float(part) for part in times.split("+"))
    return elapsed, rss, proc.stdout, cpu


def server_cpu_seconds():
    """CPU seconds (user + system) the sandbox's Dovecot and Postfix have used so far: each
    master and every live process below it, with what their exited children used (cutime and
    cstime: a child's time goes to its parent when it is reaped, so nothing is counted twice).
    The difference across a tool's run is the servers' work for that tool."""
    roots = []
    for pid_file in (os.path.join(SANDBOX, "run", "master.pid"), os.path.join(SANDBOX, "postfix-queue", "pid", "master.pid")):
        try:
            roots.append(int(open(pid_file).read().split()[0]))
        except (OSError, ValueError, IndexError):
            pass
    children, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
        ticks[int(entry)] = sum(int(value) for value in fields[11:15])
    total, todo, seen = 0, [pid for pid in roots if pid in ticks], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total / os.sysconf("SC_CLK_TCK")


def sandbox(*args):
    return sh(os.path.join(ROOT, "scripts", "mail-sandbox"), *args)


def imap_count(user, folder="INBOX"):
    ctx = ssl.create_default_context(cafile=CA)
    with imaplib.IMAP4_SSL("127.0.0.1", 10993, ssl_context=ctx) as imap:
        imap.login(user, open(PASSWORD_FILE).read().strip())
        typ, data = imap.select(folder, readonly=True)
        return int(data[0]) if typ == "OK" else 0


def config_file(store, replies_per_hour=5, listed_rows=25):
    """The bot's configuration. `replies_per_hour` (`replies.max_per_sender_per_hour`, default 5)
    is lifted for intake (every mail answered) and latency (one head sends 50 mails a minute).
    `server_saves_sent: no`: the sandbox's Postfix + Dovecot file no copies of what is sent.
    `listed_rows` (`replies.receipt_listed_rows`): the names each receipt list shows; the Python
    peer is given the same number, so both send the same lists."""
    path = os.path.join(WORK, "cpdbot.yml")
    with open(path, "w") as f:
        f.write(f"""imap: {{ url: "imaps://127.0.0.1:10993", user: {BOT}, password_file: {PASSWORD_FILE}, mailbox: INBOX }}
smtp: {{ url: "smtp://127.0.0.1:10587", user: {BOT}, password_file: {PASSWORD_FILE}, server_saves_sent: "no" }}
tls: {{ ca_file: {CA} }}
bot: {{ address: {BOT}, dshr: [{DSHR}], language: kk, trusted_authserv_id: mx.kazguu.kz }}
store: {{ path: {store} }}
replies: {{ max_per_sender_per_hour: {replies_per_hour}, receipt_listed_rows: {listed_rows} }}
poll_interval_seconds: 30
""")
    return path


def bench_roster():
    """The sample roster with each head's address replaced by staff1001, staff1002, …"""
    path = os.path.join(WORK, "roster.csv")
    with open(os.path.join(ROOT, "Tests", "Fixtures", "samples", "roster.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    out, n = [lines[0]], HEAD_BASE
    for line in lines[1:]:
        fields = line.split(",")
        if len(fields) > 4 and fields[4] == "head":
            fields[0] = f"staff{n:04d}@kazguu.kz"
            n += 1
        out.append(",".join(fields))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return path


def head_addresses():
    with open(bench_roster(), encoding="utf-8") as f:
        return [line.split(",")[0] for line in f.read().splitlines()[1:] if line.split(",")[4:5] == ["head"]]


def fresh_store():
    store = os.path.join(WORK, "store")
    shutil.rmtree(store, ignore_errors=True)
    os.makedirs(store)
    shutil.copy(bench_roster(), os.path.join(store, "roster.csv"))
    return store


def progress(step, figures):
    """One line per run on stderr, so a long run shows where it is."""
    text = ", ".join(f"{name} {value[0] if isinstance(value, tuple) else value:.1f}" for name, value in figures.items())
    print(f"  {step}: {text}", file=sys.stderr, flush=True)


def row(table, figure, unit, bot, peers):
    table.append((figure, unit, bot, peers))


def ensure_intake_corpus(args):
    corpus = os.path.join(WORK, "intake")
    if not os.path.isdir(corpus) or len(os.listdir(corpus)) != args.intake_count:
        shutil.rmtree(corpus, ignore_errors=True)
        sh(PY, os.path.join(ROOT, "bench", "make_corpus.py"), "intake", corpus, str(args.intake_count),
           bench_roster())
    return corpus


class LoadSampler:
    """The machine's 1-minute load average, sampled every second in the background, so that each
    figure can say how busy the shared machine was while it was measured."""
    def __init__(self):
        self.samples = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        # Bounded: the whole benchmark is cut off by scripts/bench's timeout anyway.
        for _ in range(24 * 3600):
            if self.stop.wait(1.0):
                return
            self.samples.append((time.monotonic(), os.getloadavg()[0]))

    def between(self, start, end):
        values = [load for at, load in self.samples if start <= at <= end] or [os.getloadavg()[0]]
        return values

    def close(self):
        self.stop.set()


LOAD = None


class Measured:
    """One timed run of an intake tool: its wall time, peak RSS, output, the load meanwhile and
    its own CPU seconds; the servers' CPU seconds come from `servers_done`."""
    def __init__(self, args, **kw):
        self.servers_before = server_cpu_seconds()
        start = time.monotonic()
        self.seconds, self.rss, self.out, self.cpu = timed_cpu(args, **kw)
        self.load = LOAD.between(start, time.monotonic()) if LOAD else [os.getloadavg()[0]]

    def servers_done(self):
        """The servers' CPU seconds from the start of the run until Postfix's queue is empty:
        what the receipts accepted during the run cost to deliver is part of the run's work."""
        drain_queue()
        self.servers = server_cpu_seconds() - self.servers_before
        return self.servers


def settle(args):
    """Waits until the inodes the last reset freed are no longer "recently deleted". On ext4
    without a journal (this machine's disk) the kernel skips every inode freed in the last 30 s
    (35 s while its block is dirty) when it creates a file, one by one: a tool timed right after
    the previous tool's thousands of files were deleted pays for that scan in every file it
    creates (measured: up to 40 % more time for the same run). Every tool waits the same."""
    if args.settle > 0:
        time.sleep(args.settle)


def replies_received(heads, expected_ids, limit_seconds=120):
    """Counts the replies in the heads' INBOXes by In-Reply-To, waiting (bounded) until Postfix
    has delivered what it accepted. Returns (replies to corpus messages, how many corpus messages
    got more than one, replies to anything else)."""
    drain_queue(limit_seconds)
    ctx = ssl.create_default_context(cafile=CA)
    password = open(PASSWORD_FILE).read().strip()
    counts = {}
    other = 0
    for head in heads:
        with imaplib.IMAP4_SSL("127.0.0.1", 10993, ssl_context=ctx) as imap:
            imap.login(head, password)
            typ, data = imap.select("INBOX", readonly=True)
            if typ != "OK" or int(data[0]) == 0:
                continue
            _, fetched = imap.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (IN-REPLY-TO)])")
            for item in fetched:
                if not isinstance(item, tuple):
                    continue
                value = email.message_from_bytes(item[1]).get("In-Reply-To", "").strip()
                if value in expected_ids:
                    counts[value] = counts.get(value, 0) + 1
                else:
                    other += 1
    return sum(counts.values()), sum(1 for c in counts.values() if c > 1), other


def corpus_message_ids(files):
    ids = set()
    for path in files:
        with open(path, "rb") as f:
            head = f.read(4096).split(b"\r\n\r\n", 1)[0]
        ids.add(email.message_from_bytes(head + b"\r\n\r\n").get("Message-ID", "").strip())
    return ids


def intake(args, cpdbot, table):
    """Intake as it is: every mail answered (the reply limit lifted to its maximum, 1,000 an
    hour, so that each of the nine heads gets a receipt for each of their ~111 mails), the clock
    stopped when every receipt was accepted by Postfix (250 to its end of data); then the heads'
    mailboxes are read and every receipt must be there exactly once. The peers in turn, run by
    run, on the same INBOX: getmail6 (retrieval only, the floor), the Python pipeline without
    receipts, with receipts over one smtplib connection and over a pool of connections."""
    corpus = ensure_intake_corpus(args)
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
    expected = corpus_message_ids(files)
    heads = head_addresses()
    n = len(files)
    pool = args.sessions
    tools = {
        "cpdbot": f"cpdbot poll, every mail answered",
        "cpdbot-files-copies": "cpdbot: that poll + the next, filing its copies",
        "cpdbot-limited": "cpdbot poll, reply limit 5/h (the default)",
        "python-one": "python imaplib+openpyxl+smtplib, 1 connection",
        f"python-pool": f"python imaplib+openpyxl+smtplib, pool of {pool}",
        "python-none": "python imaplib+openpyxl, no receipts",
        "getmail6": "getmail6, retrieve only",
    }
    results = {k: [] for k in tools}

    def python_peer(mode):
        return Measured([PY, os.path.join(ROOT, "bench", "peers", "intake_imaplib_openpyxl.py"), "127.0.0.1",
                         "10993", BOT, PASSWORD_FILE, CA, os.path.join(WORK, "python-out"), mode, "10587",
                         str(args.listed_rows)], ok=(0,))

    def record(tool, run, due=None, seconds=None, rss=None, cpu=None, servers=None):
        """A run's figures: rate, peak RSS, loads, receipts, and CPU milliseconds a mail – the
        tool's own and the servers' until Postfix's queue is empty (`servers`, else taken here
        before the heads' mailboxes are read, so that reading them is not counted; `due`
        receipts are expected there)."""
        servers = run.servers_done() if servers is None else servers
        receipts = check_replies(tools[tool], due) if due is not None else 0
        results[tool].append((n / (seconds or run.seconds), rss or run.rss, run.load, receipts,
                              1000 * (cpu or run.cpu) / n, 1000 * servers / n))

    def check_replies(tool, due):
        got, doubled, other = replies_received(heads, expected)
        assert doubled == 0 and other == 0, f"{tool}: {doubled} mails answered more than once, {other} stray replies"
        assert got == due, f"{tool}: {got} of {due} receipts in the heads' mailboxes"
        sandbox("reset", *heads, DSHR)
        return got

    def fresh_inbox():
        drain_queue()
        sandbox("reset", BOT, *heads, DSHR)
        sandbox("deliver", BOT, *files)

    for _ in range(args.runs):
        fresh_inbox()
        maildir = os.path.join(WORK, "maildir")
        shutil.rmtree(maildir, ignore_errors=True)
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, sub))
        if os.geteuid() == 0:
            for path in (maildir, *(os.path.join(maildir, sub) for sub in ("cur", "new", "tmp"))):
                shutil.chown(path, "nobody")
        # getmail refuses to deliver as root; told to deliver as another user it forks a child
        # per message, and its wait for that child loses the wake-up when the child ends first
        # ("waiting child pid … timed out" after 60 s, getmail 6.18.11). So as root it runs as
        # nobody, as a user would run it: its files (rc, state) are nobody's. The same wait
        # failed for `password_command` on a busy machine (twice in a row at load 5–6), so the
        # sandbox's test password is written into the rc itself (0600, removed after the run).
        rc = os.path.join(WORK, "getmailrc")
        getmail_dir = os.path.join(WORK, "getmail-state")
        shutil.rmtree(getmail_dir, ignore_errors=True)
        os.makedirs(getmail_dir)
        with open(os.path.join(ROOT, "bench", "peers", "getmail.rc.template")) as f:
            text = f.read().replace("@PASSWORD@", open(PASSWORD_FILE).read().strip()).replace("@CA_FILE@", CA).replace("@MAILDIR@", maildir)
        if os.path.exists(rc):
            os.remove(rc)
        with os.fdopen(os.open(rc, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(text)
        as_user = []
        if os.geteuid() == 0:
            for path in (getmail_dir, rc):
                shutil.chown(path, "nobody", "nogroup")
            as_user = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
        try:
            settle(args)
            run = Measured([*as_user, "getmail", "--getmaildir", getmail_dir, "--rcfile", rc, "--quiet"])
        finally:
            os.remove(rc)
        got = len(os.listdir(os.path.join(maildir, "new")))
        assert got == n, f"getmail6 retrieved {got} of {n}"
        record("getmail6", run)

        settle(args)
        record("python-none", python_peer("none"))
        settle(args)
        record("python-one", python_peer("one"), due=n)
        settle(args)
        record("python-pool", python_peer(f"pool:{pool}"), due=n)

        # cpdbot last: it moves the mails out of INBOX. `smtp.server_saves_sent: no` is what an
        # operator of Postfix + Dovecot sets (`auto` would find it out once, with the first
        # receipt, and remember it; a fresh store per run would pay that wait every time).
        store = fresh_store()
        cfg = config_file(store, replies_per_hour=1000, listed_rows=args.listed_rows)
        settle(args)
        run = Measured([cpdbot, "poll", "--json", "--config", cfg])
        report = json.loads(run.out)
        handled = sum(report["outcomes"].values())
        assert handled == n, f"cpdbot poll handled {handled} of {n}: {run.out}"
        assert report["sent"] == n, f"cpdbot poll sent {report['sent']} receipts for {n} mails: {run.out}"
        record("cpdbot", run, due=n)
        # What stays in INBOX now is the bot's own envelope copies of the receipts (its record of
        # what was sent): the next pass files them into Sent. Timed on its own.
        filing = Measured([cpdbot, "poll", "--json", "--config", cfg])
        copies = json.loads(filing.out)["sentCopies"]
        assert copies == n, f"the next cpdbot poll filed {copies} own copies, expected {n}: {filing.out}"
        record("cpdbot-files-copies", filing, seconds=run.seconds + filing.seconds, rss=max(run.rss, filing.rss),
               cpu=run.cpu + filing.cpu, servers=run.servers + filing.servers_done())

        fresh_inbox()
        store = fresh_store()
        settle(args)
        run = Measured([cpdbot, "poll", "--json", "--config", config_file(store, replies_per_hour=5, listed_rows=args.listed_rows)])
        report = json.loads(run.out)
        record("cpdbot-limited", run, due=report["sent"])
        progress("intake msg/s", {k: v[-1][0] for k, v in results.items()})

    def med(tool, index=0):
        return statistics.median(r[index] for r in results[tool])

    def per_run(tool, peer):
        return statistics.median(a[0] / b[0] for a, b in zip(results[tool], results[peer]))

    def loads(tool):
        values = [load for r in results[tool] for load in r[2]]
        return f"{min(values):.1f}–{max(values):.1f}"

    lines = [f"intake, {n} application mails from {len(heads)} heads, median of {args.runs} runs; every mail answered "
             f"(cpdbot: replies.max_per_sender_per_hour 1000; the default 5 only in its own row); receipts accepted "
             f"by Postfix before the clock stops, then counted in the heads' mailboxes (each exactly once); each receipt "
             f"names at most {args.listed_rows} people per list (taken, added, removed, changed), cpdbot and Python alike; "
             f"each tool starts {args.settle:.0f} s after the reset before it (--settle); CPU: milliseconds a mail, the tool's own "
             f"(user + system, /usr/bin/time) and Dovecot's + Postfix's from the tool's start until Postfix's queue is empty",
             f"{'tool':<58} {'msg/s':>7} {'receipts':>9} {'peak RSS':>9} {'CPU tool':>9} {'servers':>8} {'load':>9}  "
             f"cpdbot's lead (median ÷ median; median of per-run ratios)"]
    for key, label in tools.items():
        receipts = statistics.median(r[3] for r in results[key]) if key != "cpdbot-files-copies" else n
        rss = max(r[1] for r in results[key])
        if key.startswith("cpdbot"):
            lead = ""
        else:
            lead = f"{med('cpdbot') / med(key):.2f}×; {per_run('cpdbot', key):.2f}×"
        lines.append(f"{label:<58} {med(key):>7.2f} {receipts:>9.0f} {rss:>7.1f}MB {med(key, 4):>7.2f}ms "
                     f"{med(key, 5):>6.2f}ms {loads(key):>9}  {lead}")
    table.append(("intake-block", lines))
    row(table, f"intake, {n} mails, every mail answered", "msg/s", med("cpdbot"),
        {tools["getmail6"]: med("getmail6"), tools["python-one"]: med("python-one"), tools["python-pool"]: med("python-pool")})
    row(table, "intake peak RSS", "MB", max(r[1] for r in results["cpdbot"]),
        {tools["getmail6"]: max(r[1] for r in results["getmail6"]),
         tools["python-one"]: max(r[1] for r in results["python-one"])})


def drain_queue(limit_seconds=60):
    """Waits (bounded) until the sandbox's Postfix queue is empty, so that one tool's deliveries
    do not slow the next tool's acceptance."""
    queue = os.path.join(SANDBOX, "postfix-queue")
    deadline = time.monotonic() + limit_seconds
    while time.monotonic() < deadline:
        pending = sum(len(files) for sub in ("incoming", "active", "maildrop")
                      for _, _, files in os.walk(os.path.join(queue, sub)))
        if pending == 0:
            return
        time.sleep(0.5)


def sending(args, cpdbot_bench, table):
    results = {"cpdbot": [], "smtplib": [], "smtp-source": []}
    count, size = args.send_count, 6000
    for _ in range(args.runs):
        t, _, _ = timed([PY, os.path.join(ROOT, "bench", "peers", "send_smtplib.py"), "127.0.0.1", "10587", BOT,
                         PASSWORD_FILE, CA, str(count), str(size), "staff%04d@kazguu.kz", str(SEND_RECIPIENTS)])
        results["smtplib"].append(count / t)
        t, _, _ = timed(["smtp-source", "-c", "-m", str(count), "-l", str(size), "-s", str(args.sessions),
                         "-f", BOT, "-t", "staff0001@kazguu.kz", "127.0.0.1:10025"])
        results["smtp-source"].append(count / t)
        t, _, _ = timed([cpdbot_bench, "--count", str(count), "--size", str(size), "--connections",
                         str(args.sessions), "--ca-file", CA, "--password-file", PASSWORD_FILE,
                         "--recipients", str(SEND_RECIPIENTS)])
        results["cpdbot"].append(count / t)
        progress("sending", {k: v[-1] for k, v in results.items()})
        # Postfix delivers in the background: let the queue drain, then empty the recipients.
        drain_queue()
        sandbox("reset", *[f"staff{n:04d}@kazguu.kz" for n in range(1, SEND_RECIPIENTS + 1)])
    med = {k: statistics.median(v) for k, v in results.items()}
    row(table, f"sending, {count} announcements of 6 KB", "msg/s", med["cpdbot"],
        {"python smtplib (1 connection)": med["smtplib"], f"smtp-source ({args.sessions} sessions)": med["smtp-source"]})


def parsing(args, cpdbot, table):
    big_xlsx = os.path.join(WORK, "big.xlsx")
    big_mail = os.path.join(WORK, "big.eml")
    if not os.path.exists(big_xlsx):
        sh(PY, os.path.join(ROOT, "bench", "make_corpus.py"), "bigxlsx", big_xlsx, "5000")
    if not os.path.exists(big_mail):
        sh(PY, os.path.join(ROOT, "bench", "make_corpus.py"), "bigmail", big_mail, "12")
    xmb = os.path.getsize(big_xlsx) / 1e6
    mmb = os.path.getsize(big_mail) / 1e6
    r = {"cpdbot-x": [], "openpyxl": [], "cpdbot-m": [], "email": []}
    for _ in range(args.runs):
        t, rss, _ = timed([cpdbot, "validate", "--json", big_xlsx], discard_stdout=True)
        r["cpdbot-x"].append((xmb / t, rss, t))
        t, rss, _ = timed([PY, os.path.join(ROOT, "bench", "peers", "parse_openpyxl.py"), big_xlsx], discard_stdout=True)
        r["openpyxl"].append((xmb / t, rss, t))
        t, rss, _ = timed([cpdbot, "inspect", "--json", big_mail], discard_stdout=True)
        r["cpdbot-m"].append((mmb / t, rss, t))
        t, rss, _ = timed([PY, os.path.join(ROOT, "bench", "peers", "parse_email.py"), big_mail], discard_stdout=True)
        r["email"].append((mmb / t, rss, t))
        progress("parsing MB/s", {k: v[-1] for k, v in r.items()})
    med = {k: (statistics.median(a for a, _, _ in v), max(b for _, b, _ in v), statistics.median(c for _, _, c in v))
           for k, v in r.items()}
    row(table, f"validate 5,000-row xlsx ({xmb:.1f} MB)", "MB/s", med["cpdbot-x"][0], {"openpyxl read-only": med["openpyxl"][0]})
    row(table, "validate 5,000-row xlsx: time", "s", med["cpdbot-x"][2], {"openpyxl read-only": med["openpyxl"][2]})
    row(table, "validate 5,000-row xlsx: peak RSS", "MB", med["cpdbot-x"][1], {"openpyxl read-only": med["openpyxl"][1]})
    row(table, f"MIME parse of a {mmb:.0f} MB message", "MB/s", med["cpdbot-m"][0], {"python email": med["email"][0]})
    row(table, "MIME parse: peak RSS", "MB", med["cpdbot-m"][1], {"python email": med["email"][1]})


def latency(args, cpdbot, table):
    """A head's mail in over SMTP → the receipt in the head's IMAP inbox, with `run` in its normal
    mode (IMAP IDLE). One application mail of the intake corpus, a new Message-ID each time."""
    head = head_addresses()[0]
    sandbox("reset", BOT, *head_addresses(), DSHR)
    store = fresh_store()
    cfg = config_file(store, replies_per_hour=1000)
    corpus = ensure_intake_corpus(args)
    raw = open(sorted(os.path.join(corpus, f) for f in os.listdir(corpus))[0], "rb").read()
    header, _, body = raw.partition(b"\r\n\r\n")
    header = b"\r\n".join(line for line in header.split(b"\r\n")
                            if not line.lower().startswith((b"from:", b"message-id:")))
    log = open(os.path.join(WORK, "run.log"), "w")
    proc = subprocess.Popen([cpdbot, "run", "--config", cfg], stdout=log, stderr=log)
    samples = []
    try:
        time.sleep(2)
        import smtplib
        for n in range(args.latency_count):
            if proc.poll() is not None:
                raise SystemExit(f"cpdbot run exited with {proc.returncode}; see {log.name}")
            msg = (f"From: Head <{head}>\r\nMessage-ID: <bench-latency-{n}-{time.time_ns()}@kazguu.kz>\r\n".encode()
                   + header + b"\r\n\r\n" + body)
            before = imap_count(head)
            start = time.monotonic()
            with smtplib.SMTP("127.0.0.1", 10025) as smtp:
                smtp.sendmail(head, [BOT], msg)
            deadline = start + 30
            while time.monotonic() < deadline and imap_count(head) <= before:
                time.sleep(0.05)
            samples.append(time.monotonic() - start)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    samples.sort()
    p95 = samples[min(len(samples) - 1, max(0, int(round(0.95 * len(samples))) - 1))]
    row(table, f"latency: mail in → receipt, median of {len(samples)}", "s", statistics.median(samples), {})
    row(table, "latency: p95", "s", p95, {})


def console_intake_step(args, cpdbot):
    """One `cpdbot poll` of a small intake corpus (`--console-intake-count` mails) on a fresh
    store, every mail answered: the intake figure the console benchmark compares alone and
    while the console is browsed. Returns (mails, seconds)."""
    corpus = os.path.join(WORK, "console-intake")
    n = args.console_intake_count
    if not os.path.isdir(corpus) or len(os.listdir(corpus)) != n:
        shutil.rmtree(corpus, ignore_errors=True)
        sh(PY, os.path.join(ROOT, "bench", "make_corpus.py"), "intake", corpus, str(n), bench_roster())
    files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
    heads = head_addresses()

    def step():
        drain_queue()
        sandbox("reset", BOT, *heads, DSHR)
        sandbox("deliver", BOT, *files)
        cfg = config_file(fresh_store(), replies_per_hour=1000)
        t, _, out = timed([cpdbot, "poll", "--json", "--config", cfg])
        report = json.loads(out)
        handled = sum(report["outcomes"].values())
        assert handled == n and report["sent"] == n, f"cpdbot poll handled {handled}, sent {report['sent']} of {n}: {out}"
        return n, t
    return step


def versions():
    out = []
    for name, cmd in [("getmail6", ["getmail", "--version"]), ("python", [PY, "--version"]),
                      ("openpyxl", [PY, "-c", "import openpyxl; print(openpyxl.__version__)"]),
                      ("postfix", ["postconf", "-d", "-h", "mail_version"]), ("dovecot", ["dovecot", "--version"]),
                      ("libcurl", ["curl-config", "--version"])]:
        try:
            out.append(f"{name} {subprocess.run(cmd, capture_output=True, text=True).stdout.strip() or '?'}")
        except OSError:
            out.append(f"{name} not found")
    return "; ".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cpdbot", required=True)
    p.add_argument("--cpdbot-bench", required=True)
    p.add_argument("--cpdbot-bench-certificates")
    p.add_argument("--certificate-count", type=int, default=2000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--intake-count", type=int, default=1000)
    p.add_argument("--send-count", type=int, default=2000)
    p.add_argument("--sessions", type=int, default=4)
    p.add_argument("--listed-rows", type=int, default=25,
                   help="names per receipt list, for cpdbot (replies.receipt_listed_rows) and the Python peer alike")
    p.add_argument("--latency-count", type=int, default=50)
    p.add_argument("--settle", type=float, default=35,
                   help="seconds each intake tool waits after the reset before it, for the freed inodes to age (0: none)")
    p.add_argument("--cpdbot-bench-console")
    p.add_argument("--console-seconds", type=int, default=10, help="wrk's -d per console page")
    p.add_argument("--console-intake-count", type=int, default=100, help="mails of the intake-while-browsed figure (0: none)")
    p.add_argument("--seed", type=int, help="the console store's seed (default: drawn and printed)")
    p.add_argument("--only", choices=["intake", "sending", "parsing", "latency", "certificates", "console"], action="append")
    args = p.parse_args()
    os.makedirs(WORK, exist_ok=True)
    global LOAD
    LOAD = LoadSampler()
    table = []
    steps = args.only or ["parsing", "intake", "sending", "latency", "certificates"]
    started = time.monotonic()
    for step in steps:
        print(f"bench: {step}…", file=sys.stderr, flush=True)
        {"intake": lambda: intake(args, args.cpdbot, table), "sending": lambda: sending(args, args.cpdbot_bench, table),
         "parsing": lambda: parsing(args, args.cpdbot, table), "latency": lambda: latency(args, args.cpdbot, table),
         "certificates": lambda: certificates.certificates(args, args.cpdbot_bench_certificates, table, row, timed,
                                                           ROOT, WORK, progress),
         "console": lambda: console_bench.console(
             args, args.cpdbot, args.cpdbot_bench_console, table, WORK, SANDBOX, BOT,
             console_intake_step(args, args.cpdbot) if args.console_intake_count > 0 else None)}[step]()
    print(f"\ncpdbot benchmark – {args.runs} runs each, medians, interleaved; {versions()}")
    print(f"{'figure':<46} {'unit':<6} {'cpdbot':>9}  peers (value, cpdbot's lead: above 1× cpdbot is better)")
    for entry in table:
        if entry[0] in ("intake-block", "console-block"):
            continue
        figure, unit, bot, peers = entry
        # Rates: cpdbot ÷ peer. Seconds and megabytes (less is better): peer ÷ cpdbot.
        def lead(value):
            if not value or not bot:
                return float("nan")
            return value / bot if unit in ("s", "ms", "MB", "KB") else bot / value
        cells = "; ".join(f"{name} {value:.2f} ({lead(value):.2f}×)" for name, value in peers.items())
        print(f"{figure:<46} {unit:<6} {bot:>9.2f}  {cells}")
    for entry in table:
        if entry[0] in ("intake-block", "console-block"):
            print()
            print("\n".join(entry[1]))
    print(f"\nmachine: {os.cpu_count()} CPUs; load average (1 min) during the run "
          f"{min(l for _, l in LOAD.samples or [(0, os.getloadavg()[0])]):.1f}–{max(l for _, l in LOAD.samples or [(0, os.getloadavg()[0])]):.1f}")
    print(f"total {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
