#!/usr/bin/python3
"""Invalid UTF-8 in every text field: a bad byte put into each front-matter value
(nested ones too) of the fixture with full provenance, into the body, and into each
value of a pipeline file. Each gives exit 1, an encoding error located at the bad
byte (file:line:col, col counted in bytes from 1), and no output."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, fail, finish  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-utf8-")
BAD_BYTES = [b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]

with open(os.path.join(ROOT, "fixtures", "articles", "01-hidden-workforce.md"), "rb") as f:
    ARTICLE = f.read().split(b"\n")


def expect_located(label, path, line, col, command, output):
    result = subprocess.run(command, capture_output=True)
    err = result.stderr.decode("utf-8", "replace")
    check(result.returncode == 1, f"{label}: exit {result.returncode}, wanted 1: {err.strip()}")
    where = re.search(re.escape(path) + r":(\d+):(\d+): error\[encoding\]", err)
    if not where:
        fail(f"{label}: no located encoding error: {err.strip()}")
    else:
        check((int(where.group(1)), int(where.group(2))) == (line, col),
              f"{label}: error at {where.group(1)}:{where.group(2)}, the bad byte is at {line}:{col}")
    if os.path.exists(output) and (not os.path.isdir(output) or os.listdir(output)):
        fail(f"{label}: output written")
        shutil.rmtree(output) if os.path.isdir(output) else os.remove(output)


def spoiled(lines, index, byte):
    """The lines with `byte` put into line `index`'s value (after "key: " or "- "), and its column."""
    text = lines[index]
    match = re.match(rb"^(\s*(?:- )?[\w-]+:\s*|\s*- |\s*)", text)
    at = min(len(match.group(1)) + 1, len(text))
    copy = list(lines)
    copy[index] = text[:at] + byte + text[at:]
    return copy, at + 1


# Every line of the front matter that holds a value, and some of the body.
closing = ARTICLE.index(b"---", 1)
targets = [i for i in range(1, closing) if not ARTICLE[i].rstrip().endswith(b":")]
targets += [i for i in range(closing + 1, len(ARTICLE)) if ARTICLE[i].strip()][:5]
source_dir = os.path.join(WORK, "articles")
os.makedirs(source_dir)
for n, index in enumerate(targets):
    byte = BAD_BYTES[n % len(BAD_BYTES)]
    lines, col = spoiled(ARTICLE, index, byte)
    path = os.path.join(source_dir, f"bad-{n}.md")
    with open(path, "wb") as f:
        f.write(b"\n".join(lines))
    output = os.path.join(WORK, f"bad-{n}.html")
    label = f"article line {index + 1} ({ARTICLE[index][:30]!r}, {byte!r})"
    expect_located(label, path, index + 1, col, [MIMEO, "convert", path, "--to", "html", "-o", output], output)
if len(targets) < 20:
    failures.append(f"only {len(targets)} places spoiled; the fixture's front matter was not read")

# Every line of a pipeline file.
shutil.copy(os.path.join(ROOT, "fixtures", "articles", "02-notes-and-links.md"), os.path.join(WORK, "good.md"))
PIPELINE = b"""publication:
  title: The Lamplighter
  tagline: A weekly
  url: https://lamplighter.example.org/
issue:
  number: 418
  date: 2025-04-14
inputs:
  - good.md
outputs:
  - format: html
    path: out/issue.html
""".split(b"\n")
for n, index in enumerate(i for i, line in enumerate(PIPELINE) if line.strip() and not line.rstrip().endswith(b":")):
    byte = BAD_BYTES[n % len(BAD_BYTES)]
    lines, col = spoiled(PIPELINE, index, byte)
    path = os.path.join(WORK, f"pipeline-{n}.yaml")
    with open(path, "wb") as f:
        f.write(b"\n".join(lines))
    expect_located(f"pipeline line {index + 1} ({byte!r})", path, index + 1, col, [MIMEO, "run", path, "--no-cache"],
          os.path.join(WORK, "out"))

shutil.rmtree(WORK)
finish(f"invalid UTF-8 in {len(targets)} article places and every pipeline value")
