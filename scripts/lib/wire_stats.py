"""The referee of the benchmark scripts: one open-model run as the kernel saw it on loopback, timed by
tcpdump's clock, the same for every generator. Prints one line:
"send_lag_p50 send_lag_p99 answer_p50 answer_p99 delivered_p50 delivered_p95 delivered_p99 requests" (ms).

- send lag: how far each request left after its place on an even schedule of RATE per second, the
  schedule laid where it fits the generator's earliest sends (so a generator is never blamed for
  the grid's phase, only for sending late against its own); the k-th request sent is taken as the
  k-th one due;
- answer: from a request's last byte in to the first byte of its answer out: the mock's side;
- delivered: from the request's place on that schedule to the first byte of its answer, what an
  open-model generator reports when it counts from the intended start.
A generator whose own figures are far below "delivered" does not count its own lateness.

usage: wire_stats.py TCPDUMP_TEXT MOCK_PORT RATE REQUESTS
TCPDUMP_TEXT is `tcpdump -nn -tt -r FILE` output; the last REQUESTS requests sent are the measured run
(a warm-up, sent before it, is left out). A request whose answer is not in the capture (its end cut
off) still has its send timed; the answer and delivered figures are over the requests answered.
"""
import re
import sys

PACKET = re.compile(r"(\d+\.\d+) IP6? [\d.:a-f]+\.(\d+) > [\d.:a-f]+\.(\d+): .* length (\d+)")


def exchanges(path, port):
    """(request sent, answer's first byte or None) per request, in send order; a request is a
    connection's first data after its previous answer began."""
    pending, sent = {}, []
    with open(path) as lines:
        for line in lines:
            m = PACKET.match(line)
            if not m or int(m[4]) == 0:
                continue
            ts, src, dst = float(m[1]), m[2], m[3]
            if dst == port:
                if src not in pending:
                    pending[src] = [ts, None]
                    sent.append(pending[src])
            elif src == port and dst in pending:
                pending.pop(dst)[1] = ts
    sent.sort(key=lambda request: request[0])
    return [tuple(request) for request in sent]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def main(argv):
    if len(argv) != 5:
        raise SystemExit(__doc__)
    path, port, rate, requests = argv[1], argv[2], float(argv[3]), int(argv[4])
    run = exchanges(path, port)[-requests:]
    answered = [(i, sent, answer) for i, (sent, answer) in enumerate(run) if answer is not None]
    if len(answered) < 100:
        raise SystemExit("wire_stats: %d exchanges on port %s in %s; was the capture on loopback?"
                         % (len(answered), port, path))
    step = 1.0 / rate
    first = run[0][0]
    # the schedule's phase: the earliest send against an even grid, over the run's first second
    offsets = [sent - (first + i * step) for i, (sent, _) in enumerate(run)]
    origin = first + min(offsets[: int(rate)])
    lag = [(sent - (origin + i * step)) * 1000 for i, (sent, _) in enumerate(run)]
    answer = [(answered_at - sent) * 1000 for _, sent, answered_at in answered]
    delivered = [(answered_at - (origin + i * step)) * 1000 for i, _, answered_at in answered]
    figures = [percentile(lag, 0.5), percentile(lag, 0.99), percentile(answer, 0.5), percentile(answer, 0.99),
               percentile(delivered, 0.5), percentile(delivered, 0.95), percentile(delivered, 0.99)]
    print(" ".join("%.2f" % f for f in figures), len(run))


if __name__ == "__main__":
    main(sys.argv)
