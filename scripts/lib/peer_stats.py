"""Reads one load generator's own result file and prints one line for the benchmark scripts:
"p50_ms p95_ms p99_ms requests errors rps". Latencies are of successful requests where the
generator tells them apart (oha, k6), of all requests otherwise (Gatling's report table).

usage: peer_stats.py oha FILE.json | gatling REPORT_DIR REQUEST_NAME SECONDS | k6 FILE.json
"""
import html
import json
import re
import sys
from pathlib import Path


def oha(path):
    # oha's JSON: seconds; with --stats-success-breakdown it has percentiles of the successes alone
    data = json.loads(Path(path).read_text())
    pct, summary = data.get("latencyPercentilesSuccessful") or data["latencyPercentiles"], data["summary"]
    codes = data.get("statusCodeDistribution", {})
    ok = int(codes.get("200", 0))
    errors = sum(int(v) for k, v in codes.items() if k != "200") + sum(int(v) for v in data.get("errorDistribution", {}).values())
    return [pct["p50"] * 1000, pct["p95"] * 1000, pct["p99"] * 1000, ok + errors, errors, summary["requestsPerSec"]]


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
    if len(argv) < 3 or argv[1] not in readers:
        raise SystemExit(__doc__)
    p50, p95, p99, count, errors, rps = readers[argv[1]](*argv[2:])
    print("%.2f %.2f %.2f %d %d %.1f" % (p50, p95, p99, count, errors, rps))


if __name__ == "__main__":
    main(sys.argv)
