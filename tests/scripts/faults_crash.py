#!/usr/bin/python3
# mimeo-test: slow
"""kill -9 in the middle of `mimeo run` over 1,000 generated articles, at 20 points: 4 early
(while it imports), 8 once a random number of its files are staged, 8 inside the rename
phase (just after the commit journal appears). Runs alternate between two editions of the issue, so that a mix of old and new
outputs would show. After each kill the next run, of the other edition, first mends what
the dead run left; then it writes everything, and the test asserts no staged file or
journal is left anywhere under the outputs and every output is byte-identical to a clean
run's. Twice, a kill in the rename phase is followed by a run that fails on a broken
article: the outputs must then be wholly the killed run's edition (its commit completed
from the journal), never a mix."""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, fail, finish  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "scripts", "bench.d"))
import corpus  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-faults-crash-")
ARTICLES = 1000
rng = random.Random(int(os.environ.get("MIMEO_CRASH_SEED", "418")))


corpus.generate(os.path.join(WORK, "corpus"), ARTICLES)
for edition in (1, 2):
    with open(os.path.join(WORK, f"edition-{edition}.yaml"), "w") as f:
        f.write(f"""publication: {{title: The Lamplighter, url: 'https://lamplighter.example.org/'}}
issue: {{number: 41{edition}, date: 2025-04-1{edition}}}
inputs: [corpus/*.md]
cache: false
outputs:
  - {{format: html, path: out/issue.html}}
  - {{format: xml, path: out/xml}}
  - {{format: html, path: 'out/articles/${{article.slug}}.html'}}
  - {{format: rss, path: out/feed.rss, merge: false}}
""")


def pipeline(edition):
    return os.path.join(WORK, f"edition-{edition}.yaml")


def tree(folder):
    files = {}
    for here, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(here, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return files


def leftovers(folder):
    return [os.path.join(d, n) for d, _, names in os.walk(folder) for n in names
            if (".mimeo-" in n and n.endswith(".tmp")) or n.endswith(".journal")]


def run(edition, out, expect=0):
    started = time.monotonic()
    result = subprocess.run([MIMEO, "run", pipeline(edition), "--out", out, "--quiet"], capture_output=True, text=True)
    if result.returncode != expect:
        fail(f"edition {edition} into {out}: exit {result.returncode}, wanted {expect}: {result.stderr[-1500:]}")
    return time.monotonic() - started, result


# Clean runs of both editions: the reference outputs, and how long a run takes.
env = dict(os.environ, SOURCE_DATE_EPOCH="1744588800")
os.environ.update(env)
reference = {}
durations = []
for edition in (1, 2):
    seconds, _ = run(edition, os.path.join(WORK, f"clean-{edition}"))
    durations.append(seconds)
    reference[edition] = tree(os.path.join(WORK, f"clean-{edition}", "out"))
if reference[1] == reference[2] or len(reference[1]) < 2 * ARTICLES:
    fail(f"the editions must differ and hold every article: {len(reference[1])} files")
changed = sum(1 for name in reference[1] if reference[1][name] != reference[2].get(name))
print(f"{len(reference[1])} files per run, {changed} differ between the editions; a clean run takes "
      f"{min(durations):.2f} s", flush=True)

live = os.path.join(WORK, "live")
run(1, live)
state = 1


def staged_count():
    count = 0
    for folder in (os.path.join(live, "out"), os.path.join(live, "out", "xml"), os.path.join(live, "out", "articles")):
        try:
            count += sum(1 for entry in os.scandir(folder) if entry.name.endswith(".tmp"))
        except FileNotFoundError:
            pass
    return count


def kill_during(edition, point):
    """Starts a run of `edition` and kills it with SIGKILL at `point`: early (while it imports),
    staging (once a random number of its files are staged) or renames (just after its commit
    journal appears). Points are set by the run's own progress, not by the clock, so that a
    loaded machine moves them not. True when the run died before its end."""
    process = subprocess.Popen([MIMEO, "run", pipeline(edition), "--out", live, "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    if point == "early":
        time.sleep(rng.uniform(0.01, 0.15))
    elif point == "staging":
        target = rng.randint(1, 2 * ARTICLES - 10)
        while process.poll() is None and time.monotonic() < deadline and staged_count() < target:
            time.sleep(0.001)
    else:
        while process.poll() is None and time.monotonic() < deadline:
            if any(n.endswith(".journal") for n in os.listdir(live)):
                time.sleep(rng.uniform(0, 0.01))
                break
            time.sleep(0.0005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


points = ["early"] * 4 + ["staging"] * 8 + ["renames"] * 8
rng.shuffle(points)
killed = mixed = 0
for number, point in enumerate(points, start=1):
    edition = 2 if state == 1 else 1
    died = kill_during(edition, point)
    killed += died
    left = leftovers(live)
    snapshot = tree(os.path.join(live, "out"))
    is_mix = died and any(snapshot.get(n) != reference[state][n] for n in reference[state]) and \
        any(snapshot.get(n) != reference[edition][n] for n in reference[edition])
    mixed += is_mix
    if point == "renames" and number in (points.index("renames") + 1, len(points) - points[::-1].index("renames")):
        # A run that fails must still find the outputs whole: the dead run's commit completed.
        broken = os.path.join(WORK, "corpus", "article-00500.md")
        original = open(broken, "rb").read()
        with open(broken, "ab") as f:
            f.write(b"\nA bad byte: \xff\n")
        run(state, live, expect=1)
        with open(broken, "wb") as f:
            f.write(original)
        whole = tree(os.path.join(live, "out"))
        if whole not in (reference[1], reference[2]):
            fail(f"kill {number} (in the renames) then a failed run: the outputs are a mix of both editions")
        state = 1 if whole == reference[1] else 2
        if leftovers(live):
            fail(f"kill {number}: the failed run left {len(leftovers(live))} staged files or journals")
        print(f"kill {number}: in the renames, {len(left)} staged files and journals left; "
              f"{'a mix' if is_mix else 'no mix'} before the failed run, edition {state} whole after it", flush=True)
        edition = 2 if state == 1 else 1
    run(edition, live)
    state = edition
    if leftovers(live):
        fail(f"kill {number} ({point}): {len(leftovers(live))} staged files or journals remain: {leftovers(live)[:3]}")
    if tree(os.path.join(live, "out")) != reference[edition]:
        fail(f"kill {number} ({point}): the outputs differ from a clean run's")
    print(f"kill {number} ({point}{'' if died else ', the run had ended'}): {len(left)} staged files and journals "
          f"left, {'a mix' if is_mix else 'no mix'}; mended", flush=True)

print(f"{killed} of {len(points)} runs killed before their end, {mixed} left a mix of editions", flush=True)
if killed < 18:
    fail(f"only {killed} of the 20 kills came before the run's end")
shutil.rmtree(WORK)
finish("faults_crash")
