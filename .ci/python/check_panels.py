#!/usr/bin/env python3
"""Runs every code panel of Logit Lab in the real frameworks and compares what it prints with
what the page shows.

Input: target/code-panels.json, written by `cargo test --test code_panels` (every step's
Keras 3 and PyTorch program for its default state and three seeded random states, with the
value each printed line must show on each Keras backend).

Each Keras program runs under Keras 3 with the TensorFlow, JAX and PyTorch backends (one
worker process per backend, since Keras picks its backend once per process); each PyTorch
program runs under PyTorch. A program fails when it raises, prints a different number of
values, or prints a value off by more than the page's display precision (4 significant
digits: |got - shown| <= 5e-4 |shown| + 1e-6). Two deliberately broken programs ride along in
every worker (one that crashes, one that prints a wrong value): if either passes, the checker
itself is broken and the run fails.

Usage: check_panels.py [--json PATH] [--only TEXT] [--workers tensorflow,jax,torch,pytorch]
"""

import argparse
import contextlib
import io
import json
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import traceback

WORKERS = ["tensorflow", "jax", "torch", "pytorch"]
NUMBER = re.compile(
    r"(?<![\w.])[-+]?(?:(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|inf|nan)(?![\w.])"
)
REL, ABS = 5e-4, 1e-6
TIMEOUT_S = 120

SELF_TEST = [
    {
        "route": "#/self-test/crash",
        "state": "broken on purpose",
        "expect_failure": True,
        "code": "import numpy as np\nprint(\"loss:\", float(np.mean(y_true)))\n",
        "prints": [{"label": "loss", "values": [{"backends": ["tensorflow", "jax", "torch"], "values": [1.0]}]}],
    },
    {
        "route": "#/self-test/wrong-value",
        "state": "broken on purpose",
        "expect_failure": True,
        "code": "import numpy as np\nprint(\"loss:\", float(np.log(2.0)))\n",
        "prints": [{"label": "loss", "values": [{"backends": ["tensorflow", "jax", "torch"], "values": [0.6940]}]}],
    },
]


def expected_on(program, backend):
    """The flat list of values the page shows for this program on this backend."""
    out = []
    for line in program["prints"]:
        for group in line["values"]:
            if backend in group["backends"]:
                out.extend(float(v) for v in group["values"])
                break
        else:
            raise ValueError(f"no value for {line['label']!r} on {backend}")
    return out


def parse_printed(text):
    """Every number printed, in order; a line's `label: ` prefix is skipped."""
    values = []
    for line in text.splitlines():
        if ": " in line:
            line = line.split(": ", 1)[1]
        values.extend(float(m) for m in NUMBER.findall(line))
    return values


def close(got, want):
    if math.isnan(want):
        return math.isnan(got)
    if math.isinf(want):
        return got == want
    return abs(got - want) <= REL * abs(want) + ABS


def compare(got, want):
    if len(got) != len(want):
        return f"printed {len(got)} values {got}, the page shows {len(want)}: {want}"
    bad = [(i, g, w) for i, (g, w) in enumerate(zip(got, want)) if not close(g, w)]
    if bad:
        return "; ".join(f"value {i}: printed {g!r}, the page shows {w!r}" for i, g, w in bad[:4])
    return None


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout(f"took longer than {TIMEOUT_S} s")


def run_worker(kind, programs, out_path):
    """Runs programs in this process (Keras backend fixed by KERAS_BACKEND)."""
    import numpy as np

    backend = kind if kind != "pytorch" else "tensorflow"  # PyTorch values hold on every backend
    signal.signal(signal.SIGALRM, _alarm)
    results = []
    for index, program in enumerate(programs):
        started = time.time()
        stdout = io.StringIO()
        error = None
        signal.alarm(TIMEOUT_S)
        try:
            with contextlib.redirect_stdout(stdout):
                exec(compile(program["code"], f"<panel {program['route']}>", "exec"), {"__name__": "__main__"})
        except BaseException as e:  # a panel may raise anything, SystemExit included
            error = "".join(traceback.format_exception_only(type(e), e)).strip()
            tb = traceback.extract_tb(e.__traceback__)
            panel_lines = [f"line {f.lineno}" for f in tb if f.filename.startswith("<panel")]
            if panel_lines:
                error += f" (at {panel_lines[-1]} of the panel)"
        finally:
            signal.alarm(0)
        if kind != "pytorch" and "keras" in sys.modules:
            sys.modules["keras"].backend.clear_session()
        np.set_printoptions()
        printed = stdout.getvalue()
        problem = None
        if error is None:
            problem = compare(parse_printed(printed), expected_on(program, backend))
        results.append({
            "index": index,
            "ok": error is None and problem is None,
            "crash": error,
            "mismatch": problem,
            "printed": printed[-2000:],
            "seconds": round(time.time() - started, 3),
        })
    with open(out_path, "w") as f:
        json.dump(results, f)


def versions(kind):
    if kind == "pytorch":
        import torch
        return f"torch {torch.__version__}"
    import keras
    return f"keras {keras.__version__} on {keras.backend.backend()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "code-panels.json"))
    parser.add_argument("--only", default="", help="only routes containing this text")
    parser.add_argument("--workers", default=",".join(WORKERS))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--programs", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        with open(args.programs) as f:
            programs = json.load(f)
        run_worker(args.worker, programs, args.out)
        with open(args.out + ".version", "w") as f:
            f.write(versions(args.worker))
        return 0

    with open(args.json) as f:
        everything = json.load(f)["programs"]
    chosen = [p for p in everything if args.only in p["route"]]
    kinds = [k for k in args.workers.split(",") if k]
    started = time.time()
    tmp = tempfile.mkdtemp(prefix="panels-")
    procs = {}
    jobs = {}
    for kind in kinds:
        framework = "pytorch" if kind == "pytorch" else "keras"
        job = [p for p in chosen if p["framework"] == framework] + SELF_TEST
        jobs[kind] = job
        programs_path = os.path.join(tmp, f"{kind}.json")
        with open(programs_path, "w") as f:
            json.dump(job, f)
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0", CUDA_VISIBLE_DEVICES="")
        if kind != "pytorch":
            env["KERAS_BACKEND"] = kind
        out = os.path.join(tmp, f"{kind}.out.json")
        procs[kind] = (subprocess.Popen(
            [sys.executable, __file__, "--worker", kind, "--programs", programs_path, "--out", out],
            env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, f"{kind}.stderr"), "w"),
        ), out)

    failures = 0
    self_test_broken = []
    print(f"{'worker':<28} {'programs':>8} {'ok':>5} {'crash':>6} {'wrong':>6} {'seconds':>8}")
    for kind, (proc, out) in procs.items():
        code = proc.wait()
        if code != 0 or not os.path.exists(out):
            with open(os.path.join(tmp, f"{kind}.stderr")) as f:
                print(f"worker {kind} died (exit {code}):\n{f.read()[-3000:]}")
            failures += 1
            continue
        with open(out) as f:
            results = json.load(f)
        with open(out + ".version") as f:
            label = f.read()
        job = jobs[kind]
        crash = wrong = ok = 0
        for r in results:
            program = job[r["index"]]
            if program.get("expect_failure"):
                if r["ok"]:
                    self_test_broken.append(f"{kind}: {program['route']} passed, but it is broken on purpose")
                continue
            if r["ok"]:
                ok += 1
                continue
            failures += 1
            if r["crash"]:
                crash += 1
            else:
                wrong += 1
            print(f"\n--- FAIL [{label}] {program['route']} ({program['state']}, {program['framework']})")
            print(f"    {r['crash'] or r['mismatch']}")
            print("    program:\n" + "\n".join("      " + l for l in program["code"].splitlines()))
            if r["printed"].strip():
                print("    printed:\n" + "\n".join("      " + l for l in r["printed"].splitlines()[-12:]))
        seconds = sum(r["seconds"] for r in results)
        print(f"{label:<28} {len(results) - len(SELF_TEST):>8} {ok:>5} {crash:>6} {wrong:>6} {seconds:>8.1f}")
    for line in self_test_broken:
        print("SELF-TEST FAILED: " + line)
    print(f"checked {len(chosen)} programs in {time.time() - started:.0f} s; the two broken-on-purpose programs failed as they must" if not self_test_broken else "")
    if failures or self_test_broken or not chosen:
        print(f"FAILED: {failures} program runs failed" + ("" if chosen else "; no programs matched"))
        return 1
    print("every panel prints what the page shows, on every backend")
    return 0


if __name__ == "__main__":
    sys.exit(main())
