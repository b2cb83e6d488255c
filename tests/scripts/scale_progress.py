#!/usr/bin/env python3
"""`mimeo run --progress=json`: every stderr line that starts with '{' is one JSON object
with phase, done, total, rate and eta; each phase starts at 0 and ends at its total;
done never goes down; a bad --progress value is a usage error."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO as mimeo, ROOT as root, fail, finish  # noqa: E402

with tempfile.TemporaryDirectory() as tmp:
    shutil.copytree(os.path.join(root, "fixtures", "articles"), os.path.join(tmp, "articles"))
    for i in range(40):
        with open(os.path.join(tmp, "articles", f"gen-{i:03}.md"), "w") as f:
            f.write(f"---\ntitle: Generated {i}\n---\n\nParagraph {i}.\n")
    with open(os.path.join(tmp, "issue.yaml"), "w") as f:
        f.write("publication: {title: T}\nissue: {number: 1}\ninputs: [articles/*.md]\n"
                "outputs:\n  - {format: html, path: out/issue.html}\n  - {format: jats, path: out/jats}\n")
    run = subprocess.run([mimeo, "run", os.path.join(tmp, "issue.yaml"), "--progress=json", "--no-cache"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        fail(f"the run failed: {run.stderr}")
    lines = [l for l in run.stderr.splitlines() if l.startswith("{")]
    events = []
    for line in lines:
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"not JSON: {line!r} ({e})")
    for e in events:
        if set(e) != {"phase", "done", "total", "rate", "eta"}:
            fail(f"wrong keys: {e}")
        elif e["rate"] is not None and (e["rate"] <= 0 or e["eta"] is None or e["eta"] < 0):
            fail(f"rate and eta must be positive numbers once known: {e}")
    for phase, total in (("articles", 45), ("outputs", 2)):
        mine = [e for e in events if e.get("phase") == phase]
        if not mine:
            fail(f"no {phase} lines in {run.stderr!r}")
            continue
        if mine[0]["done"] != 0:
            fail(f"{phase} should start at 0: {mine[0]}")
        if mine[-1]["done"] != total or mine[-1]["total"] != total:
            fail(f"{phase} should end at {total}/{total}: {mine[-1]}")
        if mine[-1]["eta"] != 0:
            fail(f"{phase} should end with eta 0: {mine[-1]}")
        if any(b["done"] < a["done"] for a, b in zip(mine, mine[1:])):
            fail(f"{phase}: done went down: {mine}")
    phases = [e["phase"] for e in events]
    if "outputs" in phases and "articles" in phases[phases.index("outputs"):]:
        fail(f"articles lines after the outputs began: {phases}")
    # The summary still goes to stdout.
    if "wrote 2 outputs" not in run.stdout:
        fail(f"the summary is missing: {run.stdout!r}")

    bad = subprocess.run([mimeo, "run", os.path.join(tmp, "issue.yaml"), "--progress=xml"], capture_output=True,
                         text=True)
    if bad.returncode != 2 or "auto, json or none" not in bad.stderr:
        fail(f"--progress=xml should be a usage error naming the choices: {bad.returncode} {bad.stderr!r}")

finish("--progress=json lines")
