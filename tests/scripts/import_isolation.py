#!/usr/bin/python3
# mimeo-test: slow
"""No article can hold a run hostage: each import runs in a worker process with a deadline
(--import-timeout) and an address-space ceiling (--import-memory). An article past either
fails, named, with import-timeout or import-memory; every other article is still prepared and
reported; the run ends soon after the deadline; nothing the import started is left running."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-isolation-")
atexit.register(shutil.rmtree, WORK, True)


def write(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def pipeline(inputs):
    return write("issue.yaml", "publication: {title: T, url: 'https://t.example.org/'}\n"
                 "issue: {number: 1, date: 2025-04-14}\ninputs:\n" + "".join(f"  - {i}\n" for i in inputs) +
                 "outputs:\n  - {format: xml, path: out/xml}\n")


for n in (1, 2):
    write(f"good{n}.md", f"---\ntitle: Good {n}\n---\n\nText.\n")
# About 1 GB and 8 s to import natively: large, but within every size limit.
write("big.md", "---\ntitle: Big\n---\n\n" + "".join(f"- item *{i}* [l](http://x/{i})\n" for i in range(400000)))


def run(path, *flags, env=None):
    start = time.monotonic()
    result = subprocess.run([MIMEO, "run", path, "--no-cache", "-j", "2", *flags], capture_output=True, text=True,
                            env=dict(os.environ, **(env or {})), timeout=120)
    return result, time.monotonic() - start


# The deadline: the slow article fails with import-timeout, named; the others are prepared.
result, took = run(pipeline(["good1.md", "big.md", "good2.md"]), "--import-timeout", "2")
check(result.returncode == 1, f"timeout: exit {result.returncode}: {result.stderr}")
check("big.md" in result.stderr and "[import-timeout]" in result.stderr,
      f"timeout: no import-timeout naming big.md: {result.stderr}")
check("good1.md" not in result.stderr and "good2.md" not in result.stderr,
      f"timeout: another article failed too: {result.stderr}")
check(took < 8, f"timeout: the run took {took:.1f} s with a 2 s deadline")

# The memory ceiling: the same article in 300 MiB fails with import-memory or, if the worker
# dies of it, import-crashed; never the run.
result, took = run(pipeline(["good1.md", "big.md", "good2.md"]), "--import-memory", "300")
check(result.returncode == 1 and "big.md" in result.stderr and
      ("[import-memory]" in result.stderr or "[import-crashed]" in result.stderr),
      f"memory: no import-memory naming big.md: {result.returncode} {result.stderr}")
check("good1.md" not in result.stderr and "good2.md" not in result.stderr,
      f"memory: another article failed too: {result.stderr}")

# Without limits the article imports, in mimeo's own process.
result, took = run(pipeline(["good1.md", "big.md"]), "--import-timeout", "0", "--import-memory", "0")
check(result.returncode == 0, f"no limits: {result.stderr}")

# Two articles whose pandoc never ends: both reported, and no pandoc is left running.
marker = "mimeo-hang-" + os.path.basename(WORK)
fake = write(marker, "#!/bin/sh\nsleep 300\n")
os.chmod(fake, 0o755)
for n in (1, 2):
    write(f"hang{n}.rst", "Text.\n")
result, took = run(pipeline(["hang1.rst", "good1.md", "hang2.rst"]), "--import-timeout", "2",
                   env={"MIMEO_PANDOC": fake})
check(result.returncode == 1 and result.stderr.count("[import-timeout]") == 2,
      f"hanging pandoc: not two import-timeouts: {result.stderr}")
check(took < 10, f"hanging pandoc: the run took {took:.1f} s")
time.sleep(0.5)
left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
check(left == [], f"hanging pandoc: still running: {left}")
for pid in left:
    os.kill(int(pid), 9)

finish("import_isolation")
