"""Word documents whose citations Zotero and Mendeley manage (pandoc's test files in
../shared/corpora/pandoc-docx): every work a citation field carries becomes one reference,
each field citing one work a cross-reference to it shown as the field's result, and the JATS
made from them has the ref-list and xrefs, valid against the DTD.

The oracle reads the fields' CSL-JSON straight from word/document.xml, apart from mimeo."""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "pandoc-docx")
NS = "{urn:mimeo:article:1}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fields(path):
    """The CSL-JSON of each citation field, in document order: the instruction text of every
    field that begins ADDIN ZOTERO_ITEM or ADDIN CSL_CITATION, gathered across its runs."""
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    found, current, depth = [], None, 0
    for node in root.iter():
        if node.tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                depth += 1
                if depth == 1:
                    current = ""
            elif kind == "separate" and depth == 1 and current is not None:
                if re.match(r"\s*ADDIN (ZOTERO_ITEM|CSL_CITATION)", current):
                    found.append(json.loads(current[current.index("{"):]))
                current = None
            elif kind == "end":
                depth -= 1
        elif node.tag == W + "instrText" and depth == 1 and current is not None:
            current += node.text or ""
    return found


def work_key(item):
    data = item["itemData"]
    if data.get("DOI"):
        return data["DOI"].lower()
    return (data.get("title", "").lower(), str(data.get("issued", {}).get("date-parts", [[""]])[0][0]))


if not os.path.isdir(CORPUS):
    print(f"SKIP: {CORPUS} is absent; Word's citation fields were not tried")
    finish("docx_citations")
    sys.exit(0)

work = tempfile.mkdtemp(prefix="mimeo-docx-citations-")
for name in ("zotero_citations.docx", "mendeley_citations.docx"):
    path = os.path.join(CORPUS, name)
    citations = fields(path)
    works = {work_key(item) for c in citations for item in c["citationItems"]}
    single = [c for c in citations if len(c["citationItems"]) == 1]
    check(citations and single, f"{name}: the oracle finds the citation fields")
    model = os.path.join(work, name + ".xml")
    run = subprocess.run([MIMEO, "import", path, "-o", model], capture_output=True, text=True)
    check(run.returncode == 0, f"{name}: imports: {run.stderr}")
    if run.returncode != 0:
        continue
    root = ET.parse(model).getroot()
    references = root.findall(f"{NS}references/{NS}reference")
    check(len(references) == len(works), f"{name}: {len(references)} references for the {len(works)} works cited")
    xrefs = [x for x in root.iter(f"{NS}xref") if x.get("kind") == "reference"]
    shown = ["".join(x.itertext()) for x in xrefs]
    expected = [c["properties"]["plainCitation"] if "properties" in c and "plainCitation" in c["properties"]
                else c.get("properties", {}).get("formattedCitation") or c["mendeley"]["formattedCitation"] for c in single]
    check(len(xrefs) == len(single), f"{name}: {len(xrefs)} cross-references for the {len(single)} fields citing one work")
    check(shown == expected, f"{name}: the cross-references show the fields' results: {shown} against {expected}")
    ids = {r.get("id") for r in references}
    check(all(x.get("target") in ids for x in xrefs), f"{name}: every citation points at a reference")
    if len(citations) > len(single):
        check("warning[docx-citation]" in run.stderr and "several works" in run.stderr,
              f"{name}: a field citing several works is named: {run.stderr}")
    titles = {r.findtext(f"{NS}title") or "" for r in references}
    for c in citations:
        for item in c["citationItems"]:
            title = item["itemData"].get("title", "")
            check(any(title[:30] in t or t[:30] in title for t in titles), f"{name}: the work '{title[:50]}' is a reference")

    jats = os.path.join(work, name + ".jats")
    run = subprocess.run([MIMEO, "convert", path, "--to", "jats", "-o", jats], capture_output=True, text=True)
    check(run.returncode == 0, f"{name}: JATS: {run.stderr}")
    written = [os.path.join(jats, n) for n in os.listdir(jats)] if os.path.isdir(jats) else []
    if written:
        out = ET.parse(written[0]).getroot()
        check(len(out.findall("back/ref-list/ref")) == len(works) and len(out.findall(".//xref[@ref-type='bibr']")) == len(single),
              f"{name}: the JATS has the ref-list and the citations")
        checked = subprocess.run([MIMEO, "check", written[0]], capture_output=True, text=True)
        check(checked.returncode == 0, f"{name}: the JATS is valid: {checked.stdout}{checked.stderr}")
    print(f"{name}: {len(citations)} citation fields, {len(works)} works, {len(xrefs)} cross-references")
finish("docx_citations")
