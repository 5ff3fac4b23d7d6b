"""Speed and memory of Recovery Guide beside a minimal Textual app: one table, budgets marked.

    python benchmarks/run.py            # under a minute on 2 cores
    python benchmarks/run.py --quick    # fewer repetitions, for a rough look

A benchmark, not a test: it always exits 0, and marks a missed budget FAIL in the table. Every
process is fresh; the apps run in a real pseudo-terminal (not headless). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _pty  # noqa: E402

BUDGET_START = 1.3
"""Cold start to first frame: at most this many times the minimal app's."""
BUDGET_MEMORY = 1.5
"""Peak memory: at most this many times the minimal app's."""
BUDGET_NEXT_MS = 50.0
BUDGET_NEXT_SLOWEST_MS = 3 * BUDGET_NEXT_MS
"""No screen far slower to turn to than the rest: the About screen's numbered list of sources, as
Textual's Markdown builds it (four widgets an item), once took two seconds where the others took a
fifth of one; a median hides that."""
BUDGET_LANGUAGE_MS = 100.0
BUDGET_PRINT_MS = 1000.0

KEY_RIGHT, KEY_LEFT, KEY_ENTER = b"\x1b[C", b"\x1b[D", b"\r"
GAP = 0.05
"""Seconds the parent waits before each key, on top of the child's own quiet period (not counted)."""


def median(values):
    return statistics.median(values)


def first_frame_run(script: str, results: dict, name: str) -> None:
    """One run of ``script`` to its first frame: time from launch, and peak memory (wait4)."""
    child = _pty.spawn([sys.executable, str(HERE / script)])
    try:
        frame = child.next_report()
        status, maxrss = child.wait()
    finally:
        if child.process.returncode is None:
            child.process.kill()
    if status != 0:
        raise RuntimeError(f"{script} exited with {status}:\n{child.tail()}")
    entry = results.setdefault(name, {"start_ms": [], "maxrss_kib": []})
    entry["start_ms"].append((frame["first_frame"] - child.started) * 1000)
    entry["maxrss_kib"].append(maxrss)


def measure_start(runs: int) -> dict:
    """Both apps, alternately, so drift in the machine's load touches both alike.

    One discarded warm-up run each first: it writes bytecode caches for a source checkout and
    brings the files into the OS cache, as any second launch after installing would find them.
    """
    results: dict = {}
    plan = [("first_frame.py", "guide"), ("minimal_app.py", "minimal")]
    for script, name in plan:
        first_frame_run(script, {}, name)
    for _ in range(runs):
        for script, name in plan:
            first_frame_run(script, results, name)
    return results


def measure_in_app(rounds: int, switches: int) -> dict:
    """Next/previous sweeps over the whole guide, then language switches, all in one app process."""
    child = _pty.spawn([sys.executable, str(HERE / "in_app.py"), "--lang", "en"])
    samples: dict[str, list[dict]] = {"next": [], "previous": [], "language": []}
    try:
        ready = child.next_report(timeout=60)
        last, index = ready["screens"] - 1, ready["index"]
        # Right to the end, left to the start, `rounds` times: every screen, both ways.
        for _ in range(rounds):
            for key, kind, stop in ((KEY_RIGHT, "next", last), (KEY_LEFT, "previous", 0)):
                while index != stop:
                    time.sleep(GAP)
                    child.send(key)
                    sample = child.next_report()
                    assert sample["kind"] == kind, sample
                    samples[kind].append(sample)
                    index = sample["index"]
        # en -> es -> de -> ... (the order is in in_app.LANGUAGES); the picker highlights the next one.
        for _ in range(switches):
            time.sleep(GAP)
            child.send(b"l")
            assert child.next_report()["kind"] == "picker"
            time.sleep(GAP)
            child.send(KEY_ENTER)
            sample = child.next_report()
            assert sample["kind"] == "language", sample
            samples["language"].append(sample)
        time.sleep(GAP)
        child.send(b"q")
        status, maxrss = child.wait()
    finally:
        if child.process.returncode is None:
            child.process.kill()
    if status != 0:
        raise RuntimeError(f"in_app.py exited with {status}:\n{child.tail()}")
    samples["maxrss_kib"] = maxrss
    return samples


def measure_print(runs: int) -> dict:
    """``print`` of every language: as fresh processes (one per language), and all in one process."""
    env = _pty.child_environment()
    codes = sorted(path.name for path in _content_root().iterdir() if (path / "language.yaml").is_file())
    fresh: dict[str, list[float]] = {code: [] for code in codes}
    inside: list[dict] = []
    interpreter: list[float] = []
    command = [sys.executable, "-m", "recovery_guide", "print", "--lang"]
    subprocess.run([*command, "en"], env=env, stdout=subprocess.DEVNULL, check=True)  # warm-up
    for _ in range(runs):
        for code in codes:
            start = time.monotonic()
            subprocess.run([*command, code], env=env, stdout=subprocess.DEVNULL, check=True)
            fresh[code].append((time.monotonic() - start) * 1000)
        start = time.monotonic()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        interpreter.append((time.monotonic() - start) * 1000)
        child = _pty.spawn([sys.executable, str(HERE / "print_all.py")], env)
        report = child.next_report(timeout=60)
        child.wait()
        report["process_ms"] = (time.monotonic() - child.started) * 1000
        inside.append(report)
    return {"fresh": fresh, "inside": inside, "interpreter": interpreter}


def _content_root() -> Path:
    from recovery_guide.paths import content_dir

    return content_dir()


def _catalogs() -> str:
    from recovery_guide.paths import locales_dir

    compiled = any(locales_dir().glob("*/LC_MESSAGES/*.mo"))
    return "compiled .mo (as installed from a wheel)" if compiled else ".po compiled in memory at each language switch (source checkout)"


def _content() -> str:
    from recovery_guide.guide_content.preparsed import CACHE_NAME

    stored = (_content_root() / "en" / CACHE_NAME).is_file()
    return "pre-parsed by the build (installed wheel)" if stored else "YAML parsed at start (source checkout)"


def verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a rough look, not for the README)")
    parser.add_argument("--runs", type=int, help="cold-start runs per app (default 15, quick 5)")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # the table and the progress lines on stderr stay in order
    runs = args.runs or (5 if args.quick else 15)
    rounds, switches, print_runs = (1, 7, 1) if args.quick else (2, 21, 3)

    import textual

    load_before = os.getloadavg()
    print(f"Recovery Guide benchmark: {os.cpu_count()} cores, Python {platform.python_version()}, Textual {textual.__version__}, {platform.system()} {platform.machine()}")
    print(f"Apps run in a real pty of {_pty.COLUMNS}x{_pty.ROWS} (TERM=xterm-256color), fresh process each; UI catalogs: {_catalogs()}; content: {_content()}")
    print("Measuring cold start ...", file=sys.stderr, flush=True)
    start = measure_start(runs)
    print("Measuring next screen and language switch ...", file=sys.stderr, flush=True)
    in_app = measure_in_app(rounds, switches)
    print("Measuring print ...", file=sys.stderr, flush=True)
    printing = measure_print(print_runs)
    load_after = os.getloadavg()

    guide, minimal = start["guide"], start["minimal"]
    rows = []
    g, m = median(guide["start_ms"]), median(minimal["start_ms"])
    rows.append((f"Cold start to first frame, median of {runs}", f"{g:.0f} ms", f"{m:.0f} ms", f"{g / m:.2f}x (budget {BUDGET_START}x)", verdict(g <= BUDGET_START * m)))
    g_min, m_min = min(guide["start_ms"]), min(minimal["start_ms"])
    rows.append(("Cold start to first frame, fastest", f"{g_min:.0f} ms", f"{m_min:.0f} ms", f"{g_min / m_min:.2f}x", ""))
    g, m = median(guide["maxrss_kib"]) / 1024, median(minimal["maxrss_kib"]) / 1024
    rows.append(("Peak memory (max RSS) of a run to the first frame", f"{g:.1f} MiB", f"{m:.1f} MiB", f"{g / m:.2f}x (budget {BUDGET_MEMORY}x)", verdict(g <= BUDGET_MEMORY * m)))

    def timings(kind: str, key: str = "key_ms") -> list[float]:
        return [sample[key] for sample in in_app[kind]]

    nxt, prev, lang = timings("next"), timings("previous"), timings("language")
    rows.append((f"Next screen (Right), key to final screen, median of {len(nxt)}", f"{median(nxt):.0f} ms", "", f"budget {BUDGET_NEXT_MS:.0f} ms", verdict(median(nxt) <= BUDGET_NEXT_MS)))
    rows.append(("Next screen, slowest", f"{max(nxt):.0f} ms", "", f"budget {BUDGET_NEXT_SLOWEST_MS:.0f} ms", verdict(max(nxt) <= BUDGET_NEXT_SLOWEST_MS)))
    rows.append(("Next screen, key to last frame written, median", f"{median(timings('next', 'settled_ms')):.0f} ms", "", "", ""))
    rows.append((f"Previous screen (Left), median of {len(prev)}", f"{median(prev):.0f} ms", "", "", ""))
    rows.append((f"Language switch (Enter in picker), key to final screen, median of {len(lang)}", f"{median(lang):.0f} ms", "", f"budget {BUDGET_LANGUAGE_MS:.0f} ms", verdict(median(lang) <= BUDGET_LANGUAGE_MS)))
    seen, first_time = {"en"}, []
    for sample in in_app["language"]:
        if sample["language"] not in seen:
            seen.add(sample["language"])
            first_time.append(sample["key_ms"])
    if first_time:
        rows.append((f"Language switch, first visit to a language (loads it), median of {len(first_time)}", f"{median(first_time):.0f} ms", "", "", ""))
    rows.append(("Language switch, slowest", f"{max(lang):.0f} ms", "", "", ""))
    rows.append(("Language switch, key to last frame written, median", f"{median(timings('language', 'settled_ms')):.0f} ms", "", "", ""))
    rows.append(("Peak memory after all of the above", f"{in_app['maxrss_kib'] / 1024:.1f} MiB", "", "", ""))

    inside_total = median(report["total_ms"] for report in printing["inside"])
    inside_process = median(report["process_ms"] for report in printing["inside"])
    codes = list(printing["fresh"])
    rows.append((f"`print` of all {len(codes)} languages in one process (imports included)", f"{inside_total:.0f} ms", "", f"budget {BUDGET_PRINT_MS:.0f} ms", verdict(inside_total <= BUDGET_PRINT_MS)))
    rows.append((f"`print` of all {len(codes)} languages in one process, whole process", f"{inside_process:.0f} ms", "", "", ""))
    fresh = {code: median(values) for code, values in printing["fresh"].items()}
    total = sum(fresh.values())
    rows.append((f"`print` of all {len(codes)} languages as {len(codes)} fresh processes, total", f"{total:.0f} ms", "", f"budget {BUDGET_PRINT_MS:.0f} ms", verdict(total <= BUDGET_PRINT_MS)))
    rows.append(("Python start alone (`python -c pass`)", f"{median(printing['interpreter']):.0f} ms", "", "", ""))

    header = ("Metric", "Recovery Guide", "Minimal app", "Ratio / budget", "Result")
    widths = [max(len(str(row[column])) for row in [header, *rows]) for column in range(len(header))]

    def line(cells) -> str:
        return "| " + " | ".join(str(cell).ljust(width) for cell, width in zip(cells, widths)) + " |"

    unsettled = sum(sample["gave_up"] for kind in ("next", "previous", "language") for sample in in_app[kind])
    print()
    if unsettled:
        print(f"Warning: {unsettled} response(s) were still drawing 2 s after the key; their times are cut short.")
    print(line(header))
    print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for row in rows:
        print(line(row))
    print()
    per_language = ", ".join(f"{code} {fresh[code]:.0f}" for code in codes)
    print(f"`print --lang X` as a fresh process, median ms: {per_language}")
    inside_per = {code: median(report["per_language_ms"][code] for report in printing["inside"]) for code in codes}
    print("`print` in one process, median ms per language (the first pays for imports): " + ", ".join(f"{code} {inside_per[code]:.0f}" for code in inside_per))
    print(f"Load average (1 min) before {load_before[0]:.2f}, after {load_after[0]:.2f}; a busy machine inflates every figure.")
    failed = sum("FAIL" in row[-1] for row in rows)
    print(f"{failed} budget(s) missed." if failed else "All budgets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
