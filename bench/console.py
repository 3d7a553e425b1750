"""The console figure of scripts/bench (issue 17, item 5): a store the size of a big university
(`cpdbot-bench-console`: 10,000 people, five cycles of applications and Plans, certificates,
100,000 journal lines, written through cpdbot's own store types), served by `cpdbot console`
(release build) on 127.0.0.1, DSHR signed in through the console's own link redemption, then
`wrk -t2 -c20 -d10s --latency` on each page: p50/p95/p99 beside the requirement (overview
≤ 50 ms p95, every page ≤ 100 ms p95). Then "no slowdown of intake while browsed": `cpdbot poll`
of a small intake corpus on its own store, alone and while wrk loads the console, in turn.
Loopback only; every wait bounded."""
import hashlib, http.client, json, os, random, re, shutil, signal, statistics, subprocess, sys, time, urllib.parse

PORT = 18_080
REQUIREMENT_MS = {"overview": 50.0, "overview, growing": 50.0}
DEFAULT_REQUIREMENT_MS = 100.0
# The pause of a "person" between two requests in the intake-while-browsed figure.
PACE_MS = 100
LUA = """done = function(summary, latency, requests)
  io.write(string.format("CPDBOT p50=%d p95=%d p99=%d requests=%d status_errors=%d socket_errors=%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def config(work, store, sandbox, bot, dshr):
    """`cpdbot console`'s configuration: the big store, the console on 127.0.0.1:PORT. The mail
    settings are the intake's (the console sends no mail here: nobody asks for a link)."""
    path = os.path.join(work, "console.yml")
    with open(path, "w") as f:
        f.write(f"""imap: {{ url: "imaps://127.0.0.1:10993", user: {bot}, password_file: {sandbox}/password, mailbox: INBOX }}
smtp: {{ url: "smtp://127.0.0.1:10587", user: {bot}, password_file: {sandbox}/password, server_saves_sent: "no" }}
tls: {{ ca_file: {sandbox}/ca.pem }}
bot: {{ address: {bot}, dshr: [{dshr}], language: kk, trusted_authserv_id: mx.kazguu.kz }}
store: {{ path: {store} }}
console: {{ listen: "127.0.0.1:{PORT}", public_url: "http://127.0.0.1:{PORT}" }}
""")
    return path


def request(path, cookie=None, method="GET", body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    try:
        all_headers = dict(headers or {})
        if cookie:
            all_headers["Cookie"] = cookie
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def wait_listening(proc, log, limit=120):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"cpdbot console exited with {proc.returncode}; see {log}")
        try:
            if request("/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"cpdbot console did not answer on 127.0.0.1:{PORT} within {limit} s; see {log}")


def sign_in(sign_in_file):
    """Spends the generator's link as a browser does (POST with its nonce cookie and the form's
    CSRF token); returns the session cookie."""
    with open(sign_in_file) as f:
        secrets = json.load(f)
    nonce = secrets["nonce"]
    csrf = hashlib.sha256(("csrf:" + nonce).encode()).hexdigest()
    status, headers, body = request("/sign-in/" + secrets["token"], cookie="cpdbot_browser=" + nonce, method="POST",
                                    body=urllib.parse.urlencode({"csrf": csrf}),
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("cpdbot_session=") and status in (302, 303):
            return value.split(";", 1)[0]
    raise SystemExit(f"signing in as DSHR failed: HTTP {status} {body[:200]!r}")


def pages(summary):
    unit = summary["sampleUnitID"]
    sender = urllib.parse.quote(summary["sampleSender"])
    return [
        ("overview", "/"), ("units", "/units"), ("one unit", f"/units/{unit}"), ("messages", "/messages"),
        ("messages filtered", f"/messages?from={sender}&outcome=rejected"),
        ("one message", f"/messages/{summary['sampleMessage']}"), ("plan", "/plan"), ("completions", "/completions"),
        ("compliance", "/compliance"), ("a person", "/me"), ("healthz", "/healthz"), ("metrics", "/metrics"),
    ]


def wrk(path, cookie, lua, seconds, connections=20, threads=2):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
                          "-s", lua, "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{PORT}{path}"],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    match = re.search(r"CPDBOT p50=(\d+) p95=(\d+) p99=(\d+) requests=(\d+) status_errors=(\d+) socket_errors=(\d+)", out)
    if not match:
        raise SystemExit(f"wrk printed no figures for {path}:\n{out}")
    p50, p95, p99, requests, status_errors, socket_errors = (int(v) for v in match.groups())
    return {"p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000, "rps": requests / seconds,
            "errors": status_errors + socket_errors}


def console(args, cpdbot, generator, table, work, sandbox, bot, intake_step):
    """The store, the console, wrk per page, then intake alone and under load; adds lines to `table`."""
    seed = args.seed if args.seed is not None else random.randint(1, 2**32 - 1)
    store = os.path.join(work, "console-store")
    sign_in_file = os.path.join(work, "console-sign-in.json")
    print(f"  console: writing the store (seed {seed})…", file=sys.stderr, flush=True)
    started = time.monotonic()
    out = subprocess.run([generator, "--store", store, "--sign-in-file", sign_in_file, "--seed", str(seed)],
                         capture_output=True, text=True, timeout=1800, check=True).stdout
    summary = json.loads(out.strip().splitlines()[-1])
    made = time.monotonic() - started
    journal_mb = os.path.getsize(os.path.join(store, "journal.jsonl")) / 1e6
    lua = os.path.join(work, "percentiles.lua")
    with open(lua, "w") as f:
        f.write(LUA)
    log_path = os.path.join(work, "console.log")
    log = open(log_path, "w")
    cfg = config(work, store, sandbox, bot, summary["dshr"])
    proc = subprocess.Popen([cpdbot, "console", "--config", cfg], stdout=log, stderr=log,
                            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    results = []
    intake = None
    try:
        wait_listening(proc, log_path)
        cookie = sign_in(sign_in_file)
        for name, path in pages(summary):
            started = time.monotonic()
            status, _, body = request(path, cookie=cookie)
            first = (time.monotonic() - started) * 1000
            if status != 200:
                raise SystemExit(f"{name} ({path}): HTTP {status} {body[:300]!r}")
            figures = wrk(path, cookie, lua, args.console_seconds)
            figures.update(name=name, path=path, first=first, bytes=len(body))
            results.append(figures)
            print(f"  console {name}: p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms, "
                  f"p99 {figures['p99']:.1f} ms, {figures['rps']:.0f} req/s", file=sys.stderr, flush=True)
        for name, path in (("overview", "/"), ("messages", "/messages"), ("completions", "/completions")):
            builds = page_builds(cookie)
            figures, lines = while_journal_grows(store, lambda: wrk(path, cookie, lua, args.console_seconds))
            figures.update(name=name + ", growing", path=path, first=float("nan"), bytes=0)
            figures["builds"] = (page_builds(cookie) - builds) / max(lines, 1)
            results.append(figures)
            print(f"  console {name} while the journal grows: p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms, "
                  f"p99 {figures['p99']:.1f} ms, {figures['rps']:.0f} req/s, {figures['builds']:.1f} pages made per line",
                  file=sys.stderr, flush=True)
        if intake_step is not None:
            intake = intake_under_load(args, cookie, lua, intake_step)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()

    lines = [f"console (issue 17.5): `cpdbot console` (release) on a store of {summary['people']:,} people in "
             f"{summary['units']} units, cycles {', '.join(summary['cycles'])}, {summary['applicationRows']:,} application rows, "
             f"{summary['certificates']:,} certificates, {summary['outboxEntries']:,} announcements in the outbox, "
             f"{summary['journalLines']:,} journal lines ({journal_mb:.1f} MB); written in {made:.0f} s, seed {seed}",
             f"wrk -t2 -c20 -d{args.console_seconds}s --latency, DSHR signed in; latency in ms",
             f"{'page':<18} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} {'first':>7} {'KB':>6}  requirement (p95)"]
    for r in results:
        limit = REQUIREMENT_MS.get(r["name"], DEFAULT_REQUIREMENT_MS)
        verdict = "met" if r["p95"] <= limit and r["errors"] == 0 else "NOT MET"
        errors = f", {r['errors']} errors" if r["errors"] else ""
        lines.append(f"{r['name']:<18} {r['p50']:>7.1f} {r['p95']:>7.1f} {r['p99']:>7.1f} {r['rps']:>7.0f} "
                     f"{r['first']:>7.0f} {r['bytes'] / 1024:>6.0f}  ≤ {limit:.0f} ms: {verdict}{errors}")
    for r in results:
        if "builds" in r:
            lines.append(f"{r['name']}: {r['builds']:.1f} pages made per journal line (the others served the page "
                         f"made before while it was younger than console.stale_page_ms)")
    lines.append("…, growing: while a line is added to the journal every second (each page made again once a second)")
    lines.append("first: the first request after start, made from the files (later ones come from the page cache while the store is unchanged), ms")
    if intake:
        base = statistics.median(intake["alone"])
        lines.append(f"intake while browsed: cpdbot poll of {intake['count']} mails on its own store, median of "
                     f"{len(intake['alone'])} runs each, in turn: alone {base:.2f} msg/s")
        for kind, label in (("paced", f"browsed at a person's pace (20 connections, {PACE_MS} ms between requests)"),
                            ("flood", "flooded (20 connections, no pause)")):
            rates, served = intake["loads"][kind]
            lines.append(f"  {label}: {statistics.median(rates):.2f} msg/s ({statistics.median(rates) / base:.2f}×), "
                         f"the console serving {statistics.median(served):.0f} req/s")
    table.append(("console-block", lines))


def while_journal_grows(store, measure):
    """`measure()` while the journal grows by a `poll` line every second, as it does under a
    running bot: every line changes the store, so each page is made again from the files once
    a second (the page cache keeps it only while the store is unchanged). The line is appended
    as `JSONLinesFile` does (O_APPEND, one write); this store is the benchmark's own. Returns
    `measure()`'s figures and the number of lines added."""
    import threading
    stop = threading.Event()
    added = [0]

    def grow():
        fd = os.open(os.path.join(store, "journal.jsonl"), os.O_WRONLY | os.O_APPEND)
        try:
            while not stop.wait(1.0):
                line = json.dumps({"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "event": "poll"})
                os.write(fd, (line + "\n").encode())
                added[0] += 1
        finally:
            os.close(fd)
    thread = threading.Thread(target=grow, daemon=True)
    thread.start()
    try:
        figures = measure()
    finally:
        stop.set()
        thread.join(timeout=5)
    return figures, added[0]


def page_builds(cookie):
    """The console's `cpdbot_console_page_builds` (pages made rather than reused) from /metrics."""
    status, _, body = request("/metrics", cookie=cookie)
    match = re.search(rb"^cpdbot_console_page_builds(?:\{[^}]*\})? ([0-9.e+]+)", body, re.M)
    return float(match.group(1)) if status == 200 and match else 0.0


def intake_under_load(args, cookie, lua, intake_step):
    """`intake_step()` runs one `cpdbot poll` of the intake corpus on a fresh store and returns
    (messages, seconds). In turn: alone; while wrk floods the overview and the messages pages
    (20 connections, each sending its next request as soon as the last is answered); and while
    they are browsed at a person's pace (20 connections, each waiting `PACE_MS` between requests:
    at most 200 req/s, twenty people clicking ten times a second)."""
    paced_lua = lua.replace(".lua", "-paced.lua")
    with open(lua) as f, open(paced_lua, "w") as g:
        g.write(f.read() + f"delay = function() return {PACE_MS} end\n")
    alone, loads = [], {"flood": ([], []), "paced": ([], [])}
    count = 0
    for _ in range(args.runs):
        count, seconds = intake_step()
        alone.append(count / seconds)
        for kind, script in (("flood", lua), ("paced", paced_lua)):
            load = [subprocess.Popen(["wrk", "-t1", "-c10", "-d600s", "--timeout", "10s", "-s", script, "-H",
                                      f"Cookie: {cookie}", f"http://127.0.0.1:{PORT}{path}"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                    for path in ("/", "/messages")]
            try:
                time.sleep(1)
                count, seconds = intake_step()
                loads[kind][0].append(count / seconds)
            finally:
                for proc in load:
                    proc.send_signal(signal.SIGINT)
                served = 0.0
                for proc in load:
                    try:
                        out, _ = proc.communicate(timeout=30)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        out = ""
                    match = re.search(r"Requests/sec:\s+([\d.]+)", out or "")
                    served += float(match.group(1)) if match else 0.0
                loads[kind][1].append(served)
        print(f"  intake alone {alone[-1]:.2f} msg/s, flooded {loads['flood'][0][-1]:.2f} msg/s "
              f"({loads['flood'][1][-1]:.0f} req/s), browsed {loads['paced'][0][-1]:.2f} msg/s "
              f"({loads['paced'][1][-1]:.0f} req/s)", file=sys.stderr, flush=True)
    return {"count": count, "alone": alone, "loads": loads}
