#!/usr/bin/python3
"""Hostile and broken DOCX files: each gives a clear error with its stable code,
exit code 1, and no output file and no extracted picture. The files are made here,
from fixtures/docx/article.docx."""
import os
import random
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

GOOD = os.path.join(ROOT, "fixtures", "docx", "article.docx")
WORK = tempfile.mkdtemp(prefix="mimeo-docx-bad-")

with zipfile.ZipFile(GOOD) as z:
    PARTS = {name: z.read(name) for name in z.namelist()}


def package(name, replace=None, drop=(), add=None):
    """A copy of the good package with parts replaced, dropped or added."""
    path = os.path.join(WORK, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in PARTS.items():
            if part in drop:
                continue
            z.writestr(part, (replace or {}).get(part, data))
        for part, data in (add or {}).items():
            z.writestr(part, data)
    return path


def raw(name, data):
    path = os.path.join(WORK, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


DOC = PARTS["word/document.xml"].decode()
RELS = PARTS["word/_rels/document.xml.rels"].decode()
DTD = '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')
body_xml = DOC[DOC.index("<w:document"):]
random.seed(8)
noise = "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(3 << 20))

cases = [
    ("not a zip", raw("text.docx", b"This is plain text, not a Word file.\n"), [], "docx-not-zip"),
    ("empty file", raw("empty.docx", b""), [], "docx-not-zip"),
    ("no word/document.xml", package("nodoc.docx", drop=("word/document.xml",)), [], "docx-no-document"),
    ("truncated", raw("truncated.docx", open(GOOD, "rb").read()[:9000]), [], "docx-damaged"),
    ("DTD with an external entity", package("xxe.docx", replace={
        "word/document.xml": DTD + body_xml.replace("Plain, ", "&xxe;", 1)}), [], "docx-dtd"),
    ("entity expansion", package("laughs.docx", replace={
        "word/document.xml": LAUGHS + body_xml.replace("Plain, ", "&lol3;", 1)}), [], "docx-dtd"),
    ("DTD in styles.xml", package("styles-dtd.docx", replace={
        "word/styles.xml": DTD + PARTS["word/styles.xml"].decode()[PARTS["word/styles.xml"].decode().index("<w:styles"):]}),
     [], "docx-dtd"),
    ("ratio bomb", package("ratio.docx", replace={
        "word/document.xml": DOC.replace("</w:body>", " " * (40 << 20) + "</w:body>")}), [], "docx-too-large"),
    ("size bomb", package("size.docx", replace={
        "word/document.xml": DOC.replace("</w:body>", "<!--" + noise + "--></w:body>")}),
     ["-I", "max-part-size=2"], "docx-too-large"),
    ("entry named with ..", package("dotdot.docx", add={"../escape.txt": b"x"}), [], "docx-unsafe-path"),
    ("entry with an absolute name", package("absolute.docx", add={"/tmp/escape.txt": b"x"}), [], "docx-unsafe-path"),
    ("image relationship climbing out", package("rel-climb.docx", replace={
        "word/_rels/document.xml.rels": RELS.replace('Target="media/image1.png"', 'Target="../../../etc/passwd"')}),
     [], "docx-unsafe-path"),
    ("elements nested 300 deep", package("deep.docx", replace={
        "word/document.xml": DOC.replace("<w:body>", "<w:body>" + "<w:customXml>" * 300 + "</w:customXml>" * 300, 1)}),
     [], "docx-too-deep"),
    ("malformed XML", package("malformed.docx", replace={"word/document.xml": DOC[:-40]}), [], "docx-xml"),
]

for what, path, options, code in cases:
    out = os.path.join(WORK, "out", os.path.basename(path) + ".xml")
    media = os.path.join(WORK, "media", os.path.basename(path))
    run = subprocess.run([MIMEO, "import", path, "-o", out, "-I", "media-dir=" + media, *options],
                         capture_output=True, text=True, timeout=120)
    ok = run.returncode == 1 and ("error[%s]" % code) in run.stderr and not os.path.exists(out) and not os.path.exists(media)
    print("%-34s exit %d  %s" % (what, run.returncode, run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""))
    check(ok, "%s: expected error[%s], exit 1, no output" % (what, code))

# The same limits hold when the bomb is only a picture: it is read, within limits, before anything is written.
bomb_picture = package("picture-bomb.docx", replace={"word/media/image1.png": b"\0" * (30 << 20)})
run = subprocess.run([MIMEO, "import", bomb_picture, "-I", "media-dir=" + os.path.join(WORK, "pm")],
                     capture_output=True, text=True)
check(run.returncode == 1 and "error[docx-too-large]" in run.stderr and not os.path.exists(os.path.join(WORK, "pm")),
      "a picture with a bomb's compression ratio is refused: " + run.stderr)

# The good file still imports, so the cases above fail for the reason they name.
run = subprocess.run([MIMEO, "import", GOOD, "-I", "media-dir=" + os.path.join(WORK, "good")], capture_output=True, text=True)
check(run.returncode == 0, "the unmodified fixture does not import: " + run.stderr)
finish("docx bad input (%d cases)" % (len(cases) + 2))
