"""``recovery-guide serve`` with 1, 4 and 8 readers: memory per session and time to the first screen.

    python benchmarks/serve_sessions.py            # about a minute on 2 cores; needs /usr/bin/chromium
    python benchmarks/serve_sessions.py --rounds 3 # more rounds per count, medians over all of them

A benchmark, not a test: it prints a table (see benchmarks/README.md) and always exits 0.

For each count N the installed command serves on a free loopback port; headless Chromium (the same
one and flags as tests/browser) opens N tabs one right after another, as readers arriving together
would. "First screen" is the time from asking for the page to the welcome text being drawn in that
tab's terminal (read from xterm's buffer, as the browser tests read it). Once every tab shows it, the
memory of each app process is read from /proc: RSS (what ``ps`` shows; shared libraries counted in
full for each) and PSS (shared pages divided among the processes that share them: what one more
session really costs). The tabs are then closed and the benchmark waits until their processes end.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.served import CATCH_TERMINAL, CHROMIUM, CHROMIUM_ARGS, VIEWPORT, Served, screen  # noqa: E402

WELCOME = "It is for learning only"
COUNTS = (1, 4, 8)


def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB, from /proc; (0, 0) if it has ended."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if line.split()[-1] == "kB"}
    return fields.get("Rss", 0), fields.get("Pss", 0)


def wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        time.sleep(0.02)


def one_round(browser, served: Served, count: int) -> dict[str, list[float]]:
    context = browser.new_context(viewport=VIEWPORT)
    pages, started, first_screen = [], [], {}
    for _ in range(count):
        page = context.new_page()
        page.add_init_script(CATCH_TERMINAL)
        started.append(time.monotonic())
        page.goto(served.url, wait_until="commit")
        pages.append(page)

    def all_drawn() -> bool:
        for index, page in enumerate(pages):
            if index not in first_screen and WELCOME in screen(page):
                first_screen[index] = time.monotonic() - started[index]
        return len(first_screen) == count

    wait(all_drawn, 120, f"{count} first screens")
    processes = served.app_processes()
    memory = [memory_kib(pid) for pid in processes]
    server_rss, _server_pss = memory_kib(served.process.pid)
    context.close()
    wait(lambda: not served.app_processes(), 60, "the sessions to end after their tabs closed")
    return {
        "first_screen": list(first_screen.values()),
        "rss": [rss / 1024 for rss, _pss in memory],
        "pss": [pss / 1024 for _rss, pss in memory],
        "server_rss": [server_rss / 1024],
        "processes": [len(processes)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="rounds per session count (default 1)")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium")
        return 0
    from playwright.sync_api import sync_playwright

    print(f"# serve sessions: Python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    rows = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as home:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        served = Served(Path(home), "--max-sessions", str(max(COUNTS)))
        try:
            one_round(browser, served, 1)  # warm-up: bytecode and disk caches, as a second reader finds them
            for count in COUNTS:
                results: dict[str, list[float]] = {}
                for _ in range(args.rounds):
                    for key, values in one_round(browser, served, count).items():
                        results.setdefault(key, []).extend(values)
                rows.append((count, results))
        finally:
            served.stop()
            browser.close()
    print(f"load after: {os.getloadavg()[0]:.2f}\n")
    print("| Sessions | First screen, median | First screen, slowest | RSS per session, mean | PSS per session, mean | All sessions, PSS | Server RSS |")
    print("|---|---|---|---|---|---|---|")
    for count, results in rows:
        first = results["first_screen"]
        pss = results["pss"]
        print(
            f"| {count} | {statistics.median(first):.2f} s | {max(first):.2f} s | {statistics.mean(results['rss']):.1f} MiB "
            f"| {statistics.mean(pss):.1f} MiB | {sum(pss) / args.rounds:.0f} MiB | {statistics.mean(results['server_rss']):.1f} MiB |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
