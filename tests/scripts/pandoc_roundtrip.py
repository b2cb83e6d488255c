"""The pandoc bridge, writing: the fixtures exported to ODT and DOCX through the pandoc
exporter (`--to pandoc:odt`), then read back through the pandoc importer, keep their
text, headings, notes and links; the files are real ODT and DOCX packages."""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, fail, finish  # noqa: E402

ROOT = Path(ROOT)
NS = "{urn:mimeo:article:1}"
FIXTURES = sorted((ROOT / "fixtures/articles").glob("0[1-4]-*.md"))


def run(*args):
    return subprocess.run([MIMEO, *map(str, args)], capture_output=True, text=True)


def text(node):
    parts = [node.text or ""]
    for child in node:
        if child.tag not in (NS + "note-ref", NS + "raw"):
            parts.append(text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def summary(xml):
    article = ET.fromstring(xml.encode())
    body = article.find(NS + "body")
    notes = article.find(NS + "notes")
    return {
        "paragraphs": [text(p) for p in body.iter(NS + "p")],
        "headings": [text(h) for h in body.iter(NS + "heading")],
        "notes": [text(n) for n in notes] if notes is not None else [],
        "links": sorted({l.get("href") for l in article.iter(NS + "link")}),
        "title": text(article.find(NS + "meta/" + NS + "title")),
    }


work = Path(tempfile.mkdtemp(prefix="mimeo-pandoc-roundtrip-"))
for fixture in FIXTURES:
    original = run("import", fixture)
    check(original.returncode == 0, f"{fixture.name}: {original.stderr}")
    want = summary(original.stdout)
    for writer, engine in (("odt", "native"), ("docx", "pandoc")):
        out = work / f"{fixture.stem}.{writer}"
        made = run("convert", fixture, "--to", f"pandoc:{writer}", "-o", out)
        if made.returncode != 0:
            fail(f"{out.name}: export failed: {made.stderr}")
            continue
        with zipfile.ZipFile(out) as package:
            names = package.namelist()
            check(("content.xml" if writer == "odt" else "word/document.xml") in names, f"{out.name}: not an {writer} package")
            if fixture.stem.startswith("03"):
                check(any(n.endswith(".png") for n in names), f"{out.name}: the image was not embedded: {names}")
        back = run("import", out, "--engine", engine, "-I", f"media-dir={work}/{{stem}}-media")
        if back.returncode != 0:
            fail(f"{out.name}: import failed: {back.stderr}")
            continue
        got = summary(back.stdout)
        label = f"{out.name} read back"
        # The title is the document's own title (DOCX) or its first paragraph (pandoc's ODT reader).
        check(got["title"] == want["title"] or want["title"] in got["paragraphs"], f"{label}: title {got['title']!r}")
        for key in ("headings", "notes", "links"):
            check(got[key] == want[key], f"{label}: {key} differ:\n  want {want[key]}\n  got  {got[key]}")
        for paragraph in want["paragraphs"]:
            check(paragraph in got["paragraphs"], f"{label}: paragraph missing: {paragraph!r}")

# Several articles: one document, each article a level-1 heading.
issue_out = work / "issue.docx"
made = run("convert", *FIXTURES[:2], "--issue", ROOT / "fixtures/issue.yaml", "--to", "pandoc:docx", "-o", issue_out)
check(made.returncode == 0, f"issue.docx: {made.stderr}")
if made.returncode == 0:
    back = run("import", issue_out, "--engine", "pandoc", "-I", f"media-dir={work}/issue-media")
    check(back.returncode == 0, f"issue.docx read back: {back.stderr}")
    if back.returncode == 0:
        sections = ET.fromstring(back.stdout.encode()).find(NS + "body").findall(NS + "section")
        titles = [text(s.find(NS + "heading")) for s in sections]
        check(len(titles) == 2 and "Port Authority" in titles[1], f"issue.docx: article headings {titles}")

# Text formats go to the file named, whole.
latex = work / "article.tex"
made = run("convert", FIXTURES[1], "--to", "pandoc:latex", "-o", latex)
check(made.returncode == 0 and "\\begin{document}" in latex.read_text() and "\\footnote{" in latex.read_text(),
      f"latex: {made.stderr}")
missing_to = run("convert", FIXTURES[1], "--to", "pandoc", "-o", work / "x.out")
check(missing_to.returncode == 2 and "to=FORMAT" in missing_to.stderr, f"--to pandoc without a writer: {missing_to.stderr}")

finish(f"pandoc round trip ({len(FIXTURES)} fixtures through odt and docx and back)")
