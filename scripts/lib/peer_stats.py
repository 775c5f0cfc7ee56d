"""Reads one load generator's own result file and prints one line for the benchmark scripts:
"p50_ms p95_ms p99_ms requests errors rps". Latencies are of successful requests where the
generator tells them apart (oha, k6), of all requests otherwise (Gatling's report table).

oha's open model (-q RATE --latency-correction) starts each request's clock when its timer woke, not
at the request's place on the schedule: tokio's timer keeps whole milliseconds and wakes late, and
that lateness is missing from oha's own percentiles. Given the run's --db-url file and its rate,
`oha` times every request from its place on an even schedule of RATE per second: the k-th wake-up is
the k-th request due, as oha's sender loop wakes for them one by one in order. The schedule is laid
where oha's earliest wake-up against it puts it (as the referee, wire_stats.py, lays its), so oha is
not blamed for the phase of tokio's millisecond ticks against its start, only for waking late
against them. `oha-wakeups` prints how late the timer woke against that schedule: "p50_ms p99_ms max_ms".

usage: peer_stats.py oha FILE.json [DB RATE] | oha-wakeups DB RATE
                   | gatling REPORT_DIR REQUEST_NAME SECONDS | k6 FILE.json
"""
import html
import json
import math
import re
import sqlite3
import sys
from pathlib import Path


def oha(path, db=None, rate=None):
    # oha's JSON: seconds; with --stats-success-breakdown it has percentiles of the successes alone
    data = json.loads(Path(path).read_text())
    pct, summary = data.get("latencyPercentilesSuccessful") or data["latencyPercentiles"], data["summary"]
    codes = data.get("statusCodeDistribution", {})
    ok = int(codes.get("200", 0))
    failed = sum(int(v) for v in data.get("errorDistribution", {}).values())
    errors = sum(int(v) for k, v in codes.items() if k != "200") + failed
    if db is None:
        p50, p95, p99 = pct["p50"] * 1000, pct["p95"] * 1000, pct["p99"] * 1000
    else:
        if failed:
            # oha's file keeps answered requests only: with one missing, wake-ups and places no longer pair
            raise SystemExit("peer_stats: %d of oha's requests got no answer (%s), so its recorded requests cannot be "
                             "paired with its schedule; rerun on a quieter machine or read oha's own figures in %s"
                             % (failed, ", ".join(data["errorDistribution"]), path))
        requests = scheduled(db, rate)
        expected = float(rate) * summary["total"]
        if abs(len(requests) - expected) > 0.05 * expected + 2:
            raise SystemExit("peer_stats: oha sent %d requests in %.1f s, not the %.0f that %s/s makes; is %s the rate "
                             "oha ran at?" % (len(requests), summary["total"], expected, rate, rate))
        latencies = [end - due for due, _, end, status in requests if status == 200]
        p50, p95, p99 = (percentile(latencies, q) * 1000 for q in (0.50, 0.95, 0.99))
    return [p50, p95, p99, ok + errors, errors, summary["requestsPerSec"]]


def scheduled(db, rate):
    """(due, woke, end, status) in seconds from oha's start, for every request in oha's --db-url file."""
    rows = sqlite3.connect(db).execute(
        "SELECT start_latency_correction, end, status FROM oha ORDER BY start_latency_correction, start").fetchall()
    if not rows or rows[0][0] is None:
        raise SystemExit("peer_stats: %s has no wake-up times; was oha run with -q RATE --latency-correction?" % db)
    step = 1.0 / float(rate)
    origin = min(woke - k * step for k, (woke, _, _) in enumerate(rows))
    return [(origin + k * step, woke, end, status) for k, (woke, end, status) in enumerate(rows)]


def oha_wakeups(db, rate):
    late = [woke - due for due, woke, _, _ in scheduled(db, rate)]
    return [percentile(late, 0.50) * 1000, percentile(late, 0.99) * 1000, max(late) * 1000]


def percentile(values, q):
    """The nearest-rank percentile: the smallest value with at least q of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def gatling(report_dir, request_name, seconds):
    # Gatling 3.15 no longer writes js/stats.json: the figures are the statistics table of index.html
    # (whole milliseconds, as Gatling times requests), columns found by their headers.
    page = (Path(report_dir) / "index.html").read_text()
    headers = dict((label, col) for col, label in re.findall(r'id="col-(\d+)"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)', page))
    for row in re.findall(r"<tr id=\"req_[^\"]*\".*?</tr>", page, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)<', row)
        if name and html.unescape(name.group(1)) == request_name:
            cell = lambda label: float(re.search(r'col-%s">([^<]*)<' % headers[label], row).group(1).replace(",", ""))
            count, errors = int(cell("Total")), int(cell("KO"))
            return [cell("50th pct"), cell("95th pct"), cell("99th pct"), count, errors, count / float(seconds)]
    raise SystemExit("peer_stats: no request named '%s' in %s/index.html; is the simulation's request name the same?"
                     % (request_name, report_dir))


def k6(path):
    m = json.loads(Path(path).read_text())["metrics"]
    lat, req = m["chat_completion_latency"]["values"], m["requests_total"]["values"]
    errors = m.get("error_rate", {}).get("values", {}).get("passes", 0)  # a Rate's "passes" are its true samples
    return [lat["med"], lat["p(95)"], lat["p(99)"], req["count"], errors, req["rate"]]


def main(argv):
    readers = {"oha": oha, "gatling": gatling, "k6": k6}
    if len(argv) == 4 and argv[1] == "oha-wakeups":
        print("%.2f %.2f %.2f" % tuple(oha_wakeups(*argv[2:])))
        return
    if len(argv) < 3 or argv[1] not in readers:
        raise SystemExit(__doc__)
    p50, p95, p99, count, errors, rps = readers[argv[1]](*argv[2:])
    print("%.2f %.2f %.2f %d %d %.1f" % (p50, p95, p99, count, errors, rps))


if __name__ == "__main__":
    main(sys.argv)
