#!/usr/bin/python3
"""One table of diagnostic codes (converters/common/codes_table.cpp) and one catalog of options
(each format's OptionSpec list): docs/diagnostics.md and the option tables in docs/formats/ are
exactly what `mimeo codes --markdown` and `mimeo formats --markdown` print (scripts/update-docs
--check), every format with options has its table there, and every code the sources give a
diagnostic (in the forms Error(where, "code", ...), warn(where, "code", ...) and
{Severity::..., "code", ...}) is in the table. The tests also run mimeo with MIMEO_STRICT_CODES,
so any diagnostic a run gives with a code outside the table aborts it. `--quiet-code` and
`quiet-codes:` silence a warning and refuse codes that do not exist."""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

drift = subprocess.run([os.path.join(ROOT, "scripts", "update-docs"), "--check"], capture_output=True, text=True,
                       env={**os.environ, "MIMEO": MIMEO})
check(drift.returncode == 0, f"the generated docs drifted: {drift.stderr.strip()}")
printed = subprocess.run([MIMEO, "codes", "--markdown"], capture_output=True, text=True)
check(printed.returncode == 0, f"mimeo codes --markdown: exit {printed.returncode}")
listed = set(re.findall(r"`([a-z0-9-]+)`", "\n".join(line.split(" | ")[0] for line in printed.stdout.splitlines()
                                                    if line.startswith("| `"))))

FORMS = [re.compile(r'Error\(\s*(?:\{[^{}]*\}|[^,;()]*(?:\([^()]*\))?[^,;()]*)\s*,\s*"([a-z0-9-]+)"'),
         re.compile(r'warn\(\s*(?:\{[^{}]*\}|[^,;()]*(?:\([^()]*\))?[^,;()]*)\s*,\s*"([a-z0-9-]+)"'),
         re.compile(r'Severity::(?:error|warning)\s*,\s*"([a-z0-9-]*)"')]
used = {}
for path in glob.glob(os.path.join(ROOT, "converters", "**", "*.[ch]pp"), recursive=True):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for form in FORMS:
        for match in form.finditer(text):
            used.setdefault(match.group(1), os.path.relpath(path, ROOT))
check(len(used) > 90, f"the scan found only {len(used)} codes in the sources: its patterns no longer match")
for code, where in sorted(used.items()):
    check(code in listed, f"{where} gives the code '{code}', which the table does not list")

# Silencing a warning, from the command line and from a pipeline.
work = tempfile.mkdtemp(prefix="mimeo-codes-")
article = os.path.join(work, "untitled.md")
with open(article, "w") as f:
    f.write("No front matter here.\n")
loud = subprocess.run([MIMEO, "convert", article, "--to", "html", "-o", os.path.join(work, "a.html")],
                      capture_output=True, text=True)
check("warning[no-title]" in loud.stderr, f"no no-title warning to silence: {loud.stderr}")
quiet = subprocess.run([MIMEO, "convert", article, "--to", "html", "-o", os.path.join(work, "b.html"),
                        "--quiet-code", "no-title"], capture_output=True, text=True)
check(quiet.returncode == 0 and "no-title" not in quiet.stderr, f"--quiet-code no-title: {quiet.stderr}")
bad = subprocess.run([MIMEO, "convert", article, "--to", "html", "-o", os.path.join(work, "c.html"),
                      "--quiet-code", "no-titel"], capture_output=True, text=True)
check(bad.returncode == 2 and "(did you mean 'no-title'?)" in bad.stderr, f"--quiet-code no-titel: {bad.stderr}")
with open(os.path.join(work, "p.yaml"), "w") as f:
    f.write("inputs: [untitled.md]\nquiet-codes: [no-title]\noutputs:\n  - {format: html, path: p.html}\n")
run = subprocess.run([MIMEO, "run", os.path.join(work, "p.yaml"), "--no-cache"], capture_output=True, text=True)
check(run.returncode == 0 and "no-title" not in run.stderr + run.stdout, f"quiet-codes: [no-title]: {run.stderr}")
with open(os.path.join(work, "q.yaml"), "w") as f:
    f.write("inputs: [untitled.md]\nquiet-codes: [no-such-code]\noutputs:\n  - {format: html, path: q.html}\n")
run = subprocess.run([MIMEO, "run", os.path.join(work, "q.yaml")], capture_output=True, text=True)
check(run.returncode == 1 and "q.yaml:2:15: error[unknown-code]" in run.stderr, f"quiet-codes: [no-such-code]: {run.stderr}")

finish("docs_codes")
