#!/usr/bin/env python3
"""Writes a large PRI-less datacenter syslog for `inquest bench ingest` / `inquest bench templates`.

The line shapes are those of the devices and daemons of a small datacenter (Cisco IOS, Arista EOS,
Junos, Linux kernel and NIC drivers, EDAC, sshd, cron, HAProxy, nginx, php-fpm, MySQL, Nagios,
puppet, BIND), with hosts, pids, addresses, ports, users and counters varying per line. It knows
nothing of Inquest's parser; it only writes what such hosts write to /var/log/syslog.

usage: gen_syslog.py OUT SIZE_MB [SEED]
"""
import random
import sys

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
USERS = ["root", "deploy", "backup", "nagios", "admin", "www-data", "git", "postgres"]
PATHS = ["/", "/basket", "/checkout", "/search", "/product/4711", "/static/app.js", "/api/v1/cart"]


def ip(r):
    return f"{r.choice([10, 172, 192])}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"


def shapes(r):
    host = r.choice(HOSTS)
    pid = r.randrange(100, 65000)
    port = r.randrange(1024, 65535)
    n = r.randrange(0, 48)
    return r.choice([
        lambda: f"{r.choice(SWITCHES)} {r.randrange(1, 99999)}: {r.choice(SWITCHES)}: *Dec 12 21:40:01.{r.randrange(1000):03d}: %LINK-3-UPDOWN: Interface GigabitEthernet1/0/{n}, changed state to {r.choice(['down', 'up'])}",
        lambda: f"{r.choice(SWITCHES)} Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet{n}, changed state to {r.choice(['down', 'up'])}",
        lambda: f"{r.choice(ROUTERS)} mib2d[{pid}]: SNMP_TRAP_LINK_DOWN: ifIndex {r.randrange(500, 600)}, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/{n}",
        lambda: f"{host} kernel: [{r.randrange(10**7)}.{r.randrange(10**6):06d}] ixgbe 0000:0{n % 8}:00.0 eth{n % 4}: NIC Link is {r.choice(['Down', 'Up 10 Gbps, Flow Control: RX/TX'])}",
        lambda: f"{host} kernel: [{r.randrange(10**7)}.{r.randrange(10**6):06d}] EDAC MC{n % 2}: {r.randrange(1, 9)} CE memory read error on CPU_SrcID#0_Ha#0_Chan#{n % 4}_DIMM#0 (channel:{n % 4} slot:0 page:0x{r.randrange(16**5):x} offset:0x0 grain:32 syndrome:0x0)",
        lambda: f"{host} sshd[{pid}]: Accepted publickey for {r.choice(USERS)} from {ip(r)} port {port} ssh2",
        lambda: f"{host} sshd[{pid}]: Failed password for invalid user {r.choice(USERS)} from {ip(r)} port {port} ssh2",
        lambda: f"{host} sshd[{pid}]: pam_unix(sshd:session): session opened for user {r.choice(USERS)} by (uid=0)",
        lambda: f"{host} CRON[{pid}]: ({r.choice(USERS)}) CMD (  /usr/lib/php5/maxlifetime)",
        lambda: f"lb{n % 3} haproxy[{pid}]: {ip(r)}:{port} [12/Dec/2010:21:40:{n % 60:02d}.{r.randrange(1000):03d}] shop~ shop_backend/web-{n % 9:02d} 0/0/{r.randrange(5)}/{r.randrange(900)}/{r.randrange(999)} {r.choice([200, 200, 200, 503, 304])} {r.randrange(90000)} - - ---- {r.randrange(900)}/{r.randrange(900)}/0/0/0 0/0 \"GET {r.choice(PATHS)} HTTP/1.1\"",
        lambda: f"{host} nginx: 2010/12/12 21:40:{n % 60:02d} [error] {pid}#0: *{r.randrange(10**6)} upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip(r)}, server: www.example.co.uk, request: \"GET {r.choice(PATHS)} HTTP/1.1\"",
        lambda: f"{host} php-fpm[{pid}]: [WARNING] [pool www] child {r.randrange(100, 65000)} exited on signal 11 (SIGSEGV) after {r.randrange(10**5)}.{r.randrange(10**6)} seconds from start",
        lambda: f"db-0{n % 4} mysqld: 101212 21:40:{n % 60:02d} [Note] Aborted connection {r.randrange(10**6)} to db: 'shop' user: 'app' host: 'web-0{n % 9}' (Got timeout reading communication packets)",
        lambda: f"mon1 nagios: SERVICE ALERT: web-0{n % 9};HTTP;{r.choice(['CRITICAL', 'WARNING', 'OK'])};SOFT;{n % 3 + 1};HTTP {r.choice(['CRITICAL', 'OK'])} - {r.randrange(100)}.{r.randrange(1000):03d} second response time",
        lambda: f"{host} puppet-agent[{pid}]: Finished catalog run in {r.randrange(60)}.{r.randrange(100):02d} seconds",
        lambda: f"ns{n % 2} named[{pid}]: client {ip(r)}#{port} ({r.choice(['www', 'api', 'img'])}.example.co.uk): query (cache) '{r.choice(['www', 'api'])}.example.co.uk/A/IN' denied",
        lambda: f"{host} systemd[1]: Started Session {r.randrange(10**5)} of user {r.choice(USERS)}.",
        lambda: f"{host} ipmiseld[{pid}]: PSU {n % 2 + 1} Power Supply {r.choice(['Failure Detected', 'AC lost', 'Presence detected'])}: {r.choice(['Asserted', 'Deasserted'])}",
    ])()


HOSTS = [f"web-{i:02d}" for i in range(1, 19)] + [f"db-{i:02d}" for i in range(1, 5)] + ["mon1", "ns1", "ns2"]
SWITCHES = ["core-sw1", "core-sw2", "leaf1", "leaf2", "leaf3", "leaf4", "10.20.0.2", "10.20.0.3"]
ROUTERS = ["mx1", "mx2"]


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    limit = int(size_mb * 1e6)
    written = 0
    second = 0
    with open(out, "w", buffering=1 << 22) as f:
        while written < limit:
            second += r.randrange(0, 2)
            day = 1 + (second // 86400) % 28
            month = MONTHS[(second // (86400 * 28)) % 12]
            t = second % 86400
            batch = []
            for _ in range(64):
                batch.append(f"{month} {day:2d} {t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d} {shapes(r)}\n")
            chunk = "".join(batch)
            f.write(chunk)
            written += len(chunk)


if __name__ == "__main__":
    main()
