"""canonical -> JATS -> canonical keeps the text, the structure and the metadata of
every fixture, and JATS -> canonical -> JATS gives the same JATS again.

Normalization before comparing (docs/formats/jats.md documents it): the
article's @base (the folder of the file read) is dropped, attributes are sorted,
runs of white space in text become one space and are trimmed next to tags;
code blocks and raw content are compared exactly. A section's level is its depth,
since JATS gives the structure by nesting alone (JATS4R: no disp-level), and the ids
the exporter gives figures and tables that had none (fig-N, table-N) come back. The
issue's publication, volume and number, which the JATS carries as its journal-meta, come
back as the article's <journal> (checked against the issue description, then left out of
the comparison). Nothing else may differ."""
import glob
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, fail, finish  # noqa: E402


NS = "{urn:mimeo:article:1}"
# fixtures/issue.yaml's publication and issue, as the re-read article's <journal>.
ISSUE_JOURNAL = [("title", "The Lamplighter"), ("issn", "2049-3630"), ("publisher", "Lamplighter Press Cooperative"),
                 ("volume", "9"), ("number", "418"), ("issue-title", "Machines and the people behind them")]


def run(*args):
    result = subprocess.run([MIMEO, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mimeo {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def normalized(element):
    name = element.tag.split("}")[-1]
    if name == "journal":
        return ""
    attributes = sorted((k, v) for k, v in element.attrib.items()
                        if k != "base" and not (name == "section" and k == "level")
                        and not (name in ("figure", "table") and k == "id" and re.fullmatch(r"(fig|table)-\d+", v)))
    verbatim = name in ("code-block", "raw")
    parts = []
    if element.text:
        parts.append(element.text if verbatim else re.sub(r"\s+", " ", element.text))
    for child in element:
        parts.append(normalized(child))
        if child.tail:
            parts.append(re.sub(r"\s+", " ", child.tail))
    content = "".join(parts)
    if not verbatim:
        content = re.sub(r"^ | $|(>) | (<)", r"\1\2", content)
    attrs = "".join(f' {k}="{v}"' for k, v in attributes)
    return f"<{name}{attrs}>{content}</{name}>"


def main():
    fixtures = sorted(glob.glob(os.path.join(ROOT, "fixtures/articles/*.md")))
    assert len(fixtures) >= 5, fixtures
    with tempfile.TemporaryDirectory() as out:
        jats = os.path.join(out, "jats")
        run("convert", "--issue", os.path.join(ROOT, "fixtures/issue.yaml"), *fixtures, "--to", "jats", "-o", jats)
        for fixture in fixtures:
            original = ET.fromstring(run("import", fixture).encode())
            slug = original.find("{urn:mimeo:article:1}meta/{urn:mimeo:article:1}slug").text
            jats_file = os.path.join(jats, slug + ".xml")
            back_text = run("import", jats_file)
            back = ET.fromstring(back_text.encode())
            journal = back.find(f"{NS}meta/{NS}journal")
            found = None if journal is None else [(c.tag.split("}")[-1], c.text) for c in journal]
            if found != ISSUE_JOURNAL:
                fail(f"{os.path.basename(fixture)}: the journal read back is {found}, not the issue's {ISSUE_JOURNAL}")
            if normalized(back) != normalized(original):
                fail(f"{os.path.basename(fixture)}: canonical -> JATS -> canonical differs\n"
                     f"  before: {normalized(original)}\n  after:  {normalized(back)}")
                continue
            # And back again: the re-imported article exports to the same JATS.
            canonical_copy = os.path.join(out, slug + ".canonical.xml")
            with open(canonical_copy, "w", encoding="utf-8") as f:
                f.write(back_text)
            again = os.path.join(out, "again-" + slug)
            run("convert", "--issue", os.path.join(ROOT, "fixtures/issue.yaml"), canonical_copy, "--to", "jats", "-o", again)
            with open(jats_file, encoding="utf-8") as a, open(os.path.join(again, slug + ".xml"), encoding="utf-8") as b:
                if a.read() != b.read():
                    fail(f"{os.path.basename(fixture)}: JATS -> canonical -> JATS differs")
                    continue
            print(f"ok {os.path.basename(fixture)}")
    finish("jats round trip")


main()
