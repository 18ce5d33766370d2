#!/usr/bin/env python3
"""Time from starting `faqdesk` on a pseudo-terminal to its first prompt.

usage: bench/console_open.py FAQDESK [RUNS]

Prints the median and the 90th percentile over RUNS starts (default 50), and
the same for `FAQDESK --version` (process start, no FAQ) as the floor.
"""
import os
import pty
import select
import statistics
import sys
import tempfile
import time


def time_to(argv, marker, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = time.perf_counter() - start
    if marker == b"faqdesk> ":
        os.write(fd, b"\x04")
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"no {marker!r} from {argv}: {seen[-200:]!r}")
    return elapsed


def summary(times):
    times = sorted(times)
    return statistics.median(times) * 1000, times[int(len(times) * 0.9)] * 1000


def main():
    faqdesk = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as state:
        env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": state, "XDG_STATE_HOME": state,
               "XDG_CACHE_HOME": os.path.join(state, "cache")}
        faq = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "faq.yaml")
        console = [time_to([faqdesk, "--faq", faq], b"faqdesk> ", env) for _ in range(runs)]
        floor = [time_to([faqdesk, "--version"], b"faqdesk ", env) for _ in range(runs)]
    c50, c90 = summary(console)
    f50, f90 = summary(floor)
    print(f"console open (start to prompt): median {c50:.1f} ms, p90 {c90:.1f} ms  (target < 10 ms)")
    print(f"floor (faqdesk --version):      median {f50:.1f} ms, p90 {f90:.1f} ms")
    print(f"ratio console/floor: {c50 / f50:.2f}")


if __name__ == "__main__":
    main()
