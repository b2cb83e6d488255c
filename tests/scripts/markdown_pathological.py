#!/usr/bin/python3
# mimeo-test: slow
"""Every input of the pathological suites of commonmark/cmark and github/cmark-gfm
(test/pathological_tests.py), at the scripts' own sizes, generated here: `mimeo import`
must finish each in under 5 s, exit 0 with a valid article, or refuse it with a clear error
(exit 1, a code, the file named). None may crash or hang."""
import itertools
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402

LIMIT = 5.0
WORK = tempfile.mkdtemp(prefix="mimeo-pathological-")
atexit.register(shutil.rmtree, WORK, True)


def hash_collisions(count):
    """References whose names all land in one bucket of cmark's 16-slot reference map."""
    def badhash(ref):
        h = 0
        for c in ref:
            h = (ord(c) + ((h << 6) & 0xFFFFFFFF) + ((h << 16) & 0xFFFFFFFF) - h) & 0xFFFFFFFF
        return h % 16 == 0
    keys = itertools.islice((k for k in ("x%d" % i for i in itertools.count()) if badhash(k)), count)
    bad = next(keys)
    return "".join("[%s]: /url\n\n[%s]\n\n" % (key, bad) for key in keys)


INPUTS = {
    "nested strong emph": "*a **a " * 65000 + "b" + " a** a*" * 65000,
    "many emph closers with no openers": "a_ " * 65000,
    "many emph openers with no closers": "_a " * 65000,
    "many link closers with no openers": "a]" * 65000,
    "many link openers with no closers": "[a" * 65000,
    "mismatched openers and closers": "*a_ " * 50000,
    "issue #389": "*a " * 20000 + "_a*_ " * 20000,
    "openers and closers multiple of 3": "a**b" + "c* " * 50000,
    "link openers and emph closers": "[ a_" * 50000,
    "pattern [ (]( repeated": "[ (](" * 80000,
    "pattern ![[]() repeated": "![[]()" * 160000,
    "hard link/emph case": "**x [a*b**c*](d)",
    "nested brackets": "[" * 50000 + "a" + "]" * 50000,
    "nested block quotes": "> " * 50000 + "a",
    "deeply nested lists": "".join("  " * x + "* a\n" for x in range(1000)),
    "U+0000 in input": "abc\u0000de\u0000",
    "backticks": "".join("e" + "`" * x for x in range(1, 10000)),
    "unclosed links A": "[a](<b" * 50000,
    "unclosed links B": "[a](b" * 50000,
    "unclosed <!--": "</" + "<!--" * 300000,
    "tables": "aaa\rbbb\n-\v\n" * 30000,
    "empty lines in deeply nested lists": "- " * 30000 + "x" + "\n" * 30000,
    "empty lines in deeply nested lists in blockquote": "> " + "- " * 30000 + "x\n" + ">\n" * 30000,
    "emph in deep blockquote": ">" * 100000 + "a*" * 100000,
    "nested inlines": "*" * 20000 + "a" + "*" * 20000,
    "reference collisions": hash_collisions(50000),
    "many references": "".join("[%d]: u\n" % x for x in range(1, 50000 * 16)) + "[0] " * 50000,
}

slowest = 0.0
for number, (name, text) in enumerate(INPUTS.items()):
    path = os.path.join(WORK, "case-%02d.md" % number)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    start = time.monotonic()
    try:
        result = subprocess.run([MIMEO, "import", path, "-o", path + ".xml"], capture_output=True, text=True,
                                timeout=60)
    except subprocess.TimeoutExpired:
        check(False, f"{name}: still running after 60 s")
        continue
    took = time.monotonic() - start
    slowest = max(slowest, took)
    print(f"{name}: exit {result.returncode} in {took:.2f} s", flush=True)
    check(took < LIMIT, f"{name}: took {took:.1f} s (limit {LIMIT:.0f} s)")
    if result.returncode == 0:
        check(os.path.getsize(path + ".xml") > 0, f"{name}: exit 0 but no article")
    else:
        check(result.returncode == 1 and path in result.stderr and "error[" in result.stderr,
              f"{name}: exit {result.returncode} without a clear error: {result.stderr[:300]}")
print(f"slowest: {slowest:.2f} s")


def emphasised_lines(count, separator):
    """Prose lines each with four kinds of emphasis, as one paragraph or as many."""
    line = "a line of prose with *emphasis*, _more_, **strong**, ~~struck~~ and a snake_case_name"
    return separator.join(f"{line} {n}" for n in range(count)) + "\n"


# cmark-gfm 0.29's emphasis pass grows with the square of one paragraph's delimiters (issue
# 389): the bound refuses the big paragraph, located, and takes the same lines as paragraphs.
SIZED = {
    "3,000 emphasised lines in one paragraph": (emphasised_lines(3000, "\n"), 0),
    "12,000 emphasised lines in one paragraph": (emphasised_lines(12000, "\n"), 1),
    "12,000 emphasised paragraphs": (emphasised_lines(12000, "\n\n"), 0),
}
for name, (text, expected) in SIZED.items():
    path = os.path.join(WORK, "sized.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("intro\n\n" + text)
    start = time.monotonic()
    result = subprocess.run([MIMEO, "import", path, "-o", path + ".xml"], capture_output=True, text=True, timeout=60)
    print(f"{name}: exit {result.returncode} in {time.monotonic() - start:.2f} s", flush=True)
    check(result.returncode == expected, f"{name}: exit {result.returncode}, expected {expected}: {result.stderr[:300]}")
    if expected:
        check(f"{path}:3:1: error[too-complex]" in result.stderr, f"{name}: not refused at its paragraph: {result.stderr}")
    else:
        with open(path + ".xml", encoding="utf-8") as f:
            model = f.read()
        check(model.count("<strong>") == text.count("**") // 2, f"{name}: strong phrases lost")
finish("markdown_pathological")
