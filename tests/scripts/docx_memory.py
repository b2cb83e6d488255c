#!/usr/bin/python3
# mimeo-test: slow
"""Issue 8's memory bar: a generated 100,000-word DOCX imports with peak memory under 100 MB.
Its speed beside pandoc's is scripts/bench's to measure (the DOCX import task), not a test's."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-docx-memory-")
# The generator lives with the benchmark, so the test and scripts/bench read one document.
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench.d"))
from docx_gen import make  # noqa: E402

path = os.path.join(WORK, "long.docx")
make(path)
# GNU time reports mimeo's own peak; the rusage of this process's children would also count
# the Python process they were forked from.
run = subprocess.run(["/usr/bin/time", "-f", "%M", MIMEO, "import", path, "-o", os.path.join(WORK, "long.xml")],
                     capture_output=True, text=True, env=dict(os.environ, XDG_CACHE_HOME=WORK))
check(run.returncode == 0, f"the import failed: {run.stderr[-500:]}")
peak_mb = int(run.stderr.strip().splitlines()[-1]) / 1024
print("mimeo: peak %.1f MB" % peak_mb)
check(peak_mb < 100, "peak memory %.1f MB is not under 100 MB" % peak_mb)
shutil.rmtree(WORK, ignore_errors=True)
finish("docx memory")
