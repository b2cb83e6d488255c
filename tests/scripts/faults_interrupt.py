#!/usr/bin/python3
# mimeo-test: slow
"""SIGTERM and SIGINT in the middle of `mimeo run` over a large generated corpus
(1,000 articles from scripts/bench.d/corpus.py): exit code 128 + signal, no staged
.tmp file anywhere, the outputs of the earlier good run byte for byte as they were (or,
if the signal came during the final renames, which mimeo finishes, every output the new
run's: never a mix), and the next run succeeds (the cache is consistent) and writes what
a clean run writes."""
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, fail, finish  # noqa: E402
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench.d"))
import corpus  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-faults-interrupt-")
ARTICLES = int(os.environ.get("MIMEO_FAULTS_ARTICLES", "1000"))

corpus.generate(os.path.join(WORK, "corpus"), ARTICLES)
PIPELINE = os.path.join(WORK, "issue.yaml")
with open(PIPELINE, "w") as f:
    f.write("""publication: {title: The Lamplighter, url: https://lamplighter.example.org/}
issue: {number: 418, date: 2025-04-14}
inputs: [corpus/*.md]
outputs:
  - {format: html, path: out/issue.html}
  - {format: xml, path: out/xml}
  - {format: html, path: 'out/articles/${article.slug}.html'}
""")


def snapshot():
    files = {}
    for folder, _, names in os.walk(os.path.join(WORK, "out")):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, WORK)] = hashlib.sha256(f.read()).hexdigest()
    return files


def leftovers():
    return [os.path.join(d, n) for d, _, names in os.walk(WORK) for n in names if n.endswith(".tmp")]


def run():
    start = time.monotonic()
    result = subprocess.run([MIMEO, "run", PIPELINE, "--quiet"], capture_output=True, text=True)
    return result, time.monotonic() - start


def touch_corpus(mark):
    # Every article changes, so that the next run imports and writes everything again.
    for name in sorted(os.listdir(os.path.join(WORK, "corpus"))):
        if name.endswith(".md"):
            with open(os.path.join(WORK, "corpus", name), "a") as f:
                f.write(f"\nRevised {mark}.\n")


good, seconds = run()
if good.returncode != 0:
    fail(f"the good run failed ({good.returncode}): {good.stderr[-2000:]}")
    finish("faults_interrupt")
before = snapshot()
print(f"good run: {seconds:.1f} s, {len(before)} files")

for number, (sig, code) in enumerate([(signal.SIGTERM, 143), (signal.SIGINT, 130)]):
    touch_corpus(f"{sig.name}")
    # Signalled part way through; a run that ends first is tried again with a shorter delay.
    delay = max(seconds * 0.4, 0.2)
    for attempt in range(4):
        process = subprocess.Popen([MIMEO, "run", PIPELINE, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        if process.poll() is not None:
            delay /= 3
            process.communicate()
            if process.returncode != 0:
                fail(f"{sig.name}: the run ended by itself with {process.returncode}")
                break
            before = snapshot()  # the run won: its outputs are now the earlier ones
            touch_corpus(f"{sig.name}-{attempt}")
            continue
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
        if process.returncode != code:
            fail(f"{sig.name}: exit {process.returncode}, wanted {code}: {err.decode()[-500:]}")
        break
    else:
        fail(f"{sig.name}: every run finished before the signal; the corpus is too small to interrupt")
    if leftovers():
        fail(f"{sig.name}: staged files left behind: {leftovers()[:5]}")
    interrupted = snapshot()

    # The next run works from whatever the interrupted one left in the cache.
    result, _ = run()
    if result.returncode != 0:
        fail(f"{sig.name}: the run after the interruption failed: {result.stderr[-1000:]}")
    after = snapshot()
    # Either every earlier output is as it was, or, when the signal came during the final
    # renames (which are finished, not undone), every output is the new run's: never a mix.
    if interrupted != before and interrupted != after:
        changed = [k for k in set(before) | set(interrupted) if before.get(k) != interrupted.get(k)]
        kept = [k for k in before if before.get(k) == interrupted.get(k)]
        fail(f"{sig.name}: the interrupted run left a mix of earlier and new outputs: "
                        f"changed {sorted(changed)[:3]}, kept {sorted(kept)[:3]}")
    # It is the same as a run without any cache.
    clean = subprocess.run([MIMEO, "run", PIPELINE, "--quiet", "--no-cache", "--out", os.path.join(WORK, "clean")],
                           capture_output=True, text=True)
    if clean.returncode != 0:
        fail(f"{sig.name}: the clean run failed: {clean.stderr[-1000:]}")
    for folder, _, names in os.walk(os.path.join(WORK, "clean")):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, os.path.join(WORK, "clean"))
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if after.get(rel) != digest:
                fail(f"{sig.name}: after the interruption, {rel} differs from a run without cache")
                break
    before = after

finish(f"SIGTERM and SIGINT mid-run leave no partial file, the outputs intact and a working cache ({WORK})")
subprocess.run(["rm", "-rf", WORK])
