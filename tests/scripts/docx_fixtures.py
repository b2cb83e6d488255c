#!/usr/bin/python3
"""DOCX import end to end on fixtures/docx (made by fixtures/docx/make_fixtures.py):
each NAME.docx imports to exactly NAME.xml (article/@base aside), pictures land in
the media folder, the importer options change what they say, and the imported
article exports to epub, jats, email and rss, each passing `mimeo check`."""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

FIXTURES = os.path.join(ROOT, "fixtures", "docx")
WORK = tempfile.mkdtemp(prefix="mimeo-docx-")
ENV = dict(os.environ, XDG_CACHE_HOME=os.path.join(WORK, "cache"))


def mimeo(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True, env=ENV)


def without_base(xml):
    return re.sub(r' base="[^"]*"', "", xml, count=1)


# 1. Exact canonical XML for every fixture.
for docx in sorted(glob.glob(os.path.join(FIXTURES, "*.docx"))):
    name = os.path.basename(docx)[:-5]
    out = os.path.join(WORK, name + ".xml")
    run = mimeo("import", docx, "-o", out, "-I", "media-dir=" + os.path.join(WORK, name + "-media"))
    check(run.returncode == 0, "%s: import failed: %s" % (name, run.stderr))
    if run.returncode:
        continue
    expected = open(os.path.join(FIXTURES, name + ".xml"), encoding="utf-8").read()
    got = open(out, encoding="utf-8").read()
    check(without_base(got) == expected, "%s: output differs from %s.xml" % (name, name))

# 2. Pictures are extracted beside the article base, as the src says.
article = open(os.path.join(WORK, "article.xml"), encoding="utf-8").read()
base = re.search(r' base="([^"]*)"', article).group(1)
src = re.search(r'<image src="([^"]*)"', article).group(1)
check(base == WORK, "article base is the media folder's parent (%s)" % base)
check(src == "article-media/image1.png", "image src leads from base to the media folder (%s)" % src)
check(open(os.path.join(base, src), "rb").read(8) == b"\x89PNG\r\n\x1a\n", "extracted picture is the PNG")

# By default pictures go to a per-document cache folder.
run = mimeo("import", os.path.join(FIXTURES, "article.docx"))
default_base = re.search(r' base="([^"]*)"', run.stdout).group(1)
check(default_base.startswith(os.path.join(WORK, "cache", "mimeo", "docx")), "default media folder is in the cache")
check(os.path.exists(os.path.join(default_base, "media", "image1.png")), "default media folder holds the picture")

# 3. Options and warnings.
features = os.path.join(FIXTURES, "word-features.docx")
run = mimeo("import", features)
check("warning[docx-comments]: 1 comment dropped" in run.stderr, "comments dropped with a warning")
check("warning[docx-skip]: 2 w:object elements skipped" in run.stderr, "unhandled elements counted once")
run = mimeo("import", features, "-I", "comments=notes")
check('<note id="comment1" kind="footnote">' in run.stdout and "Ed: Which cities?" in run.stdout,
      "comments=notes keeps comments as notes")
check("docx-comments" not in run.stderr, "no comment warning when comments are kept")
run = mimeo("import", features, "-I", "track-changes=reject")
check("We asked thirty workers" in run.stdout, "track-changes=reject keeps deletions, drops insertions")
run = mimeo("import", features)
check("We asked forty workers" in run.stdout, "tracked insertions accepted by default")
run = mimeo("import", features, "-I", "comments=maybe")
check(run.returncode == 2 and "comments" in run.stderr, "a bad option value is a usage error")
run = mimeo("import", features, "-I", "no-such-option=1")
check(run.returncode != 0 and "no-such-option" in run.stderr, "an unknown option is refused")

# 4. The imported article exports to each format, and each output passes its check.
ISSUE = os.path.join(ROOT, "fixtures", "issue.yaml")
for fmt, out, options in (("epub", "a.epub", []), ("jats", "jats", []), ("email", "a.eml", ["-O", "from=news@example.org"]),
                          ("rss", "a.rss.xml", [])):
    target = os.path.join(WORK, "export", out)
    run = mimeo("convert", os.path.join(FIXTURES, "article.docx"), features, "--issue", ISSUE, "--to", fmt,
                "-o", target, *options)
    check(run.returncode == 0, "convert to %s: %s" % (fmt, run.stderr.strip()))
    if run.returncode:
        continue
    outputs = sorted(glob.glob(os.path.join(target, "*.xml"))) if os.path.isdir(target) else [target]
    check(len(outputs) >= 1, "%s: no output" % fmt)
    for output in outputs:
        checked = mimeo("check", output, "--format", fmt)
        check(checked.returncode == 0 and " passed" in checked.stdout,
              "mimeo check %s: %s%s" % (output, checked.stdout, checked.stderr))

finish("docx fixtures")
