#!/usr/bin/python3
"""pandoc's DOCX test files (../shared/corpora/pandoc-docx): every file imports
without error and validates, and its words agree with pandoc's reading of it
(NAME.native) to at least 98% overall.

Agreement is the Dice overlap of the two word multisets: 2 * common / (ours + pandoc's).
Words are the text of the body and notes; pandoc's are the Str, Code and CodeBlock
strings of the .native (math is left out on both sides: the TeX differs in spelling).
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, fail, finish  # noqa: E402
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "pandoc-docx")
NS = "{urn:mimeo:article:1}"
THRESHOLD = 0.98


def haskell_string(body):
    """Decodes the inside of a Haskell string literal as `show` prints it."""
    out, i = [], 0
    names = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "&": "", "r": "\r", "'": "'"}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt.isdigit():
            j = i + 1
            while j < len(body) and body[j].isdigit():
                j += 1
            out.append(chr(int(body[i + 1:j])))
            i = j
        elif nxt in names:
            out.append(names[nxt])
            i += 2
        else:  # \SOH and the like: control characters, not words
            j = i + 1
            while j < len(body) and body[j].isupper():
                j += 1
            i = j
    return "".join(out)


STRING = r'"((?:[^"\\]|\\.)*)"'
ATTR = r'\(\s*"(?:[^"\\]|\\.)*"\s*,\s*\[[^\]]*\]\s*,\s*\[[^\]]*\]\s*\)'
# Text tokens, and the constructors that separate words. Anything else (Emph,
# Strong, Span ...) joins what is on either side of it, as pandoc's Str runs do.
NATIVE_TOKEN = re.compile(r'Str\s+' + STRING + r'|Code(?:Block)?\s*' + ATTR + r'\s*' + STRING +
                          r'|Math\s+\w+\s+' + STRING +
                          r'|\b(?:Space|SoftBreak|LineBreak|Para|Plain|Header|Note|Cell|Div|BlockQuote|Caption|Image|Link)\b')


def native_words(path):
    text = open(path, encoding="utf-8").read()
    pieces = []
    for m in NATIVE_TOKEN.finditer(text):
        if m.group(1) is not None:
            pieces.append(haskell_string(m.group(1)))
        elif m.group(2) is not None:
            pieces.append(" " + haskell_string(m.group(2)) + " ")
        else:
            pieces.append(" ")
    return "".join(pieces).split()


def model_words(xml_path, with_meta):
    root = ET.parse(xml_path).getroot()
    pieces = []

    def walk(node):
        if node.tag == NS + "math":
            return
        if node.tag == NS + "image":
            pieces.append(" " + node.get("alt", "") + " ")
        if node.text:
            pieces.append(node.text)
        for child in node:
            if child.tag in (NS + "line-break",):
                pieces.append(" ")
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if node.tag in (NS + "p", NS + "heading", NS + "cell", NS + "caption", NS + "code-block"):
            pieces.append(" ")

    parts = [root.find(NS + "body"), root.find(NS + "notes")]
    if with_meta:
        meta = root.find(NS + "meta")
        parts += [meta.find(NS + name) for name in ("title", "subtitle", "summary")]
        parts += meta.findall(NS + "contributor")
    for part in parts:
        if part is not None:
            walk(part)
            pieces.append(" ")
    return "".join(pieces).split()


def main():
    if not os.path.isdir(CORPUS):
        print("SKIP: %s is absent; the pandoc DOCX corpus was not checked" % CORPUS)
        return
    names = sorted(f[:-5] for f in os.listdir(CORPUS) if f.endswith(".docx"))
    failed, common_total, ours_total, theirs_total = 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            out = os.path.join(tmp, name + ".xml")
            run = subprocess.run([MIMEO, "import", os.path.join(CORPUS, name + ".docx"), "-o", out,
                                  "-I", "media-dir=" + os.path.join(tmp, name + "-media")],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                fail("%s: exit %d: %s" % (name, run.returncode, run.stderr.strip()))
                failed += 1
                continue
            native = os.path.join(CORPUS, name + ".native")
            if not os.path.exists(native):
                continue
            # pandoc prints its metadata only when run standalone; compare ours where it did.
            with_meta = open(native, encoding="utf-8").read(20).startswith("Pandoc")
            ours = collections.Counter(model_words(out, with_meta))
            theirs = collections.Counter(native_words(native))
            common = sum((ours & theirs).values())
            n_ours, n_theirs = sum(ours.values()), sum(theirs.values())
            common_total += common
            ours_total += n_ours
            theirs_total += n_theirs
            score = 2 * common / (n_ours + n_theirs) if n_ours + n_theirs else 1.0
            if score < 1.0 and "-v" in sys.argv:
                print("%-40s %.3f  missing %s  extra %s" % (name, score, list((theirs - ours).elements())[:12],
                                                           list((ours - theirs).elements())[:12]))
    agreement = 2 * common_total / (ours_total + theirs_total) if ours_total + theirs_total else 1.0
    print("docx corpus: %d files imported, word agreement with pandoc %.2f%% (%d words ours, %d pandoc's)"
          % (len(names) - failed, 100 * agreement, ours_total, theirs_total))
    check(agreement >= THRESHOLD, "word agreement below %.0f%%" % (100 * THRESHOLD))


if __name__ == "__main__":
    main()
    finish("docx corpus")
