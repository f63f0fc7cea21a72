#!/usr/bin/env python3
"""Runs Inquest over a folder of incident cases the way a user would (new, import FOLDER,
analyze --accept, score) and prints per case: window found?, leading hypothesis (tie?), rank of
the true cause; then the confusion matrix. Usage: run_suite.py INQUEST CASES_DIR [OUT_DIR]"""
import csv, json, os, subprocess, sys, datetime as dt, time
exe, cases = sys.argv[1], sys.argv[2]
out = sys.argv[3] if len(sys.argv) > 3 else "/tmp/suite-run"
os.makedirs(out, exist_ok=True)
kind = {"hardware": "hardware", "ddos": "ddos", "appddos": "ddos", "flash": "flash-crowd",
        "deploy": "change", "upstream": "network"}
def run(*a):
    r = subprocess.run([exe, *a], capture_output=True, text=True)
    return r
def iso(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
rows = list(csv.DictReader(open(os.path.join(cases, "truth.csv"))))
results = []
for row in rows:
    folder = os.path.join(cases, row["folder"])
    case = os.path.join(out, row["folder"] + ".inquest")
    t0 = time.time()
    run("new", case, "--force")
    imp = run("import", case, folder)
    an = run("analyze", case, "--accept", "--json")
    sc = run("score", case, "--json")
    el = time.time() - t0
    try:
        a = json.loads(an.stdout); s = json.loads(sc.stdout)
    except Exception as e:
        print(row["folder"], "FAILED", imp.stderr[-300:], an.stderr[-300:], sc.stderr[-300:]); continue
    tb, te = iso(row["outage_begin_utc"]), iso(row["outage_end_utc"])
    found = None
    for inc in a.get("incidents", []):
        b, e = iso(inc["begin"]), iso(inc["end"])
        if b < te and e > tb:
            ov = (min(e, te) - max(b, tb)).total_seconds() / (te - tb).total_seconds()
            if found is None or ov > found[0]:
                found = (ov, (b - tb).total_seconds() / 60, (e - te).total_seconds() / 60, inc["affected_sites"])
    hyps = s["hypotheses"]
    true = kind[row["cause"]]
    lead = s["leading"]
    rank = next((h["rank"] for h in hyps if h["kind"] == true), None)
    tied = [h["kind"] for h in hyps if h["rank"] == 1]
    ok = rank == 1 and len(tied) == 1
    results.append((row, found, lead, tied, rank, ok))
    fs = "MISSED" if not found else "window %3.0f%% edges %+.0f/%+.0f min sites %s" % (found[0]*100, found[1], found[2], ",".join(x.split("-")[0] for x in found[3]))
    print("%-16s true=%-11s lead=%-11s%s rank=%s  %s  incidents=%d  (%.0fs)" % (row["folder"], true, lead["kind"],
          " (tie %s)" % "/".join(tied) if len(tied) > 1 else "", rank, fs, len(a.get("incidents", [])), el), flush=True)
n = len(results)
print("\ntrue cause first, alone: %d of %d; tied first: %d; window found: %d of %d" % (
    sum(r[5] for r in results), n, sum(1 for r in results if r[4] == 1 and len(r[3]) > 1),
    sum(1 for r in results if r[1]), n))
kinds = ["hardware", "ddos", "flash-crowd", "change", "network"]
print("confusion (rows: true cause as generated, cols: leading; a tie counts 1/k to each)")
print("%-10s" % "" + "".join("%12s" % k for k in kinds))
for c in ["hardware", "ddos", "appddos", "flash", "deploy", "upstream"]:
    cnt = {k: 0.0 for k in kinds}
    for r in results:
        if r[0]["cause"] == c:
            for k in r[3]:
                cnt[k] += 1 / len(r[3])
    print("%-10s" % c + "".join("%12.1f" % cnt[k] for k in kinds))
