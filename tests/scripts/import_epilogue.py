#!/usr/bin/python3
"""What every importer's article gets from the one import epilogue, tried through each of
them (Markdown, CommonMark, JATS and pandoc's HTML and RST readers; DOCX's text has its own tests):
characters XML cannot hold become U+FFFD with one control-char warning; content nested past
the model's 200 levels is refused with too-deep, exit 1, naming the file; an untitled article
takes its file's name with a no-title warning (not for CommonMark, which has no metadata); and
what comes out validates against the schema (`mimeo check`)."""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402

WORK = tempfile.mkdtemp(prefix="mimeo-epilogue-")
atexit.register(shutil.rmtree, WORK, True)
JATS_HEAD = '<article dtd-version="1.2"><front><article-meta></article-meta></front><body>'


def write(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def mimeo(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True, errors="replace")


def imported(label, path, *extra):
    """Imports `path`, checks the result against the schema, and returns (stderr, xml)."""
    out = os.path.join(WORK, os.path.basename(path) + ".out.xml")
    run = mimeo("import", path, "-o", out, *extra)
    check(run.returncode == 0, f"{label}: exit {run.returncode}: {run.stderr.strip()}")
    if run.returncode != 0:
        return run.stderr, ""
    valid = mimeo("check", out)
    check(valid.returncode == 0, f"{label}: the canonical XML fails its check: {valid.stdout} {valid.stderr}")
    with open(out, encoding="utf-8") as f:
        return run.stderr, f.read()


# Characters XML cannot hold, through every reader that can be handed them.
controls = {
    "markdown": write("ctl.md", "---\ntitle: T\n---\n\na\x01b \x1b c\n"),
    "pandoc html": write("ctl.html", "<title>T</title><p>a&#1;b &#x1b; c</p>\n"),
    "pandoc rst": write("ctl.rst", "T\n=\n\na\x01b \x1b c\n"),
}
for label, path in controls.items():
    err, xml = imported(label, path)
    check("warning[control-char]: 2 characters XML cannot hold replaced with U+FFFD" in err,
          f"{label}: no control-char warning counting 2: {err.strip()}")
    check(xml.count("\ufffd") == 2, f"{label}: {xml.count(chr(0xFFFD))} U+FFFD in the article, wanted 2")

# Nesting past the model's depth, by readers with no guard of their own before the epilogue.
deep = {
    "pandoc html": write("deep.html", "<blockquote>" * 300 + "x" + "</blockquote>" * 300),
    "pandoc emphasis": write("deepi.html", "<p>" + "<em>" * 300 + "x" + "</em>" * 300 + "</p>"),
    "jats": write("deep.jats", JATS_HEAD + "<disp-quote>" * 230 + "<p>x</p>" + "</disp-quote>" * 230 + "</body></article>"),
}
for label, path in deep.items():
    run = mimeo("import", path)
    check(run.returncode == 1, f"{label}: exit {run.returncode}, wanted 1")
    check(f"{path}: error[too-deep]" in run.stderr, f"{label}: no too-deep error naming the file: {run.stderr.strip()}")
    check("schema" not in run.stderr, f"{label}: a schema error instead of too-deep: {run.stderr.strip()}")
# Just inside the bound, the same readers keep it all.
for label, path in {"pandoc html": write("fine.html", "<title>F</title>" + "<blockquote>" * 60 + "x" + "</blockquote>" * 60),
                    "jats": write("fine.jats", JATS_HEAD + "<disp-quote>" * 60 + "<p>x</p>" + "</disp-quote>" * 60 +
                                  "</body></article>")}.items():
    err, xml = imported(label + " (60 levels)", path)
    check(xml.count("<quote") == 60, f"{label}: {xml.count('<quote')} quotes kept of 60")

# Untitled articles, one rule for every importer.
untitled = {
    "markdown": (write("Untitled Notes.md", "Just a paragraph.\n"), []),
    "jats": (write("untitled-jats.xml", JATS_HEAD + "<p>x</p></body></article>"), []),
    "pandoc rst": (write("untitled.rst", "Just a paragraph.\n"), []),
    "commonmark": (write("plain.md", "Just a paragraph.\n"), ["--from", "commonmark"]),
}
for label, (path, extra) in untitled.items():
    err, xml = imported(label, path, *extra)
    stem = os.path.splitext(os.path.basename(path))[0]
    check(f"<title>{stem}</title>" in xml, f"{label}: the title is not the file's name '{stem}'")
    warned = "warning[no-title]" in err
    check(warned == (label != "commonmark"), f"{label}: no-title warning {'missing' if not warned else 'given'}: {err}")
    check("<slug>" in xml, f"{label}: no slug")

# Headings whose words begin with digits, in any script, still give ids the schema takes.
err, xml = imported("digit headings", write("digits.md", "---\ntitle: D\n---\n\n# 2025 in review\n\n# \u0662\u0660\u0662\u0665\n\n# 2025 in review\n"))
for wanted in ['id="s-2025-in-review"', 'id="s-\u0662\u0660\u0662\u0665"', 'id="s-2025-in-review-2"']:
    check(wanted in xml, f"digit headings: no {wanted}")

finish("import_epilogue")
