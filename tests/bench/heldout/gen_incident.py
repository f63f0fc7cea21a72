#!/usr/bin/env python3
"""Independent generator of realistic outage incidents (held-out suite).

usage: gen_incident.py CAUSE SCALE SEED OUTDIR [--all-offset +0100]

CAUSE  hardware | ddos | appddos | flash | deploy | upstream
SCALE  small | medium | large

Writes into OUTDIR:
  www.shop.co.uk-access.log, www.shop.de-access.log, www.shop.fr-access.log,
  www.shop.es-access.log, www.shop.com-access.log   (Combined Log Format)
  datacenter.syslog                                   (RFC 3164 on-disk, no PRI, UTC)
and OUTDIR.truth.txt beside the folder (CSV header + row + decoy list); the row is
also printed on stdout.
Python 3.11 standard library only.
"""
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

DAY0 = datetime(2010, 12, 12, tzinfo=timezone.utc)
T0 = DAY0.timestamp()          # 2010-12-12 00:00:00 UTC as epoch seconds
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# --------------------------------------------------------------------------- sites
# name, country, utc offset (minutes), server flavour (how "no answer" is logged), %D logged
SITES = [
    ("www.shop.co.uk", "uk", 0,    "nginx",  False),
    ("www.shop.de",    "de", 60,   "apache", True),
    ("www.shop.fr",    "fr", 60,   "nginx",  False),
    ("www.shop.es",    "es", 60,   "apache", True),
    ("www.shop.com",   "us", -300, "nginx",  True),
]
EU = ["www.shop.co.uk", "www.shop.de", "www.shop.fr", "www.shop.es"]
CONTROL = "www.shop.com"

# plausible residential ranges (2010) per country: (first octets prefix, prefix len)
RESI = {
    "uk": ["86.128.0.0/10", "81.96.0.0/12", "82.0.0.0/14", "90.192.0.0/11", "92.0.0.0/13",
           "109.144.0.0/13", "94.192.0.0/13", "78.144.0.0/13"],
    "de": ["84.128.0.0/10", "79.192.0.0/10", "87.128.0.0/10", "77.176.0.0/12", "91.32.0.0/11",
           "93.192.0.0/12", "95.112.0.0/12"],
    "fr": ["90.0.0.0/9", "86.192.0.0/10", "88.160.0.0/11", "78.192.0.0/10", "82.224.0.0/11",
           "92.128.0.0/10", "109.208.0.0/12"],
    "es": ["83.32.0.0/11", "80.24.0.0/13", "88.0.0.0/11", "79.144.0.0/12", "81.32.0.0/12",
           "95.16.0.0/12", "84.120.0.0/13"],
    "us": ["24.0.0.0/12", "71.224.0.0/11", "98.192.0.0/10", "76.96.0.0/11", "68.32.0.0/11",
           "173.48.0.0/12", "75.64.0.0/13"],
}
BOTNET_8S = [1, 2, 14, 27, 31, 36, 37, 39, 41, 42, 43, 46, 49, 58, 59, 60, 61, 62, 64, 77, 78,
             79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 101, 103, 106,
             109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124,
             125, 139, 140, 171, 175, 177, 178, 180, 182, 183, 186, 187, 188, 189, 190, 193,
             194, 195, 196, 197, 200, 201, 202, 203, 210, 211, 212, 213, 217, 218, 219, 220,
             221, 222]

UAS = [
    (14, "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0; SLCC2; .NET CLR 2.0.50727; .NET CLR 3.5.30729; .NET CLR 3.0.30729; Media Center PC 6.0)"),
    (8,  "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0; .NET CLR 2.0.50727)"),
    (5,  "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1; .NET CLR 1.1.4322; .NET CLR 2.0.50727)"),
    (12, "Mozilla/5.0 (Windows; U; Windows NT 6.1; en-GB; rv:1.9.2.12) Gecko/20101026 Firefox/3.6.12"),
    (6,  "Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.9.2.12) Gecko/20101026 Firefox/3.6.12"),
    (4,  "Mozilla/5.0 (Windows; U; Windows NT 6.1; fr; rv:1.9.2.13) Gecko/20101203 Firefox/3.6.13"),
    (10, "Mozilla/5.0 (Windows; U; Windows NT 6.1; en-US) AppleWebKit/534.10 (KHTML, like Gecko) Chrome/8.0.552.215 Safari/534.10"),
    (3,  "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US) AppleWebKit/534.7 (KHTML, like Gecko) Chrome/7.0.517.44 Safari/534.7"),
    (6,  "Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10_6_5; en-us) AppleWebKit/533.19.4 (KHTML, like Gecko) Version/5.0.3 Safari/533.19.4"),
    (2,  "Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; en-US; rv:1.9.2.12) Gecko/20101026 Firefox/3.6.12"),
    (5,  "Mozilla/5.0 (iPhone; U; CPU iPhone OS 4_2_1 like Mac OS X; en-gb) AppleWebKit/533.17.9 (KHTML, like Gecko) Version/5.0.2 Mobile/8C148 Safari/6533.18.5"),
    (3,  "Mozilla/5.0 (iPad; U; CPU OS 4_2_1 like Mac OS X; en-us) AppleWebKit/533.17.9 (KHTML, like Gecko) Version/5.0.2 Mobile/8C148 Safari/6533.18.5"),
    (3,  "Mozilla/5.0 (Linux; U; Android 2.2; en-gb; HTC Desire Build/FRF91) AppleWebKit/533.1 (KHTML, like Gecko) Version/4.0 Mobile Safari/533.1"),
    (2,  "Opera/9.80 (Windows NT 6.1; U; en) Presto/2.6.30 Version/10.63"),
    (1,  "Mozilla/5.0 (X11; U; Linux x86_64; en-US; rv:1.9.2.12) Gecko/20101027 Ubuntu/10.10 (maverick) Firefox/3.6.12"),
]
UA_W = [w for w, _ in UAS]
UA_S = [s for _, s in UAS]

SEARCH = {"uk": "http://www.google.co.uk/search?q=", "de": "http://www.google.de/search?q=",
          "fr": "http://www.google.fr/search?q=", "es": "http://www.google.es/search?q=",
          "us": "http://www.google.com/search?q="}
COMPARE = {"uk": "http://www.pricerunner.co.uk/cl/27/Digital-Cameras",
           "de": "http://www.idealo.de/preisvergleich/ProductCategory/3751.html",
           "fr": "http://www.leguide.com/appareils_photo_numeriques.htm",
           "es": "http://www.ciao.es/Camaras_digitales_5013_3",
           "us": "http://www.pricegrabber.com/digital-cameras/"}
WEBMAIL = {"uk": ["http://mail.google.com/mail/?shva=1", "http://uk.mg40.mail.yahoo.com/neo/launch?.rand=3hd8",
                  "http://bay154.mail.live.com/default.aspx?wa=wsignin1.0"],
           "de": ["http://mail.google.com/mail/?shva=1", "http://navigator.web.de/mail/show?sid=8c1f",
                  "http://service.gmx.net/de/cgi/g.fcgi/mail/show?CUSTOMERNO=1"],
           "fr": ["http://mail.google.com/mail/?shva=1", "http://webmail1m.orange.fr/webmail/fr_FR/read.html",
                  "http://fr.mg41.mail.yahoo.com/neo/launch?.rand=9ak2"],
           "es": ["http://mail.google.com/mail/?shva=1", "http://by145w.bay145.mail.live.com/mail/InboxLight.aspx",
                  "http://es.mc271.mail.yahoo.com/mc/welcome"]}
NEWS = {"uk": "http://www.bbc.co.uk/news/business-11975123", "de": "http://www.spiegel.de/wirtschaft/0,1518,734119,00.html",
        "fr": "http://www.lefigaro.fr/conso/2010/12/12/05007-20101212ARTFIG00112.php",
        "es": "http://www.elpais.com/articulo/economia/compras/navidad/elpepueco/20101212elpepueco_3/Tes"}
WORDS = ["camera", "canon", "nikon", "lens", "tripod", "kindle", "ipod", "nano", "headphones", "sony",
         "bravia", "tv", "hdmi", "cable", "laptop", "netbook", "asus", "dell", "printer", "ink", "lego",
         "star", "wars", "xbox", "kinect", "wii", "ps3", "games", "book", "harry", "potter", "dvd",
         "bluray", "gps", "tomtom", "garmin", "watch", "casio", "perfume", "toaster", "kettle",
         "hoover", "dyson", "drill", "bosch", "gift", "christmas", "lights", "tree", "boots", "scarf"]
CATS = ["electronics", "cameras", "computers", "books", "dvd", "toys", "home-garden", "videogames",
        "music", "sports", "watches", "beauty"]


def ip_in(cidr, rng):
    base, plen = cidr.split("/")
    a, b, c, d = (int(x) for x in base.split("."))
    n = (a << 24) | (b << 16) | (c << 8) | d
    host = rng.getrandbits(32 - int(plen))
    n |= host
    if n & 255 in (0, 255):
        n ^= 7
    return "%d.%d.%d.%d" % (n >> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255)


def fmt_clf(t, off_min):
    d = datetime.fromtimestamp(t, timezone.utc) + timedelta(minutes=off_min)
    sign = "+" if off_min >= 0 else "-"
    o = abs(off_min)
    return "%02d/%s/%04d:%02d:%02d:%02d %s%02d%02d" % (d.day, MON[d.month - 1], d.year, d.hour, d.minute,
                                                       d.second, sign, o // 60, o % 60)


def fmt_sys(t):
    d = datetime.fromtimestamp(t, timezone.utc)
    return "%s %2d %02d:%02d:%02d" % (MON[d.month - 1], d.day, d.hour, d.minute, d.second)


def iso(t):
    return datetime.fromtimestamp(round(t), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 50:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


# diurnal shape by local hour (0..24), peak in the evening
DIURNAL = [0.30, 0.20, 0.14, 0.11, 0.10, 0.12, 0.20, 0.35, 0.50, 0.60, 0.66, 0.70, 0.74, 0.74,
           0.72, 0.72, 0.75, 0.80, 0.88, 0.96, 1.00, 0.98, 0.80, 0.52, 0.30]


def diurnal(t, off_min):
    h = ((t + off_min * 60) % 86400) / 3600.0
    i = int(h)
    f = h - i
    return DIURNAL[i] * (1 - f) + DIURNAL[i + 1] * f


def env(t, b, e, up=120.0, down=120.0):
    """0 outside [b, e]; ramps up over `up` seconds, down over `down` seconds before e."""
    if t < b or t > e:
        return 0.0
    x = min(1.0, (t - b) / up if up > 0 else 1.0)
    y = min(1.0, (e - t) / down if down > 0 else 1.0)
    return max(0.0, min(x, y))


# --------------------------------------------------------------------------- scenario
SCALES = {
    #          peak req/min per site, span rule
    "small":  dict(rpm=8.0),
    "medium": dict(rpm=115.0),
    "large":  dict(rpm=600.0),
}


class Scenario:
    def __init__(self, cause, scale, seed, all_offset=None):
        self.cause, self.scale, self.seed = cause, scale, seed
        self.rng = random.Random("%s|%s|%d" % (cause, scale, seed))
        rng = self.rng
        self.sites = []
        for name, cc, off, flav, hasD in SITES:
            if all_offset is not None:
                off = all_offset
            self.sites.append(dict(name=name, cc=cc, off=off, aud=dict((x[0], x[2]) for x in SITES)[name],
                                   flav=flav, hasD=hasD))
        dur_rng = {"hardware": (30, 60), "ddos": (25, 50), "appddos": (25, 45), "flash": (30, 60),
                   "deploy": (15, 35), "upstream": (20, 45)}[cause]
        dur = rng.uniform(*dur_rng) * 60
        if scale == "large":
            dur = min(dur, rng.uniform(20, 27) * 60)
        begin = T0 + 17 * 3600 + rng.uniform(0, 5 * 3600 - dur)
        begin = float(int(begin))
        self.begin, self.end = begin, float(int(begin + dur))
        if scale == "small":
            self.start = T0 + 9 * 3600
            self.stop = self.end + 100 * 60
            self.margin = 50 * 60
        elif scale == "medium":
            self.start = self.begin - 4 * 3600 - rng.uniform(0, 1200)
            self.stop = self.end + 85 * 60
            self.margin = 45 * 60
        else:
            self.start = self.begin - 29 * 60
            self.stop = self.end + 30 * 60
            self.margin = 7 * 60
        self.start = float(int(self.start))
        self.stop = float(int(self.stop))
        self.rpm = SCALES[scale]["rpm"]
        # affected shops
        k = {"hardware": 4, "ddos": rng.choice([2, 3, 4]), "appddos": rng.choice([1, 2]),
             "flash": rng.choice([1, 2]), "deploy": rng.choice([2, 3, 4]),
             "upstream": rng.choice([3, 4])}[cause]
        self.affected = sorted(rng.sample(EU, k), key=EU.index)
        self.extra = {s["name"]: [] for s in self.sites}     # attacker / crawler lines (t, line)
        self.syslog = []                                      # (t, host, tag, msg)
        self.pids = {}
        self.visitor_pool = {s["name"]: [] for s in self.sites}
        self.decoys = []
        self.params = {}
        self.setup_cause()
        self.plan_decoys()

    # ------------------------------------------------------------------ helpers
    def pid(self, host, prog):
        key = (host, prog)
        if key not in self.pids:
            self.pids[key] = self.rng.randint(900, 32000)
        return self.pids[key]

    def sl(self, t, host, prog, msg, pid=True, newpid=False):
        if prog is None:
            tag = ""
        elif pid:
            p = self.rng.randint(1000, 32000) if newpid else self.pid(host, prog)
            tag = "%s[%d]" % (prog, p)
        else:
            tag = prog
        self.syslog.append((t, host, tag, msg))

    def cisco(self, t, host, msg):
        seq = self.pids.get((host, "_seq"), self.rng.randint(1000, 90000)) + 1
        self.pids[(host, "_seq")] = seq
        d = datetime.fromtimestamp(t, timezone.utc)
        stamp = "%s %2d %02d:%02d:%02d.%03d UTC" % (MON[d.month - 1], d.day, d.hour, d.minute, d.second,
                                                     self.rng.randint(0, 999))
        self.syslog.append((t, host, "%d" % seq, "%s: %s" % (stamp, msg)))

    def in_incident_zone(self, t0, t1):
        return t1 > self.begin - self.margin and t0 < self.end + self.margin

    def decoy_time(self, dur, prefer=None):
        """random start for a decoy of duration dur seconds, away from the incident."""
        rng = self.rng
        for _ in range(500):
            t = rng.uniform(self.start + 180, self.stop - dur - 180)
            if prefer == "before" and t > self.begin:
                continue
            if prefer == "after" and t < self.end:
                continue
            if not self.in_incident_zone(t, t + dur):
                return float(int(t))
        # fall back: right at the start/end of the log
        return float(int(self.start + 120 if prefer != "after" else self.stop - dur - 120))

    # ------------------------------------------------------------------ causes
    def setup_cause(self):
        rng, c, b, e = self.rng, self.cause, self.begin, self.end
        P = self.params
        if c == "hardware":
            P["variant"] = rng.choice(["storage", "linecard", "psu"])
            P["errbase"] = rng.uniform(0.25, 0.45)
            P["errpeak"] = rng.uniform(0.65, 0.9)
        elif c == "ddos":
            P["bots"] = {"small": 1600, "medium": 3200, "large": 8000}[self.scale]
            P["period"] = {"small": 75.0, "medium": 55.0, "large": 120.0}[self.scale]
        elif c == "appddos":
            P["clients"] = {"small": 180, "medium": 260, "large": 300}[self.scale]
            P["per"] = {"small": (60, 110), "medium": (14, 30), "large": (24, 40)}[self.scale]
            P["site_wide_at"] = b + rng.uniform(240, 480)
        elif c == "flash":
            P["peak"] = rng.uniform(2.6, 4.8) if self.scale != "large" else rng.uniform(2.0, 2.5)
            P["cap"] = rng.uniform(1.5, 1.8) if self.scale != "large" else rng.uniform(1.4, 1.6)
            P["kind"] = rng.choice(["newsletter", "tv"])
            # multiplier: ramp 0->peak in ~4 min from b, plateau, decay to 1 after e
            P["ramp"] = 240.0
        elif c == "deploy":
            P["release"] = "2010.12.12-%d" % rng.randint(2, 5)
            P["prev"] = "2010.12.12-%d" % (int(P["release"].split("-")[-1]) - 1)
            P["paths"] = rng.choice([["/checkout", "/gp/cart"], ["/checkout"], ["/gp/cart", "/gp/cart/add"]])
            P["errp"] = rng.uniform(0.8, 0.97)
        elif c == "upstream":
            P["residual"] = rng.uniform(0.02, 0.06)

    def flash_mult(self, t):
        P = self.params
        b, e = self.begin, self.end
        if t < b - 120:
            return 1.0
        peak, cap = P["peak"], P["cap"]
        if t < b:        # early trickle before errors begin
            return 1.0 + (cap - 1.0) * (t - (b - 120)) / 120.0
        if t <= e:
            # rise to peak, hold, fall back to cap at e
            r = P["ramp"]
            if t - b < r:
                return cap + (peak - cap) * (t - b) / r
            frac = (t - b - r) / max(1.0, (e - b - r))
            return peak - (peak - cap) * max(0.0, frac - 0.5) * 2
        # tail: decays from cap towards ~1.1 over 25 minutes (absorbed)
        x = (t - e) / 1500.0
        return 1.0 + (cap - 1.0) * 0.85 * math.exp(-3 * x)

    def session_mult(self, site, t):
        """multiplier on legitimate new-session arrivals."""
        m = 1.0
        for d in self.decoys:
            if d["kind"] == "surge" and d["site"] == site and d["t"] <= t <= d["t"] + d["dur"]:
                m *= 1.0 + d["amp"] * math.sin(math.pi * (t - d["t"]) / d["dur"])
        if site not in self.affected:
            return m
        c = self.cause
        if c == "hardware":
            m *= 1.0 - 0.3 * env(t, self.begin, self.end, 300, 60)
        elif c == "flash":
            m *= self.flash_mult(t)
        elif c == "upstream":
            if self.begin <= t <= self.end:
                m *= self.params["residual"] * 2
            elif self.end < t < self.end + 900:
                m *= 1.0 + 0.35 * (1 - (t - self.end) / 900)
        elif c in ("ddos", "appddos"):
            m *= 1.0 - 0.15 * env(t, self.begin, self.end, 600, 60)
        return m

    def outcome(self, site, flav, t, path, kind):
        """(status or None for default, latency multiplier, dropped?) for a legitimate request."""
        rng, c, b, e = self.rng, self.cause, self.begin, self.end
        nores = "499" if flav == "nginx" else "000"
        for d in self.decoys:
            if d["kind"] == "widget" and d["site"] == site and path.startswith("/widgets/recently-viewed") \
                    and d["t"] <= t <= d["t"] + d["dur"]:
                return "500", 1.0, False
        if site not in self.affected or not (b - 60 <= t <= e + 60):
            return None, 1.0, False
        P = self.params
        if c == "hardware":
            if t < b or t > e:
                return None, 1.0, False
            p = P["errbase"] + (P["errpeak"] - P["errbase"]) * env(t, b, e, 600, 180)
            if rng.random() < p:
                return rng.choices(["502", "503", "504", nores], [3, 4, 2, 3])[0], 30.0, False
            return None, rng.uniform(3, 15), False
        if c == "ddos":
            s = env(t, b, e, 300, 60)
            if t < b:
                return None, 1.0, False
            if rng.random() < 0.85 * s:
                return rng.choices(["503", nores, "504"], [4, 4, 1])[0], 40.0, False
            return None, 1.0 + 40 * s, False
        if c == "appddos":
            if t < b or t > e:
                return None, 1.0, False
            if path.startswith("/s?"):
                if rng.random() < 0.6 * env(t, b, e, 300, 60):
                    return rng.choice(["503", "504"]), 100.0, False
                return None, rng.uniform(20, 120), False
            if t >= P["site_wide_at"]:
                s = env(t, P["site_wide_at"], e, 300, 60)
                if rng.random() < 0.75 * s:
                    return rng.choices(["503", nores], [5, 2])[0], 30.0, False
                return None, 1.0 + 20 * s, False
            return None, 1.0 + 3 * env(t, b, e, 300, 60), False
        if c == "flash":
            m = self.flash_mult(t)
            if b <= t <= e and m > P["cap"]:
                p = (m - P["cap"]) / m * 1.6
                if rng.random() < min(0.85, p):
                    return rng.choices(["503", nores, "502"], [6, 2, 1])[0], 20.0, False
                return None, 4.0, False
            return None, 1.0 + max(0.0, m - 1.0), False
        if c == "deploy":
            if b <= t <= e and any(path.startswith(p) for p in P["paths"]) and kind == "page":
                if rng.random() < P["errp"]:
                    return "500", 1.5, False
            return None, 1.0, False
        if c == "upstream":
            if b <= t <= e:
                if rng.random() < 0.5:
                    if t - b < 90 and rng.random() < 0.08:
                        return nores, 50.0, False          # half-open connection, client gives up
                    return None, 1.0, True
            return None, 1.0, False
        return None, 1.0, False

    # ------------------------------------------------------------------ decoys
    def plan_decoys(self):
        rng = self.rng
        eu = EU[:]
        D = self.decoys
        L = self.scale == "large"
        cr = rng.uniform(420, 600) if L else rng.uniform(600, 1100)
        sc = rng.uniform(150, 300) if L else rng.uniform(180, 500)
        su = rng.uniform(700, 950) if L else rng.uniform(1500, 2300)
        wi = rng.uniform(150, 300)
        D.append(dict(kind="deploy", t=self.decoy_time(420, "before")))
        D.append(dict(kind="bgpreset", t=self.decoy_time(60)))
        D.append(dict(kind="crawler", site=rng.choice(eu), t=self.decoy_time(cr, "before"), dur=cr,
                      bot=rng.choice(["google", "mj12", "scraper"])))
        D.append(dict(kind="scanner", site=rng.choice(eu + [CONTROL]), t=self.decoy_time(sc), dur=sc))
        D.append(dict(kind="linkflap", t=self.decoy_time(60)))
        D.append(dict(kind="surge", site=rng.choice(eu), t=self.decoy_time(su, "after" if L else None), dur=su,
                      amp=rng.uniform(0.5, 0.9)))
        D.append(dict(kind="widget", site=rng.choice(eu), t=self.decoy_time(wi, "after"), dur=wi))
        if not L:
            D.append(dict(kind="bgpreset", t=self.decoy_time(60, "after")))
            d2 = rng.uniform(400, 900)
            D.append(dict(kind="crawler", site=rng.choice(eu + [CONTROL]), t=self.decoy_time(d2, "after"),
                          dur=d2, bot=rng.choice(["bing", "google"])))

    # ------------------------------------------------------------------ access logs
    def page_sequence(self, cc, rng, landing=None):
        """list of (path, kind) page views for one session."""
        pages = []
        npages = min(9, 1 + int(rng.expovariate(1 / 2.3)))
        asin = lambda: "B00%05d%s" % (rng.randint(0, 99999), rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"))
        cur = landing or rng.choices(["/", "/gp/product/", "/s?k=", "/c/"], [40, 35, 15, 10])[0]
        for i in range(npages):
            if cur == "/gp/product/":
                p = "/gp/product/" + asin()
            elif cur == "/s?k=":
                p = "/s?k=" + "+".join(rng.sample(WORDS, rng.choice([1, 1, 2, 2, 3])))
            elif cur == "/c/":
                p = "/c/" + rng.choice(CATS)
            else:
                p = cur
            pages.append(p)
            r = rng.random()
            if pages and pages[-1].startswith("/gp/cart/add"):
                cur = "/gp/cart"
            elif pages[-1] == "/gp/cart" and r < 0.45:
                cur = "/checkout"
            elif pages[-1] == "/checkout" and r < 0.6:
                cur = "/checkout/payment"
            elif pages[-1] == "/checkout/payment" and r < 0.7:
                cur = "/checkout/confirm"
            elif pages[-1].startswith("/gp/product/") and r < 0.18:
                cur = "/gp/cart/add?ASIN=%s&qty=1" % pages[-1].split("/")[-1]
            elif r < 0.45:
                cur = "/gp/product/"
            elif r < 0.65:
                cur = "/s?k="
            elif r < 0.78:
                cur = "/c/"
            elif r < 0.83:
                cur = "/gp/cart"
            elif r < 0.86:
                cur = rng.choice(["/help", "/account/login", "/account/orders", "/"])
            else:
                cur = "/gp/product/"
        return pages

    def gen_site(self, site):
        rng = self.rng
        name, cc, off, flav, hasD = site["name"], site["cc"], site["off"], site["flav"], site["hasD"]
        lines = []
        host = "http://" + name
        pool = self.visitor_pool[name]
        rpm = self.rpm * (0.85 if name == CONTROL else rng.uniform(0.9, 1.1))
        mean_req = 8.5
        t = self.start - 600.0
        css = "/static/css/site-20101201.css"
        js = "/static/js/shop-20101201.min.js"

        def emit(tt, ip, ua, path, st, size, ref, lat_us, method="GET"):
            if tt < self.start or tt >= self.stop:
                return
            s = '%s - - [%s] "%s %s HTTP/1.1" %s %s "%s" "%s"' % (ip, fmt_clf(tt, off), method, path, st, size, ref, ua)
            if hasD:
                s += " %d" % lat_us
            lines.append((tt, s))

        while t < self.stop:
            lam = rpm / mean_req * diurnal(t, site["aud"]) * self.session_mult(name, t)
            n = poisson(rng, lam)
            for _ in range(n):
                ts = t + rng.random() * 60
                self.session(name, cc, flav, ts, rng, pool, host, emit, css, js)
            t += 60.0
        lines.extend(self.extra[name])
        lines.sort(key=lambda x: x[0])
        return lines

    def session(self, name, cc, flav, ts, rng, pool, host, emit, css, js):
        returning = pool and rng.random() < 0.22
        flash_new = False
        landing_ref = None
        landing = None
        if self.cause == "flash" and name in self.affected and self.begin - 120 <= ts <= self.end + 1800:
            m = self.flash_mult(ts)
            if rng.random() < (m - 1.0) / m:
                flash_new, returning = True, False
                if self.params["kind"] == "newsletter":
                    landing = "/promo/xmas-2010?utm_source=newsletter&utm_medium=email&utm_campaign=xmas10_%s" % cc
                    landing_ref = rng.choice(WEBMAIL[cc] + ["-", "-"])
                else:
                    landing = rng.choice(["/promo/xmas-2010", "/"])
                    landing_ref = rng.choice([NEWS[cc], NEWS[cc], SEARCH[cc] + "shop+christmas+deal", "-"])
        for d in self.decoys:
            if d["kind"] == "surge" and d["site"] == name and d["t"] <= ts <= d["t"] + d["dur"] and rng.random() < 0.4:
                landing = "/deals/weekend?utm_source=affiliate&utm_medium=banner&utm_campaign=dec10"
                landing_ref = rng.choice(["http://www.hotukdeals.com/deals/", "-", "http://www.facebook.com/l.php?u=" +
                                          host.replace(":", "%3A").replace("/", "%2F") + "%2Fdeals%2Fweekend"])
        if returning:
            ip, ua = rng.choice(pool)
            if rng.random() < 0.3:   # dynamic IP changed
                ip = ip_in(rng.choice(RESI[cc]), rng)
        else:
            ip = ip_in(rng.choice(RESI[cc]), rng)
            ua = rng.choices(UA_S, UA_W)[0]
            if len(pool) < 5000:
                pool.append((ip, ua))
        pages = self.page_sequence(cc, rng, landing)
        if landing_ref is None:
            r = rng.random()
            if r < 0.42:
                landing_ref = "-"
            elif r < 0.80:
                q = "+".join(rng.sample(WORDS, 2))
                landing_ref = SEARCH[cc] + q if rng.random() < 0.85 else "http://www.bing.com/search?q=" + q
            elif r < 0.90:
                landing_ref = COMPARE[cc]
            else:
                landing_ref = host + "/"
        t = ts
        ref = landing_ref
        nreq = 0
        have_assets = returning
        fails = 0
        for i, p in enumerate(pages):
            if nreq >= 20:
                break
            tries = 0
            while True:
                st, lat, drop = self.outcome(name, flav, t, p, "page")
                if drop:
                    return            # client cannot reach us: session silently ends
                status = st
                if status is None:
                    if p.startswith("/gp/cart/add") or (p == "/account/login" and rng.random() < 0.5):
                        status = "302"
                    elif rng.random() < 0.012:
                        status = "404"
                    elif rng.random() < 0.0006:
                        status = "500"
                    else:
                        status = "200"
                base = 0.12 if not p.startswith("/s?") else 0.35
                if p.startswith("/checkout"):
                    base = 0.25
                lat_us = int(rng.lognormvariate(math.log(base), 0.5) * lat * 1e6)
                lat_us = min(lat_us, 120_000_000)
                if status in ("000", "499"):
                    size = "0"
                elif status == "302":
                    size = "0" if rng.random() < 0.5 else "%d" % rng.randint(180, 260)
                elif status[0] == "5":
                    size = "%d" % rng.choice([383, 530, 537, 2310])
                elif status == "404":
                    size = "%d" % rng.randint(3800, 4200)
                else:
                    size = "%d" % rng.randint(9000, 62000)
                emit(t, ip, ua, p, status, size, ref, lat_us, "POST" if p == "/checkout/confirm" else "GET")
                nreq += 1
                if status[0] in "5" or status in ("000", "499"):
                    fails += 1
                    tries += 1
                    if tries <= 2 and rng.random() < 0.6 and nreq < 20:
                        t += rng.uniform(2, 20) + (lat_us / 1e6 if status not in ("000", "499") else 0)
                        continue
                    if rng.random() < 0.7 or fails >= 3:
                        return        # gives up
                break
            if status == "200" and nreq < 20:
                # assets
                at = t + lat_us / 1e6
                assets = []
                if not have_assets:
                    assets = [css, js, "/static/img/sprite-20101130.png", "/favicon.ico"]
                    have_assets = True
                elif rng.random() < 0.25:
                    assets = [css, js]
                if p.startswith("/gp/product/"):
                    assets.append("/images/P/%s.01._SL500_.jpg" % p.split("/")[-1])
                    if rng.random() < 0.5:
                        assets.append("/widgets/recently-viewed?asin=%s" % p.split("/")[-1])
                for a in assets:
                    if nreq >= 20:
                        break
                    at += rng.uniform(0.02, 0.6)
                    st, lat, drop = self.outcome(name, flav, at, a, "asset")
                    if drop:
                        return
                    if st is None:
                        if returning and rng.random() < 0.7 and not a.startswith("/widgets"):
                            st, size = "304", "0"
                        elif a == "/favicon.ico" and rng.random() < 0.1:
                            st, size = "404", "%d" % rng.randint(3800, 4200)
                        else:
                            st = "200"
                            size = "%d" % (rng.randint(20000, 90000) if a.endswith("jpg") or a.endswith(".js") else rng.randint(1200, 18000))
                    else:
                        size = "0" if st in ("000", "499") else "%d" % rng.choice([383, 530, 2310])
                    emit(at, ip, ua, a, st, size, host + p, int(rng.uniform(300, 9000) * (lat if lat < 5 else 5)))
                    nreq += 1
            if status in ("302",) and p.startswith("/gp/cart/add"):
                t += rng.uniform(0.2, 0.8)
                ref = host + p
                continue
            ref = host + p
            t += lat_us / 1e6 + min(600.0, rng.lognormvariate(math.log(18), 0.9))

    # ------------------------------------------------------------------ machine traffic
    def add_line(self, site, t, ip, path, st, size, ref, ua, lat_us):
        s = next(x for x in self.sites if x["name"] == site)
        if t < self.start or t >= self.stop:
            return
        line = '%s - - [%s] "GET %s HTTP/1.1" %s %s "%s" "%s"' % (ip, fmt_clf(t, s["off"]), path, st, size, ref, ua)
        if s["hasD"]:
            line += " %d" % lat_us
        self.extra[site].append((t, line))

    def gen_machine(self):
        rng, c, b, e = self.rng, self.cause, self.begin, self.end
        P = self.params
        if c == "ddos":
            bots_uas = ["-", "-", "", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)", "Mozilla/5.0",
                        "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1; .NET CLR 1.1.4322)", "Wget/1.12 (linux-gnu)",
                        "libwww-perl/5.805"]
            n = P["bots"]
            for i in range(n):
                ip = "%d.%d.%d.%d" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
                ua = rng.choice(bots_uas)
                targets = self.affected
                site = targets[i % len(targets)]
                per = P["period"] * rng.choice([1.0, 1.0, 0.5, 2.0])
                t = b + rng.uniform(-30, 240) + rng.uniform(0, per)
                stop = e - rng.uniform(0, 120)
                path = rng.choice(["/", "/", "/", "/", "/index.html", "/?%d" % rng.randint(1000, 9999)])
                while t < stop:
                    s = env(t, b, e, 300, 60)
                    if rng.random() < 0.85 * s:
                        st = rng.choice(["503", "000" if site in ("www.shop.de", "www.shop.es") else "499", "503"])
                        size = "0" if st in ("000", "499") else "383"
                    else:
                        st, size = "200", "%d" % rng.randint(31000, 31400)
                    self.add_line(site, t, ip, path, st, size, "-", ua, int((0.1 + 30 * s) * 1e6 * rng.uniform(0.5, 1.5)))
                    t += per + rng.uniform(-0.15, 0.15)
            # firewall / IDS
            self.fw_ddos()
        elif c == "appddos":
            ua = rng.choice(UA_S[:4])
            n = P["clients"]
            for i in range(n):
                ip = ip_in(rng.choice(["46.4.0.0/16", "188.40.0.0/16", "94.23.0.0/16", "91.121.0.0/16",
                                       "178.63.0.0/16", "85.25.0.0/16", "64.120.0.0/17", "69.162.64.0/18",
                                       "212.83.128.0/19", "109.230.192.0/18", "77.247.176.0/20",
                                       "190.144.0.0/14", "200.88.0.0/15", "119.235.0.0/16"]), rng)
                site = self.affected[i % len(self.affected)]
                per = rng.uniform(*P["per"])
                t = b + rng.uniform(0, 120) + rng.uniform(0, per)
                stop = e - rng.uniform(0, 60)
                while t < stop:
                    q = "+".join(rng.choice(WORDS) + rng.choice(["", "s", "er", "x"]) for _ in range(rng.randint(3, 5)))
                    path = "/s?k=%s&page=%d" % (q, rng.randint(1, 40))
                    s = env(t, b, e, 300, 60)
                    if rng.random() < 0.6 * s:
                        st, size, lat = rng.choice(["503", "504"]), "383", rng.uniform(30, 60)
                    else:
                        st, size, lat = "200", "%d" % rng.randint(40000, 80000), rng.uniform(0.3, 1.0) + 25 * s * rng.uniform(0.5, 1.5)
                    self.add_line(site, t, ip, path, st, size, "http://%s/" % site, ua, int(lat * 1e6))
                    t += per + rng.uniform(-0.3, 0.3)
        # decoy machine traffic
        for d in self.decoys:
            if d["kind"] == "crawler":
                self.crawler(d)
            elif d["kind"] == "scanner":
                self.scanner(d)

    def crawler(self, d):
        rng = self.rng
        site = d["site"]
        if d["bot"] == "google":
            ua = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
            ips = ["66.249.71.%d" % rng.randint(1, 250) for _ in range(4)]
        elif d["bot"] == "bing":
            ua = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
            ips = ["65.52.104.%d" % rng.randint(1, 250) for _ in range(3)] + ["207.46.204.%d" % rng.randint(1, 250)]
        elif d["bot"] == "mj12":
            ua = "Mozilla/5.0 (compatible; MJ12bot/v1.3.3; http://www.majestic12.co.uk/bot.php?+)"
            ips = ["%d.%d.%d.%d" % (rng.choice([82, 86, 90, 93]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))]
        else:
            ua = "Python-urllib/2.6"
            ips = ["%s.%d" % (rng.choice(["188.165.12", "91.121.78", "178.32.51"]), rng.randint(2, 250))]
        rate = max(0.3, self.rpm / 60 * rng.uniform(0.4, 1.2))   # requests per second
        t = d["t"]
        while t < d["t"] + d["dur"]:
            r = rng.random()
            if r < 0.7:
                p = "/gp/product/B00%05d%s" % (rng.randint(0, 99999), rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"))
            elif r < 0.9:
                p = "/c/%s?page=%d" % (rng.choice(CATS), rng.randint(1, 200))
            else:
                p = rng.choice(["/robots.txt", "/sitemap.xml", "/help", "/"])
            st = "404" if rng.random() < 0.03 else ("301" if rng.random() < 0.02 else "200")
            self.add_line(site, t, rng.choice(ips), p, st, "%d" % rng.randint(9000, 60000), "-", ua, int(rng.uniform(0.05, 0.4) * 1e6))
            t += rng.expovariate(rate)

    def scanner(self, d):
        rng = self.rng
        ip = "%d.%d.%d.%d" % (rng.choice([58, 61, 114, 119, 121, 188, 195, 211, 218]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
        ua = rng.choice(["ZmEu", "Morfeus Fucking Scanner", "Mozilla/5.0 (compatible; Nikto/2.1.4)", "-"])
        probes = ["/w00tw00t.at.ISC.SANS.DFind:)", "/phpMyAdmin/scripts/setup.php", "/phpmyadmin/scripts/setup.php",
                  "/pma/scripts/setup.php", "/myadmin/scripts/setup.php", "/MyAdmin/scripts/setup.php",
                  "/admin/config.php", "/wp-login.php", "/wp-admin/", "/administrator/index.php",
                  "/user/soapCaller.bs", "/cgi-bin/php", "/cgi-bin/php5", "/HNAP1/", "/manager/html",
                  "/scripts/setup.php", "/dbadmin/scripts/setup.php", "/sql/scripts/setup.php",
                  "/mysql/scripts/setup.php", "/typo3/phpmyadmin/scripts/setup.php",
                  "/xampp/phpmyadmin/scripts/setup.php", "/.svn/entries", "/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                  "/index.php?option=com_user&view=../../../../../../etc/passwd%00", "/roundcube/", "/webmail/"]
        n = int(d["dur"] * rng.uniform(0.5, 1.5))
        t = d["t"]
        for i in range(n):
            p = probes[i % len(probes)] if i < len(probes) else "/%s/%s" % (rng.choice(["admin", "pma", "db", "sql", "web", "old", "backup", "test"]),
                                                                         rng.choice(["setup.php", "config.inc.php", "index.php", "login.php", "install.php"]))
            st = "400" if "w00tw00t" in p else "404"
            self.add_line(d["site"], t, ip, p, st, "%d" % rng.randint(180, 4200), "-", ua, int(rng.uniform(0.001, 0.02) * 1e6))
            t += rng.uniform(0.2, 2.5)
        for k in range(rng.randint(3, 8)):
            tt = d["t"] + rng.uniform(0, d["dur"])
            self.sl(tt, "ids-01", "snort", "[1:2010794:3] ET SCAN Suspicious User-Agent (ZmEu phpMyAdmin scanner) [Classification: Web Application Attack] [Priority: 1] {TCP} %s:%d -> 10.20.1.%d:80"
                    % (ip, rng.randint(30000, 60000), rng.randint(10, 30)))

    # ------------------------------------------------------------------ syslog
    HOSTS_WEB = ["web-eu-%02d" % i for i in range(1, 9)]
    HOSTS_APP = ["app-eu-%02d" % i for i in range(1, 5)]

    def background_syslog(self):
        rng = self.rng
        web, app = self.HOSTS_WEB, self.HOSTS_APP
        linux = web + app + ["db-eu-01", "db-eu-02", "lb-eu-01", "lb-eu-02", "deploy-01", "puppet-01", "mon-01",
                             "fw-eu-01", "ids-01", "web-us-01", "web-us-02", "stor-eu-01"]
        t0, t1 = self.start - 60, self.stop
        # cron
        for h in linux:
            off = rng.randint(0, 4)
            t = t0 - (t0 % 300) + off * 60 + 1
            while t < t1:
                if int(t // 60) % 5 == off % 5:
                    self.sl(t, h, "CRON", "(root) CMD (/usr/lib/sa/sa1 1 1)" if rng.random() < 0.5 else
                            "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)", newpid=True)
                if int(t // 3600) != int((t - 300) // 3600):
                    self.sl(t + 16, h, "CRON", "(root) CMD (   cd / && run-parts --report /etc/cron.hourly)", newpid=True)
                t += 300
        # puppet runs every 30 minutes
        for h in linux:
            t = t0 + rng.uniform(0, 1800)
            while t < t1:
                self.sl(t, h, "puppet-agent", "Finished catalog run in %.2f seconds" % rng.uniform(3, 25))
                t += 1800 + rng.uniform(-30, 30)
        # sshd logins from the ops bastion, sometimes failures from the internet on fw
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 600)
            h = rng.choice(linux)
            user = rng.choice(["jsmith", "akumar", "mlopez", "deploy", "nagios"])
            port = rng.randint(40000, 60000)
            pid = rng.randint(2000, 32000)
            self.syslog.append((t, h, "sshd[%d]" % pid, "Accepted publickey for %s from 10.20.0.%d port %d ssh2" % (user, rng.randint(5, 9), port)))
            self.syslog.append((t + 0.2, h, "sshd[%d]" % pid, "pam_unix(sshd:session): session opened for user %s by (uid=0)" % user))
            self.syslog.append((t + rng.uniform(60, 900), h, "sshd[%d]" % pid, "pam_unix(sshd:session): session closed for user %s" % user))
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 240)
            ip = "%d.%d.%d.%d" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
            self.sl(t, "fw-eu-01", "sshd", "Invalid user %s from %s" % (rng.choice(["admin", "test", "oracle", "guest", "user", "postgres"]), ip), newpid=True)
        # UFW blocks: internet background radiation
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 45)
            self.ufw(t, "%d.%d.%d.%d" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
                     rng.choice([23, 445, 1433, 3389, 22, 8080, 5900, 135, 139]), "SYN")
        # snort low-priority
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 900)
            self.sl(t, "ids-01", "snort", rng.choice([
                "[1:2003068:6] ET SCAN Potential SSH Scan OUTBOUND [Classification: Attempted Information Leak] [Priority: 2] {TCP} %s:%d -> 10.20.0.5:22",
                "[1:2001219:19] ET SCAN Potential SSH Scan [Classification: Attempted Information Leak] [Priority: 2] {TCP} %s:%d -> 10.20.0.5:22",
                "[1:2010935:2] ET POLICY Suspicious inbound to MSSQL port 1433 [Classification: Potentially Bad Traffic] [Priority: 2] {TCP} %s:%d -> 10.20.1.1:1433"])
                % ("%d.%d.%d.%d" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)), rng.randint(1024, 65000)))
        # network gear: ACL logs, NTP, config saves, interface counters
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 300)
            r = rng.random()
            if r < 0.45:
                self.cisco(t, "edge-rtr1", "%%SEC-6-IPACCESSLOGP: list 110 denied tcp %d.%d.%d.%d(%d) -> 195.66.231.%d(23), 1 packet"
                           % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000), rng.randint(1, 60)))
            elif r < 0.6:
                self.sl(t, "edge-rtr2", "sshd", "Accepted password for netops from 10.20.0.6 port %d ssh2" % rng.randint(40000, 60000), newpid=True)
                self.sl(t + 1, "edge-rtr2", "mgd", "UI_LOGIN_EVENT: User 'netops' login, class 'j-super-user' [%d], ssh-connection '10.20.0.6 %d 10.20.0.2 22', client-mode 'cli'" % (rng.randint(1000, 9999), rng.randint(40000, 60000)))
                self.sl(t + rng.uniform(30, 300), "edge-rtr2", "mgd", "UI_LOGOUT_EVENT: User 'netops' logout")
            elif r < 0.7:
                h = rng.choice(["core-sw1", "core-sw2"])
                self.cisco(t, h, "%%SYS-5-CONFIG_I: Configured from console by netops on vty0 (10.20.0.6)")
            elif r < 0.85:
                h = rng.choice(["agg-sw1", "agg-sw2"])
                self.sl(t, h, "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet%d, changed state to %s"
                        % (rng.randint(30, 48), "up"), pid=False)
            else:
                self.sl(t, rng.choice(["edge-rtr2"]), "chassisd", "CHASSISD_FAN_STATUS: Fan Tray 0 Fan %d: speed normal (%d rpm)" % (rng.randint(0, 5), rng.randint(4300, 5200)))
        # systemd / ntpd / nginx / haproxy / app / mysql background
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 40)
            h = rng.choice(linux)
            r = rng.random()
            if r < 0.15:
                self.sl(t, h, "systemd", rng.choice(["Starting Cleanup of Temporary Directories...",
                                                     "Started Cleanup of Temporary Directories.",
                                                     "Starting Rotate log files...", "Started Rotate log files.",
                                                     "Started Session %d of user deploy." % rng.randint(100, 9999)]), pid=False)
                self.syslog[-1] = (t, h, "systemd[1]", self.syslog[-1][3])
            elif r < 0.25:
                self.sl(t, h, "ntpd", "kernel time sync status change 2001" if rng.random() < 0.1 else
                        "synchronized to 10.20.0.%d, stratum 2" % rng.randint(2, 3))
            elif r < 0.45:
                w = rng.choice(web)
                self.sl(t, w, "nginx", "%s [error] %d#0: *%d open() \"/srv/www/static/%s\" failed (2: No such file or directory), client: %s, server: %s, request: \"GET /static/%s HTTP/1.1\", host: \"%s\""
                        % (datetime.fromtimestamp(t, timezone.utc).strftime("%Y/%m/%d %H:%M:%S"), rng.randint(2000, 3000), rng.randint(10000, 9999999),
                           "img/x.gif", ip_in(rng.choice(RESI["uk"]), rng), rng.choice(EU), "img/x.gif", rng.choice(EU)))
            elif r < 0.6:
                self.sl(t, rng.choice(["lb-eu-01", "lb-eu-02"]), "haproxy", "%s:%d [%s] shop_fe shop_eu/web-eu-%02d 0/0/1/%d/%d 200 %d - - ---- %d/%d/%d/%d/0 0/0 \"GET /healthz HTTP/1.1\""
                        % ("10.20.0.%d" % rng.randint(2, 9), rng.randint(30000, 60000),
                           datetime.fromtimestamp(t, timezone.utc).strftime("%d/%b/%Y:%H:%M:%S.000"),
                           rng.randint(1, 8), rng.randint(2, 20), rng.randint(3, 25), rng.randint(120, 180),
                           rng.randint(50, 300), rng.randint(50, 300), rng.randint(5, 40), rng.randint(1, 10)))
            elif r < 0.8:
                a = rng.choice(app)
                self.sl(t, a, "shop-app", rng.choice(["INFO  cache warm: %d keys loaded" % rng.randint(1000, 50000),
                                                       "INFO  order %d placed (basket %d items)" % (rng.randint(4000000, 4999999), rng.randint(1, 6)),
                                                       "WARN  payment gateway latency %d ms" % rng.randint(800, 2500),
                                                       "INFO  session store gc removed %d sessions" % rng.randint(100, 900)]))
            elif r < 0.9:
                self.sl(t, rng.choice(["db-eu-01", "db-eu-02"]), "mysqld", rng.choice([
                    "InnoDB: page_cleaner: 1000ms intended loop took %dms." % rng.randint(1100, 4000),
                    "[Note] Aborted connection %d to db: 'shop' user: 'shop' host: 'app-eu-0%d' (Got timeout reading communication packets)" % (rng.randint(10000, 99999), rng.randint(1, 4))]))
            else:
                self.sl(t, h, "kernel", rng.choice(["[%d.%06d] TCP: time wait bucket table overflow" % (rng.randint(100000, 900000), rng.randint(0, 999999)),
                                                     "[%d.%06d] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None" % (rng.randint(100000, 900000), rng.randint(0, 999999))]) if rng.random() < 0.3 else
                        "[UFW AUDIT] IN= OUT=eth0 SRC=10.20.1.%d DST=10.20.0.2 LEN=76 TOS=0x10 PREC=0x00 TTL=64 ID=0 DF PROTO=UDP SPT=123 DPT=123 LEN=56" % rng.randint(10, 60), pid=False)
        # BGP keepalive-level noise: occasional prefix counts
        t = t0
        while t < t1:
            t += rng.expovariate(1 / 4000)
            self.sl(t, "edge-rtr2", "rpd", "BGP_PREFIX_THRESH_EXCEEDED: 195.66.224.%d (External AS %d): Configured maximum prefix-limit threshold(%d) exceeded for inet-unicast nlri: %d (instance master)"
                    % (rng.randint(10, 250), rng.choice([8468, 5459, 13213]), 900, rng.randint(901, 960)))

    def ufw(self, t, src, dpt, flags):
        rng = self.rng
        self.sl(t, "fw-eu-01", "kernel", "[%d.%06d] [UFW BLOCK] IN=eth0 OUT= MAC=00:1b:21:3a:7c:10:00:1f:ca:55:1e:40:08:00 SRC=%s DST=195.66.231.%d LEN=60 TOS=0x00 PREC=0x00 TTL=%d ID=%d DF PROTO=TCP SPT=%d DPT=%d WINDOW=5840 RES=0x00 %s URGP=0"
                % (int(t - T0 + 2000000), rng.randint(0, 999999), src, rng.randint(1, 60), rng.randint(40, 120), rng.randint(1, 65000),
                   rng.randint(1024, 65000), dpt, flags), pid=False)

    def fw_ddos(self):
        rng, b, e = self.rng, self.begin, self.end
        t = b - 40
        self.sl(t, "ids-01", "snort", "[1:1000010:2] DDOS TCP SYN flood - threshold exceeded [Classification: Attempted Denial of Service] [Priority: 2] {TCP} %d.%d.%d.%d:%d -> 195.66.231.20:80" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1024, 65000)))
        t = b
        while t < e:
            s = env(t, b, e, 300, 60)
            t += 1.0 / (0.2 + 2.0 * s)
            src = "%d.%d.%d.%d" % (rng.choice(BOTNET_8S), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
            r = rng.random()
            if r < 0.45:
                self.ufw(t, src, 80, "SYN")
            elif r < 0.65:
                self.sl(t, "fw-eu-01", "kernel", "[%d.%06d] nf_conntrack: table full, dropping packet." % (int(t - T0 + 2000000), rng.randint(0, 999999)), pid=False)
            elif r < 0.75:
                self.sl(t, rng.choice(self.HOSTS_WEB), "kernel", "[%d.%06d] TCP: Possible SYN flooding on port 80. Sending cookies." % (int(t - T0 + 2000000), rng.randint(0, 999999)), pid=False)
            elif r < 0.9:
                self.sl(t, "ids-01", "snort", "[1:1000010:2] DDOS TCP SYN flood - threshold exceeded [Classification: Attempted Denial of Service] [Priority: 2] {TCP} %s:%d -> 195.66.231.%d:80" % (src, rng.randint(1024, 65000), rng.randint(20, 24)))
            else:
                self.sl(t, rng.choice(["lb-eu-01", "lb-eu-02"]), "haproxy", "Server shop_eu/web-eu-%02d is DOWN, reason: Layer4 timeout, check duration: 2001ms. %d active and 0 backup servers left. %d sessions active, 0 requeued, 0 remaining in queue."
                        % (rng.randint(1, 8), rng.randint(0, 5), rng.randint(800, 4000)))
        self.sl(e + 30, "lb-eu-01", "haproxy", "Server shop_eu/web-eu-01 is UP, reason: Layer7 check passed, code: 200, info: \"OK\", check duration: 3ms. 8 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")
        self.sl(e + 200, "ids-01", "snort", "[1:1000011:1] DDOS TCP SYN flood - rate back below threshold [Classification: Attempted Denial of Service] [Priority: 3] {TCP} 0.0.0.0:0 -> 195.66.231.20:80")

    def cause_syslog(self):
        rng, c, b, e, P = self.rng, self.cause, self.begin, self.end, self.params
        shops = " ".join(self.affected)
        if c == "hardware":
            v = P["variant"]
            t = b - rng.uniform(60, 300)
            if v == "storage":
                hosts = ["db-eu-01", "app-eu-01", "app-eu-02", "stor-eu-01"]
                self.sl(t, "stor-eu-01", "kernel", "[%d.%06d] mpt2sas0: log_info(0x31120303): originator(PL), code(0x12), sub_code(0x0303)" % (int(t - T0 + 2000000), 1), pid=False)
                for k in range(40):
                    tt = t + k * rng.uniform(2, 30)
                    if tt > e:
                        break
                    h = rng.choice(hosts)
                    self.sl(tt, h, "kernel", rng.choice([
                        "[%d.%06d] sd 2:0:0:3: [sdd] Unhandled error code" % (int(tt - T0 + 2000000), rng.randint(0, 999999)),
                        "[%d.%06d] sd 2:0:0:3: [sdd] Result: hostbyte=DID_NO_CONNECT driverbyte=DRIVER_OK" % (int(tt - T0 + 2000000), rng.randint(0, 999999)),
                        "[%d.%06d] end_request: I/O error, dev sdd, sector %d" % (int(tt - T0 + 2000000), rng.randint(0, 999999), rng.randint(1000000, 900000000)),
                        "[%d.%06d] EXT4-fs error (device dm-2): ext4_find_entry:%d: inode #2: comm nginx: reading directory lblock 0" % (int(tt - T0 + 2000000), rng.randint(0, 999999), rng.choice([935, 1445])),
                        "[%d.%06d] Buffer I/O error on device dm-2, logical block %d" % (int(tt - T0 + 2000000), rng.randint(0, 999999), rng.randint(0, 9999999)),
                        "[%d.%06d] JBD2: Detected IO errors while flushing file data on dm-2-8" % (int(tt - T0 + 2000000), rng.randint(0, 999999)),
                        "[%d.%06d] ata1.00: failed command: READ FPDMA QUEUED" % (int(tt - T0 + 2000000), rng.randint(0, 999999))]), pid=False)
                    if rng.random() < 0.2:
                        self.sl(tt + 0.5, h, "multipathd", "mpathb: remaining active paths: 0")
                self.sl(b + 20, "db-eu-01", "mysqld", "InnoDB: Error: Write to file ./ibdata1 failed at offset 0 %d. InnoDB: Operating system error number 5 (Input/output error)." % rng.randint(10**6, 10**9))
            elif v == "linecard":
                self.cisco(t, "core-sw1", "%C6KPWR-SP-4-DISABLED: power to module in slot 3 set off (Module Failed SCP dinit)")
                self.cisco(t + 1, "core-sw1", "%OIR-SP-3-PWRCYCLE: Card in module 3, is being power-cycled (Module Failed SCP dinit)")
                for i in range(1, 9):
                    self.cisco(t + 2 + i * 0.1, "core-sw1", "%%LINK-3-UPDOWN: Interface TenGigabitEthernet3/%d, changed state to down" % i)
                    self.cisco(t + 3 + i * 0.1, "core-sw1", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface TenGigabitEthernet3/%d, changed state to down" % i)
                for h in self.HOSTS_WEB[:6] + self.HOSTS_APP:
                    tt = t + rng.uniform(2, 6)
                    self.sl(tt, h, "kernel", "[%d.%06d] bnx2 eth1: NIC Copper Link is Down" % (int(tt - T0 + 2000000), 5), pid=False)
                    self.sl(tt + 0.1, h, "kernel", "[%d.%06d] bond0: link status definitely down for interface eth1, disabling it" % (int(tt - T0 + 2000000), 9), pid=False)
                for k in range(6):
                    tt = t + 60 + k * rng.uniform(60, 400)
                    if tt < e:
                        self.cisco(tt, "core-sw1", "%C6KPWR-SP-4-DISABLED: power to module in slot 3 set off (Module Failed SCP dinit)")
                        self.sl(tt + 3, rng.choice(self.HOSTS_WEB[:6]), "kernel", "[%d.%06d] bond0: now running without any active interface !" % (int(tt - T0 + 2000000), 7), pid=False)
            else:
                self.cisco(t, "core-sw2", "%PLATFORM_ENV-1-PWR: Internal Power supply not supplying power")
                self.cisco(t + 2, "core-sw2", "%PLATFORM_ENV-1-FRU_PS_ACCESS: FRU Power Supply is not responding")
                self.sl(t + 4, "edge-rtr2", "chassisd", "CHASSISD_FRU_OFFLINE_NOTICE: Taking FPC 1 offline: Power failure")
                for h in ["app-eu-01", "app-eu-02", "app-eu-03", "db-eu-01"]:
                    tt = t + rng.uniform(5, 90)
                    self.sl(tt, h, "kernel", "[%d.%06d] mce: [Hardware Error]: Machine check events logged" % (int(tt - T0 + 2000000), 3), pid=False)
                    self.sl(tt + 0.01, h, "kernel", "[%d.%06d] [Hardware Error]: CPU 2: Machine Check Exception: 5 Bank 4: b200000000070f0f" % (int(tt - T0 + 2000000), 4), pid=False)
                    self.sl(tt + 1, h, "ipmievd", "Power Supply sensor PS2 Status - Failure detected () Asserted")
                for k in range(8):
                    tt = t + 30 + k * rng.uniform(60, 300)
                    if tt < e:
                        self.cisco(tt, "core-sw2", "%PLATFORM_ENV-1-PWR: Internal Power supply not supplying power")
                        self.cisco(tt + 1, "core-sw2", "%%LINK-3-UPDOWN: Interface GigabitEthernet1/0/%d, changed state to down" % rng.randint(1, 24))
            # backends failing
            tt = b
            while tt < e:
                tt += rng.uniform(10, 90)
                if tt >= e:
                    break
                w = rng.randint(1, 8)
                self.sl(tt, rng.choice(["lb-eu-01", "lb-eu-02"]), "haproxy", rng.choice([
                    "Server shop_eu/web-eu-%02d is DOWN, reason: Layer7 timeout, check duration: 2002ms. %d active and 0 backup servers left. 12 sessions active, 0 requeued, 0 remaining in queue." % (w, rng.randint(0, 4)),
                    "backend shop_eu has no server available!",
                    "Server shop_eu/web-eu-%02d is UP, reason: Layer7 check passed, code: 200, info: \"OK\", check duration: 41ms. %d active and 0 backup servers online. 0 sessions requeued, 0 total in queue." % (w, rng.randint(1, 4))]))
                self.sl(tt + 1, "app-eu-%02d" % rng.randint(1, 4), "shop-app", "ERROR datasource: Cannot get a connection, pool error Timeout waiting for idle object (db-eu-01:3306)")
            self.sl(e + 10, "lb-eu-01", "haproxy", "Server shop_eu/web-eu-01 is UP, reason: Layer7 check passed, code: 200, info: \"OK\", check duration: 4ms. 8 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")
            self.sl(e + 60, "mon-01", "nagios", "SERVICE ALERT: lb-eu-01;HTTP shop_eu;OK;HARD;3;HTTP OK: HTTP/1.1 200 OK - 48121 bytes in 0.212 second response time")
            self.sl(b + 180, "mon-01", "nagios", "SERVICE ALERT: lb-eu-01;HTTP shop_eu;CRITICAL;HARD;3;CRITICAL - Socket timeout after 10 seconds")
        elif c == "appddos":
            tt = b + 60
            while tt < e:
                tt += rng.uniform(2, 25)
                if tt >= e:
                    break
                a = "app-eu-%02d" % rng.randint(1, 4)
                q = " ".join(rng.choice(WORDS) for _ in range(3))
                r = rng.random()
                if r < 0.5:
                    self.sl(tt, a, "shop-app", "WARN  slow query %.1fs: SELECT p.id, MATCH(p.title,p.descr) AGAINST ('%s') AS score FROM products p WHERE MATCH(p.title,p.descr) AGAINST ('%s') ORDER BY score DESC LIMIT %d,24"
                            % (rng.uniform(3, 40), q, q, rng.randint(0, 40) * 24))
                elif r < 0.7:
                    self.sl(tt, rng.choice(["db-eu-01", "db-eu-02"]), "mysqld", "[Warning] Too many connections; slow_query_log: %d queries over long_query_time in last 60s" % rng.randint(200, 1500))
                elif r < 0.85:
                    self.sl(tt, a, "php-fpm", "[pool www] server reached pm.max_children setting (%d), consider raising it" % rng.choice([64, 128]))
                else:
                    self.sl(tt, rng.choice(["lb-eu-01", "lb-eu-02"]), "haproxy", "backend shop_search has no server available!")
        elif c == "flash":
            tt = b + 30
            while tt < e:
                tt += rng.uniform(3, 30)
                if tt >= e:
                    break
                w = rng.choice(self.HOSTS_WEB)
                if rng.random() < 0.5:
                    self.sl(tt, w, "nginx", "%s [alert] %d#0: 1024 worker_connections are not enough" % (datetime.fromtimestamp(tt, timezone.utc).strftime("%Y/%m/%d %H:%M:%S"), rng.randint(2000, 3000)))
                else:
                    self.sl(tt, rng.choice(self.HOSTS_APP), "apache2", "[error] server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting")
            self.sl(b + 200, "mon-01", "nagios", "SERVICE ALERT: web-eu-01;HTTP load;WARNING;HARD;3;WARNING - load average: 18.21, 14.02, 7.66")
            self.sl(b - 300, "mail-01", "postfix/smtp", "C1F22A4031: to=<list-%s@lists.shop-mail.net>, relay=mx.shop-mail.net[10.20.3.4]:25, delay=0.3, status=sent (250 2.0.0 Ok: queued; campaign xmas10 batch 1/1)" % self.affected[0].split(".")[-1])
        elif c == "deploy":
            dt = b - rng.uniform(120, 420)
            n = {2: 4, 3: 6, 4: 8}[len(self.affected)]
            hosts = self.HOSTS_WEB[:n]
            self.deploy_lines(dt, P["release"], hosts, self.affected, b - dt - 20)
            tt = b
            while tt < e:
                tt += rng.uniform(1, 20)
                if tt >= e:
                    break
                a = rng.choice(self.HOSTS_APP)
                req = "%08x" % rng.getrandbits(32)
                ctl = "CheckoutController" if rng.choice(P["paths"]).startswith("/checkout") else "CartController"
                self.sl(tt, a, "shop-app", "ERROR [req-%s] Unhandled exception in %s#show: java.lang.NullPointerException (release %s)" % (req, ctl, P["release"]))
                self.sl(tt, a, "shop-app", "  at com.shop.checkout.VatCalculator.rateFor(VatCalculator.java:212)")
                self.sl(tt, a, "shop-app", "  at com.shop.checkout.CartService.totals(CartService.java:87)")
                self.sl(tt, a, "shop-app", "  at com.shop.web.%s.show(%s.java:64)" % (ctl, ctl))
            rb = e - rng.uniform(60, 150)
            self.sl(b + 300, "mon-01", "nagios", "SERVICE ALERT: app-eu-01;checkout synthetic;CRITICAL;HARD;3;HTTP CRITICAL: HTTP/1.1 500 Internal Server Error")
            self.sl(rb, "deploy-01", "deploy", "Rolling back shop-web to release %s on %s..%s (requested by jsmith)" % (P["prev"], hosts[0], hosts[-1]), newpid=True)
            for h in hosts:
                self.sl(rb + rng.uniform(20, 80), h, "ansible-command", "Invoked with cmd=/srv/shop/bin/switch-release %s warn=True" % P["prev"])
            self.sl(e, "deploy-01", "deploy", "Rollback of shop-web to %s complete on %d hosts" % (P["prev"], len(hosts)), newpid=True)
        elif c == "upstream":
            peers = [("edge-rtr1", "cisco", "212.187.%d.%d" % (rng.randint(0, 255), rng.randint(1, 250)), 3356, "TenGigabitEthernet0/1/0"),
                     ("edge-rtr2", "junos", "4.69.%d.%d" % (rng.randint(0, 255), rng.randint(1, 250)), 1299, "xe-0/0/0")]
            for host, kind, peer, asn, ifn in peers:
                t = b - rng.uniform(5, 40)
                self.bgp_down(t, host, kind, peer, asn, ifn, "hold")
                # flaps during the outage
                tt = t + rng.uniform(60, 200)
                while tt < e - 120:
                    self.link(tt, host, kind, ifn, "up")
                    self.bgp_state(tt + 5, host, kind, peer, asn, "Active")
                    self.link(tt + rng.uniform(8, 40), host, kind, ifn, "down")
                    tt += rng.uniform(120, 500)
                te = e - rng.uniform(10, 60)
                self.link(te, host, kind, ifn, "up")
                self.bgp_up(te + rng.uniform(20, 40), host, kind, peer, asn)
            self.sl(b + 90, "mon-01", "nagios", "SERVICE ALERT: edge-rtr1;BGP transit;CRITICAL;HARD;2;CRITICAL: 2 of 3 transit sessions down")
            self.sl(e + 60, "mon-01", "nagios", "SERVICE ALERT: edge-rtr1;BGP transit;OK;HARD;2;OK: 3 of 3 transit sessions established")

    def link(self, t, host, kind, ifn, state):
        if kind == "cisco":
            self.cisco(t, host, "%%LINK-3-UPDOWN: Interface %s, changed state to %s" % (ifn, state))
            self.cisco(t + 1, host, "%%LINEPROTO-5-UPDOWN: Line protocol on Interface %s, changed state to %s" % (ifn, state))
        else:
            self.sl(t, host, "mib2d", "SNMP_TRAP_LINK_%s: ifIndex %d, ifAdminStatus up(1), ifOperStatus %s, ifName %s"
                    % (state.upper(), 500 + sum(map(ord, ifn)) % 60, "up(1)" if state == "up" else "down(2)", ifn))

    def bgp_state(self, t, host, kind, peer, asn, st):
        if kind == "junos":
            self.sl(t, host, "rpd", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer %s (External AS %d) changed state from Idle to %s (event Start)" % (peer, asn, st))

    def bgp_down(self, t, host, kind, peer, asn, ifn, why):
        if kind == "cisco":
            if why == "hold":
                self.link(t, host, kind, ifn, "down")
                self.cisco(t + 1, host, "%%BGP-5-ADJCHANGE: neighbor %s Down Interface flap" % peer)
            else:
                self.cisco(t, host, "%%BGP-3-NOTIFICATION: received from neighbor %s 6/4 (Administrative Reset) 0 bytes" % peer)
                self.cisco(t + 0.2, host, "%%BGP-5-ADJCHANGE: neighbor %s Down Peer closed the session" % peer)
        else:
            if why == "hold":
                self.link(t, host, kind, ifn, "down")
                self.sl(t + 60, host, "rpd", "bgp_hold_timeout:3660: NOTIFICATION sent to %s (External AS %d): code 4 (Hold Timer Expired Error), Reason: holdtime expired for %s (External AS %d), socket buffer sndcc: 0 rcvcc: 0 TCP state: 4, snd_una: 1 snd_nxt: 1 snd_wnd: 16384 rcv_nxt: 1 rcv_adv: 16384, hold timer 0" % (peer, asn, peer, asn))
                self.sl(t + 60.1, host, "rpd", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer %s (External AS %d) changed state from Established to Idle (event HoldTime)" % (peer, asn))
            else:
                self.sl(t, host, "rpd", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer %s (External AS %d) changed state from Established to Idle (event RecvNotify)" % (peer, asn))

    def bgp_up(self, t, host, kind, peer, asn):
        if kind == "cisco":
            self.cisco(t, host, "%%BGP-5-ADJCHANGE: neighbor %s Up" % peer)
        else:
            self.sl(t, host, "rpd", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer %s (External AS %d) changed state from OpenConfirm to Established (event RecvKeepAlive)" % (peer, asn))

    def deploy_lines(self, t, release, hosts, shops, span):
        rng = self.rng
        self.sl(t, "deploy-01", "deploy", "Deploying shop-web release %s to %s..%s (%s)" % (release, hosts[0], hosts[-1], " ".join(shops)), newpid=True)
        self.sl(t + 2, "deploy-01", "ansible-playbook", "PLAY [shop-web rolling deploy] serial=2 hosts=%d" % len(hosts), newpid=True)
        for i, h in enumerate(hosts):
            tt = t + 10 + span * (i + 1) / (len(hosts) + 1)
            self.sl(tt, h, "ansible-command", "Invoked with cmd=/srv/shop/bin/switch-release %s warn=True" % release, newpid=True)
            self.sl(tt + 3, h, "systemd", "Reloading shop-web.service.", pid=False)
            self.syslog[-1] = (tt + 3, h, "systemd[1]", "Reloading shop-web.service.")
        self.sl(t + span + 15, "deploy-01", "deploy", "Release %s live on %d hosts (%d ok, 0 failed)" % (release, len(hosts), len(hosts)), newpid=True)

    def decoy_syslog(self):
        rng = self.rng
        for d in self.decoys:
            t = d["t"]
            if d["kind"] == "deploy":
                rel = "2010.12.12-1" if t < self.begin else "2010.12.12-%d" % rng.randint(6, 8)
                if rng.random() < 0.5:
                    self.deploy_lines(t, rel, self.HOSTS_WEB, EU, rng.uniform(150, 400))
                else:
                    self.sl(t, "puppet-01", "puppet-master", "Compiled catalog for web-eu-01 in environment production in 1.92 seconds")
                    self.deploy_lines(t + 5, "shop-static " + rel, self.HOSTS_WEB[:4], EU[:2], rng.uniform(60, 200))
            elif d["kind"] == "bgpreset":
                if rng.random() < 0.5:
                    peer = "195.66.224.%d" % rng.randint(10, 250)
                    self.bgp_down(t, "edge-rtr1", "cisco", peer, 8468, None, "reset")
                    self.bgp_up(t + rng.uniform(15, 45), "edge-rtr1", "cisco", peer, 8468)
                else:
                    peer = "80.81.192.%d" % rng.randint(10, 250)
                    self.bgp_down(t, "edge-rtr2", "junos", peer, 6939, None, "reset")
                    self.bgp_up(t + rng.uniform(15, 45), "edge-rtr2", "junos", peer, 6939)
            elif d["kind"] == "linkflap":
                if rng.random() < 0.5:
                    port = "GigabitEthernet2/0/%d" % rng.randint(1, 48)
                    self.link(t, "core-sw2", "cisco", port, "down")
                    self.link(t + rng.uniform(2, 9), "core-sw2", "cisco", port, "up")
                else:
                    port = "Ethernet%d" % rng.randint(1, 48)
                    self.sl(t, "agg-sw1", "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface %s, changed state to down" % port, pid=False)
                    self.sl(t + 3, "agg-sw1", "Ebra", "%%LINEPROTO-5-UPDOWN: Line protocol on Interface %s, changed state to up" % port, pid=False)
                h = rng.choice(self.HOSTS_WEB)
                self.sl(t + 0.3, h, "kernel", "[%d.%06d] bond0: link status definitely down for interface eth0, disabling it" % (int(t - T0 + 2000000), 1), pid=False)
                self.sl(t + 5, h, "kernel", "[%d.%06d] bond0: link status definitely up for interface eth0, 1000 Mbps full duplex." % (int(t - T0 + 2000000 + 5), 2), pid=False)
            elif d["kind"] == "widget":
                tt = t
                while tt < t + d["dur"]:
                    self.sl(tt, rng.choice(self.HOSTS_APP), "shop-app", "ERROR [req-%08x] RecentlyViewedWidget: redis timeout after 500ms (cache-eu-01:6379)" % rng.getrandbits(32))
                    tt += rng.uniform(3, 20)
            elif d["kind"] == "crawler":
                self.sl(t + 60, "mon-01", "nagios", "SERVICE ALERT: web-eu-01;HTTP requests;WARNING;SOFT;1;WARNING - request rate above baseline")
            elif d["kind"] == "surge":
                self.sl(t - 120, "mail-01", "postfix/smtp", "7A1E0B2C11: to=<partners@affiliate-net.example>, relay=mx.affiliate-net.example[10.20.3.9]:25, delay=0.4, status=sent (250 OK weekend deals feed)")

    # ------------------------------------------------------------------ output
    def write(self, outdir):
        os.makedirs(outdir, exist_ok=True)
        self.gen_machine()
        for s in self.sites:
            lines = self.gen_site(s)
            with open(os.path.join(outdir, "%s-access.log" % s["name"]), "w") as f:
                f.write("\n".join(l for _, l in lines))
                f.write("\n")
        self.background_syslog()
        self.cause_syslog()
        self.decoy_syslog()
        sys_lines = [x for x in self.syslog if self.start <= x[0] < self.stop]
        sys_lines.sort(key=lambda x: x[0])
        with open(os.path.join(outdir, "datacenter.syslog"), "w") as f:
            for t, host, tag, msg in sys_lines:
                if tag:
                    f.write("%s %s %s: %s\n" % (fmt_sys(t), host, tag, msg))
                else:
                    f.write("%s %s %s\n" % (fmt_sys(t), host, msg))
        ctrl = [s["name"] for s in self.sites if s["name"] not in self.affected]
        row = "%s,%s,%s,%s,%s,%s" % (os.path.basename(os.path.normpath(outdir)), self.cause, iso(self.begin), iso(self.end),
                                     ";".join(self.affected), ";".join(ctrl))
        # the truth goes BESIDE the folder (never inside it: the folder is imported as a whole)
        with open(os.path.normpath(outdir) + ".truth.txt", "w") as f:
            f.write("folder,cause,outage_begin_utc,outage_end_utc,affected_sites,control_sites\n" + row + "\n")
            f.write("# span %s .. %s; decoys: %s\n" % (iso(self.start), iso(self.stop),
                                                      "; ".join("%s@%s%s" % (d["kind"], iso(d["t"]), (" " + d["site"]) if "site" in d else "") for d in self.decoys)))
        return row


def main():
    a = sys.argv[1:]
    off = None
    if "--all-offset" in a:
        i = a.index("--all-offset")
        v = a[i + 1]
        off = (1 if v[0] == "+" else -1) * (int(v[1:3]) * 60 + int(v[3:5]))
        del a[i:i + 2]
    if len(a) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    cause, scale, seed, outdir = a[0], a[1], int(a[2]), a[3]
    if cause not in ("hardware", "ddos", "appddos", "flash", "deploy", "upstream") or scale not in SCALES:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sc = Scenario(cause, scale, seed, off)
    print(sc.write(outdir))


if __name__ == "__main__":
    main()
