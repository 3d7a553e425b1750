"""The certificate figure of scripts/bench (issue 16): 2,000 certificates drawn, registered and
queued with their notices, by `cpdbot-bench-certificates` (the bot's own code for a
[COMPLETIONS] list, release build), beside the requirement of under 60 s on this 2-core machine.
No server is involved; the throw-away store lives in var/bench/."""
import json, os, statistics

REQUIREMENT_SECONDS = 60.0


def certificates(args, binary, table, row, timed, root, work, progress):
    """Runs the bench binary `args.runs` times under /usr/bin/time; adds its rows to `table`."""
    runs = []
    for _ in range(args.runs):
        seconds, rss, out = timed([binary, "--count", str(args.certificate_count),
                                   "--templates", os.path.join(root, "templates"),
                                   "--images", os.path.join(root, "Tests", "Fixtures", "certificate"),
                                   "--store", os.path.join(work, "certificate-store")])
        result = json.loads(out.strip().splitlines()[-1])
        if result["queued"] != args.certificate_count:
            raise SystemExit(f"cpdbot-bench-certificates queued {result['queued']} of {args.certificate_count} notices")
        result["rss"] = rss
        result["process"] = seconds
        runs.append(result)
        progress("certificates", {"wall s": (result["wallSeconds"], rss), "cpu s": (result["cpuSeconds"], 0)})
    med = {key: statistics.median(r[key] for r in runs)
           for key in ("wallSeconds", "cpuSeconds", "drawingMillisecondsPerCertificate", "pdfBytes", "process")}
    peak = max(r["rss"] for r in runs)
    n = args.certificate_count
    workers = runs[0]["workers"]
    row(table, f"certificates: {n:,} drawn, registered, queued", "s", med["wallSeconds"],
        {f"requirement (issue 16) < {REQUIREMENT_SECONDS:.0f} s": REQUIREMENT_SECONDS})
    row(table, f"certificates: CPU (all {workers} drawing threads)", "s", med["cpuSeconds"], {})
    row(table, "certificates: CPU per certificate", "ms", med["cpuSeconds"] * 1000 / n, {})
    row(table, "certificates: of which drawing the PDF", "ms", med["drawingMillisecondsPerCertificate"], {})
    row(table, "certificates: the whole process (set-up included)", "s", med["process"], {})
    row(table, "certificates: peak RSS", "MB", peak, {})
    row(table, "certificates: one PDF", "KB", med["pdfBytes"] / 1024, {"requirement (issue 16) ≤ 300 KB": 300.0})
