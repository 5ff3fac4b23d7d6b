"""CPU time of ``recovery-guide check`` on the packaged content, against its budget.

    python benchmarks/check.py            # 7 runs
    python benchmarks/check.py --runs 3   # a rough look

A benchmark, not a test: it always exits 0 and marks a missed budget FAIL. It measures CPU time
(user + system, from ``os.wait4`` for each fresh process, and ``time.process_time`` inside one), not
wall time: the machine is shared, and CPU time moves much less with what else runs on it. See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

BUDGET_CHECK_CPU_S = 1.5
"""``recovery-guide check`` of the packaged content as a fresh process, median user + system CPU."""

IN_PROCESS = """
import time
start = time.process_time()
from recovery_guide.audit import check_content
imported = time.process_time()
report = check_content()
done = time.process_time()
assert report.exit_code == 0, report.problems
print(imported - start, done - imported)
"""


def fresh_process() -> tuple[float, float]:
    """One ``python -m recovery_guide check``: (CPU seconds, wall seconds)."""
    environment = {**os.environ, "LANG": "C.UTF-8"}
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "recovery_guide", "check"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"check exited with {process.returncode}: {process.stderr.read().decode(errors='replace') if process.stderr else ''}")
    return usage.ru_utime + usage.ru_stime, wall


def in_process() -> tuple[float, float]:
    """(import CPU seconds, ``check_content()`` CPU seconds), in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", IN_PROCESS], capture_output=True, text=True, check=True)
    imports, check = result.stdout.split()
    return float(imports), float(check)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    fresh_process()  # a warm-up run writes the bytecode caches a normal install already has
    runs = [fresh_process() for _ in range(args.runs)]
    inside = [in_process() for _ in range(args.runs)]
    cpu = statistics.median(run[0] for run in runs)
    rows = [
        (f"`recovery-guide check`, fresh process, CPU (user+sys), median of {args.runs}", f"{cpu:.2f} s", f"budget {BUDGET_CHECK_CPU_S:g} s", "pass" if cpu <= BUDGET_CHECK_CPU_S else "**FAIL**"),
        ("... wall time, same runs", f"{statistics.median(run[1] for run in runs):.2f} s", "", ""),
        ("... of which imports (in a fresh interpreter)", f"{statistics.median(run[0] for run in inside):.2f} s", "", ""),
        ("... of which `check_content()`", f"{statistics.median(run[1] for run in inside):.2f} s", "", ""),
    ]
    print(f"load average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print()
    print("| Metric | Value | Budget | Result |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
