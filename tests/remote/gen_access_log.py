#!/usr/bin/env python3
"""Writes a combined-format access log for the remote-source checks: steady traffic with a daily
swing, and one outage (a stretch where most requests fail with 502/503/504 and fewer arrive).
Usage: gen_access_log.py LINES OUT [--seed N] [--start EPOCH] [--rate PER_SECOND]"""
import argparse
import math
import random
import time

p = argparse.ArgumentParser()
p.add_argument("lines", type=int)
p.add_argument("out")
p.add_argument("--seed", type=int, default=7)
p.add_argument("--start", type=int, default=1292140800)  # 2010-12-12T08:00:00Z
p.add_argument("--rate", type=float, default=50.0)
a = p.parse_args()
rng = random.Random(a.seed)

paths = ["/", "/index.html", "/search?q=%d", "/product/%d", "/cart", "/checkout", "/api/v1/items/%d",
         "/static/app.js", "/static/site.css", "/img/logo.png", "/login", "/account"]
agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/87.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15",
          "Mozilla/5.0 (X11; Linux x86_64; rv:83.0) Gecko/20100101 Firefox/83.0",
          "curl/7.68.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"]
referers = ["-", "-", "https://www.google.com/", "https://shop.example.com/", "https://t.co/x"]
clients = ["%d.%d.%d.%d" % (rng.randint(1, 223), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
           for _ in range(20000)]

span = a.lines / a.rate
outage_begin = a.start + span * 0.6
outage_end = outage_begin + max(600, span * 0.02)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

t = float(a.start)
with open(a.out, "w") as f:
    for _ in range(a.lines):
        swing = 1.0 + 0.4 * math.sin((t - a.start) / 86400 * 2 * math.pi)
        rate = a.rate * swing * (0.5 if outage_begin <= t < outage_end else 1.0)
        t += rng.expovariate(rate)
        sec = int(t)
        g = time.gmtime(sec)
        stamp = "%02d/%s/%04d:%02d:%02d:%02d +0000" % (g.tm_mday, months[g.tm_mon - 1], g.tm_year, g.tm_hour,
                                                       g.tm_min, g.tm_sec)
        path = rng.choice(paths)
        if "%d" in path:
            path = path % rng.randint(1, 5000)
        if outage_begin <= t < outage_end and rng.random() < 0.7:
            status = rng.choice([502, 503, 504])
        else:
            r = rng.random()
            status = 200 if r < 0.86 else 304 if r < 0.93 else 404 if r < 0.985 else 500
        size = 0 if status == 304 else rng.randint(200, 60000)
        f.write('%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
            rng.choice(clients), stamp, "POST" if path == "/checkout" else "GET", path, status, size,
            rng.choice(referers), rng.choice(agents)))
