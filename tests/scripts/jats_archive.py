#!/usr/bin/python3
# mimeo-test: slow
"""Archive-grade JATS front matter (issue 18): an article with every scholarly key the front
matter takes (structured authors with ORCID iDs, CRediT roles and affiliations with ROR ids,
ISSNs, licence, copyright, subjects, elocation, history, funding) exports to JATS that the PMC
Style Checker and the JATS4R schematron pass with 0 errors, reads back into the same model
and exports to the same bytes again. The fixtures that lack what PMC needs get one
jats-missing warning per item (errors with strict: true), and the checkers really fail them.
Bad ORCID iDs and ISSNs are located errors. The feeds carry the structured authors, and the
page, the book and the newsletter say where the authors work."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, check_feed, finish  # noqa: E402

HERE = os.path.join(ROOT, "tests", "scripts", "jats_archive")
ISSUE = os.path.join(HERE, "issue.yaml")
ARTICLE = os.path.join(HERE, "dock-safety.md")
CHECK_JATS = os.path.join(ROOT, "..", "shared", "validators", "check-jats")
CATALOG = os.path.join(ROOT, "node_modules", "@jats4r", "dtds", "schema", "catalog.xml")
WORK = tempfile.mkdtemp(prefix="mimeo-jats-archive-")
XLINK = "{http://www.w3.org/1999/xlink}"


def mimeo(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True)


def validators(*files):
    return subprocess.run([CHECK_JATS, "--catalog", CATALOG, *files], capture_output=True, text=True)


out = os.path.join(WORK, "jats")
run = mimeo("convert", "--issue", ISSUE, ARTICLE, "--to", "jats", "-o", out)
check(run.returncode == 0 and "jats-missing" not in run.stderr, f"the full article exports without a gap: {run.stderr}")
path = os.path.join(out, "injuries-on-the-night-shift.xml")
meta = ET.parse(path).getroot().find("front/article-meta")
journal = ET.parse(path).getroot().find("front/journal-meta")

# What the model carried reaches the JATS, in the elements PMC and JATS4R read.
check([(i.get("pub-type"), i.text) for i in journal.findall("issn")] == [("epub", "2049-3630"), ("ppub", "0317-8471")],
      "both ISSNs with their pub-type")
first = meta.find("contrib-group/contrib")
check(first.get("corresp") == "yes" and first.findtext("name/surname") == "Okafor"
      and first.findtext("name/given-names") == "Dana", "the first author's name in parts, as corresponding author")
check(first.findtext("contrib-id[@contrib-id-type='orcid']") == "https://orcid.org/0000-0002-1825-0097", "the ORCID iD")
check([x.get("rid") for x in first.findall("xref[@ref-type='aff']")] == ["desk", "uo"], "affiliations by xref")
check([r.get("vocab-term") for r in first.findall("role[@vocab='credit']")]
      == ["Conceptualization", "Investigation", "Writing \u2013 original draft"], "CRediT roles by their terms")
check(meta.findtext("contrib-group/contrib/collab") == "The Dockers' Health Committee", "an organisation as collab")
uo = meta.find("contrib-group/aff[@id='uo']")
check(uo is not None and uo.findtext("institution-wrap/institution-id[@institution-id-type='ror']")
      == "https://ror.org/01xtthb56" and uo.find("country").get("country") == "NO", "the affiliation's ROR id and country code")
check(meta.findtext("article-categories/subj-group[@subj-group-type='heading']/subject") == "Research Article",
      "the first subject is the heading")
check(meta.findtext("elocation-id") == "e418003", "the elocation-id")
check(meta.findtext("permissions/copyright-year") == "2025"
      and meta.findtext("permissions/copyright-holder") == "Dana Okafor and Luis Prieto", "copyright year and holder")
check(meta.findtext("permissions/license/{http://www.niso.org/schemas/ali/1.0/}license_ref")
      == "https://creativecommons.org/licenses/by/4.0/", "the SPDX id became the licence's URL")
check(meta.findtext("funding-group/award-group/award-id") == "226789", "the award")
check(meta.find("history/date[@date-type='received']") is not None, "the history")
check(ET.parse(path).getroot().find(".//sec[@disp-level]") is None, "no disp-level")

# Back in, and out again: the same JATS.
canonical = os.path.join(WORK, "back.xml")
run = mimeo("import", path, "-o", canonical)
check(run.returncode == 0, f"the JATS reads back: {run.stderr}")
back = ET.parse(canonical).getroot()
ns = "{urn:mimeo:article:1}"
people = back.findall(f"{ns}meta/{ns}contributor")
check([(p.get("surname"), p.get("orcid") is not None, p.get("affiliations")) for p in people][:2]
      == [("Okafor", True, "desk uo"), ("Prieto", False, "desk")], "contributors come back in parts")
check(back.find(f"{ns}meta/{ns}funding").get("award") == "226789" and back.findtext(f"{ns}meta/{ns}elocation") == "e418003",
      "funding and elocation come back")
again = os.path.join(WORK, "again")
run = mimeo("convert", "--issue", ISSUE, canonical, "--to", "jats", "-o", again)
check(run.returncode == 0 and open(os.path.join(again, "injuries-on-the-night-shift.xml"), "rb").read()
      == open(path, "rb").read(), f"JATS -> model -> JATS gives the same bytes: {run.stderr}")

# Published JATS (in eLife's and PLOS's shapes) comes in whole: names in parts, http ORCID iDs,
# affiliations tagged or as one run of text, every abstract, funding, history, categories.
published = os.path.join(HERE, "published.xml")
model_file = os.path.join(WORK, "published.xml")
run = mimeo("import", published, "-o", model_file)
check(run.returncode == 0 and "group author 'Editorial Production Group'" in run.stderr
      and "1 cross-references to parts the model does not keep (1 to other parts)" in run.stderr
      and "left out: ali:free_to_read (1), contrib/xref to fn (1)" in run.stderr,
      f"the published article imports, naming what it leaves out: {run.stderr}")
m = ET.parse(model_file).getroot().find(f"{ns}meta")
harrison = m.find(f"{ns}contributor")
check((harrison.get("surname"), harrison.get("orcid"), harrison.get("affiliations"), harrison.get("corresponding"))
      == ("Harrison", "https://orcid.org/0000-0002-1825-0097", "aff1 aff2", "true"), "the first author, whole")
check(m.findall(f"{ns}contributor")[2].get("collective") == "true", "the group author")
check([a.findtext(f"{ns}institution") for a in m.findall(f"{ns}affiliation")]
      == ["University of Cambridge", "Max Planck Institute for Plant Breeding Research, Cologne, Germany"],
      "both affiliations, tagged and untagged")
check([(a.get("type"), a.get("language")) for a in m.findall(f"{ns}abstract")]
      == [(None, None), ("executive-summary", None), (None, "de")], "all three abstracts, typed")
check(m.findtext(f"{ns}summary").startswith("The main abstract, first paragraph"), "the summary is the main abstract's start")
check(len(m.findall(f"{ns}funding")) == 2 and m.findtext(f"{ns}elocation") == "e00666"
      and [s.text for s in m.findall(f"{ns}subject")][:2] == ["Cell Biology", "Plant Biology"], "funding, elocation, subjects")
root = ET.parse(model_file).getroot()
references = root.findall(f"{ns}references/{ns}reference")
check([r.get("id") for r in references] == ["bib1", "bib2"], "both references, with their ids")
check(references[0].findtext(f"{ns}citation").startswith("Baldwin PR, Penczek PA (2007) The transform class")
      and references[0].findtext(f"{ns}doi") == "10.1016/j.jsb.2006.06.002", "an element-citation as a sentence, and its parts")
check(references[1].findtext(f"{ns}citation").startswith("Wolf S, Mravec J (2012) Plant cell wall homeostasis.")
      and references[1].findtext(f"{ns}doi") == "10.1126/science.1215036", "a mixed-citation as written, label apart")
check([(x.get("target"), x.get("kind")) for x in root.iter(f"{ns}xref")]
      == [("bib1", "reference"), ("bib2", "reference"), ("fig1", "figure"), ("tbl1", "table"), ("equ1", "equation"),
          ("bib1", "reference")],
      "cross-references that resolve are kept, by kind")
figure = root.find(f".//{ns}figure")
tables = root.findall(f".//{ns}table")
check(figure.get("label") == "Figure 1." and figure.findtext(f"{ns}title") == "The wall."
      and [t.get("label") for t in tables] == ["Table 1.", "Table 2.", None]
      and tables[1].findtext(f"{ns}title") == "Two panels.", "labels and titles apart from the captions")
check("right panel" in ET.tostring(tables[2], encoding="unicode") and "Counted twice." in ET.tostring(root, encoding="unicode"),
      "a table-wrap's second table and its foot are kept")
mml = "{http://www.w3.org/1998/Math/MathML}"
formulas = list(root.iter(f"{ns}math"))
check(len(formulas) == 2 and formulas[0].find(f"{mml}math") is not None and formulas[1].get("id") == "equ1"
      and formulas[1].get("label") == "(1)" and formulas[1].text == "E = k^2 / \\rho"
      and formulas[1].find(f"{mml}math/{mml}mrow") is not None, "MathML kept as it is, with the TeX, id and label")
rejats = os.path.join(WORK, "rejats")
run = mimeo("convert", "--issue", ISSUE, model_file, "--to", "jats", "-o", rejats)
check(run.returncode == 0, f"the model of the published article exports valid JATS: {run.stderr}")
again_meta = ET.parse(os.path.join(rejats, "00666.xml")).getroot().find("front/article-meta")
rejats_file = os.path.join(rejats, "00666.xml")
back_refs = ET.parse(rejats_file).getroot().findall("back/ref-list/ref")
check([r.get("id") for r in back_refs] == ["bib1", "bib2"]
      and back_refs[0].find("citation-alternatives/element-citation/pub-id[@pub-id-type='pmid']") is not None,
      "the references go out again, tagged where their parts are known")
check(len(ET.parse(rejats_file).getroot().findall(".//xref[@ref-type='bibr']")) == 3, "and the citations as xref")
out_formula = ET.parse(rejats_file).getroot().find(".//disp-formula[@id='equ1']")
check(out_formula is not None and out_formula.find("alternatives/tex-math") is not None
      and out_formula.find(f"alternatives/{mml}math") is not None, "the equation goes out with its TeX and MathML")
model_again = os.path.join(WORK, "published-again.xml")
mimeo("import", rejats_file, "-o", model_again)
rejats_again = os.path.join(WORK, "rejats-again")
mimeo("convert", "--issue", ISSUE, model_again, "--to", "jats", "-o", rejats_again)
check(open(os.path.join(rejats_again, "00666.xml"), "rb").read() == open(rejats_file, "rb").read(),
      "JATS -> model -> JATS of the published article gives the same bytes")
check([a.get("abstract-type") for a in again_meta.findall("abstract")] == [None, "executive-summary"]
      and again_meta.find("trans-abstract").get("{http://www.w3.org/XML/1998/namespace}lang") == "de",
      "the abstracts go out again, the German one as trans-abstract")
for fmt, name in (("html", "published.html"), ("email", "published.eml"), ("epub", "published.epub")):
    target = os.path.join(WORK, name)
    extra = {"email": ["-O", "from=news@lamplighter.example.org"], "epub": ["-O", "missing-images=warn"]}.get(fmt, [])
    run = mimeo("convert", "--issue", ISSUE, model_file, "--to", fmt, "-o", target, *extra)
    check(run.returncode == 0 and mimeo("check", target).returncode == 0, f"{fmt} of the published article: {run.stderr}")
    if fmt == "epub":
        # epubcheck above: every citation's link arrives (no RSC-012), the missing picture's too,
        # and the pages with MathML are declared so.
        with zipfile.ZipFile(target) as book:
            check('properties="mathml"' in book.read("EPUB/package.opf").decode(), "epub: the mathml property")
        continue
    text = open(target, encoding="utf-8").read()
    check("eLife digest" in text and "Die Zusammenfassung" in text, f"{fmt}: the abstracts are shown")
    check(("role=\"doc-biblioref\"" in text and "role=\"doc-backlink\"" in text
           and '<math xmlns="http://www.w3.org/1998/Math/MathML" id="00666-equ1" display="block">' not in text
           and "<mrow><mi>E</mi>" in text and '<span class="equation-label">(1)</span>' in text) if fmt == "html"
          else ("References:" in text and "[1] Baldwin PR, Penczek PA" in text), f"{fmt}: the references, linked")

# Markdown cites as pandoc's Markdown does, from `references:` (CSL-JSON items in YAML) and a
# CSL-JSON `bibliography:`; the citations become cross-references, shown author-date.
cites = os.path.join(HERE, "cites.md")
cites_model = os.path.join(WORK, "cites.xml")
run = mimeo("import", cites, "-o", cites_model)
check(run.returncode == 0 and "warning[citation-unknown]" in run.stderr and "'@nobody'" in run.stderr,
      f"the citing article imports, naming the unknown key: {run.stderr}")
c = ET.parse(cites_model).getroot()
check([r.get("id") for r in c.findall(f"{ns}references/{ns}reference")] == ["baldwin2007", "wolf2012"],
      "references from the front matter and from the bibliography file")
check([(x.get("target"), x.text) for x in c.iter(f"{ns}xref")]
      == [("baldwin2007", "Baldwin and Penczek 2007"), ("wolf2012", "Wolf et al. 2012"), ("wolf2012", "Wolf et al. (2012)")],
      "bracketed and in-text citations as cross-references")
body_text = ET.tostring(c.find(f"{ns}body"), encoding="unicode")
check("[@nobody]" in body_text and "someone@example.org" in body_text, "an unknown key and an address stay as written")
for fmt, name in (("html", "cites.html"), ("epub", "cites.epub"), ("jats", "cites-jats")):
    target = os.path.join(WORK, name)
    run = mimeo("convert", "--issue", ISSUE, cites, "--to", fmt, "-o", target)
    check(run.returncode == 0, f"{fmt} of the citing article: {run.stderr}")
    if fmt != "jats":
        check(mimeo("check", target).returncode == 0, f"{fmt} of the citing article passes its checker")
cites_jats = ET.parse(os.path.join(WORK, "cites-jats", "what-the-walls-are-made-of.xml")).getroot()
check(len(cites_jats.findall("back/ref-list/ref")) == 2 and len(cites_jats.findall(".//xref[@ref-type='bibr']")) == 3,
      "the JATS has the ref-list and the citations")
check(cites_jats.findtext("front/article-meta/elocation-id") == "e418001",
      "elocation: auto is e, the issue's number and the article's place")

# A BibTeX bibliography, as Zotero and JabRef export it, read through pandoc's citeproc: TeX
# accents become letters, the parts are kept, the place goes into the sentence, and the fields
# the model has no place for are named.
bib = os.path.join(HERE, "bibtex.md")
bib_model = os.path.join(WORK, "bibtex.xml")
run = mimeo("import", bib, "-o", bib_model)
check(run.returncode == 0, f"the article citing a .bib imports: {run.stderr}")
check("warning[csl-skip]" in run.stderr and "ISBN (1)" in run.stderr and "editor (1)" in run.stderr,
      f"the BibTeX fields with no place are named: {run.stderr}")
if run.returncode == 0:
    b = ET.parse(bib_model).getroot()
    refs = {r.get("id"): r for r in b.findall(f"{ns}references/{ns}reference")}
    check(sorted(refs) == ["goedel1931", "knuth1984", "lamport1978"], f"every entry is a reference: {sorted(refs)}")
    goedel = refs.get("goedel1931")
    check(goedel is not None and goedel.findtext(f"{ns}author") == "Gödel K"
          and "Über formal unentscheidbare" in "".join(goedel.find(f"{ns}title").itertext())
          and "Principia Mathematica" in "".join(goedel.find(f"{ns}title").itertext())
          and goedel.findtext(f"{ns}pages") == "173-198" and goedel.findtext(f"{ns}doi") == "10.1007/BF01700692",
          "the accents are letters, braced capitals stay, and the parts are kept")
    knuth = refs.get("knuth1984")
    check(knuth is not None and "Reading, Mass.: Addison-Wesley." in knuth.findtext(f"{ns}citation"),
          "the publisher's place is in the sentence")
    check([x.get("target") for x in b.iter(f"{ns}xref")] == ["goedel1931", "lamport1978", "knuth1984"],
          "the citations link to the entries")
    bib_jats = os.path.join(WORK, "bibtex-jats")
    run = mimeo("convert", "--issue", ISSUE, bib, "--to", "jats", "-o", bib_jats)
    check(run.returncode == 0 and len(ET.parse(os.path.join(bib_jats, "proofs-and-clocks.xml")).getroot()
                                      .findall("back/ref-list/ref")) == 3, f"and reach the JATS ref-list: {run.stderr}")
broken = os.path.join(WORK, "broken")
os.makedirs(broken)
with open(os.path.join(broken, "refs.bib"), "w") as f:
    f.write("@article{open, title = {never closed\n")
with open(os.path.join(broken, "a.md"), "w") as f:
    f.write("---\ntitle: A\nbibliography: refs.bib\n---\nx\n")
run = mimeo("import", os.path.join(broken, "a.md"))
check(run.returncode == 1 and "refs.bib" in run.stderr and "error[pandoc-failed]" in run.stderr,
      f"a broken .bib is an error naming it: {run.stderr}")

# pandoc reads the same scholarly front matter and citations (`--engine pandoc`): the same
# contributors in parts, affiliations, references in the same order, and cross-references
# (pandoc's smart quotes curl the apostrophes of names, which mimeo keeps as typed).
def scholarly(path):
    with open(path, encoding="utf-8") as f:
        root = ET.fromstring(f.read().replace("\u2019", "'").encode())
    meta = root.find(f"{ns}meta")
    return ([sorted(c.attrib.items()) + [("name", c.text)] for c in meta.findall(f"{ns}contributor")],
            [ET.tostring(a, encoding="unicode") for a in meta.findall(f"{ns}affiliation")],
            [(r.get("id"), r.findtext(f"{ns}citation")) for r in root.findall(f"{ns}references/{ns}reference")],
            [(x.get("target"), x.text) for x in root.iter(f"{ns}xref")])
for name in ("dock-safety.md", "cites.md", "bibtex.md"):
    natively, through_pandoc = os.path.join(WORK, name + ".native.xml"), os.path.join(WORK, name + ".pandoc.xml")
    mimeo("import", os.path.join(HERE, name), "-o", natively)
    run = mimeo("import", "--engine", "pandoc", os.path.join(HERE, name), "-o", through_pandoc)
    check(run.returncode == 0 and "pandoc-meta" not in run.stderr, f"{name} through pandoc: {run.stderr}")
    if run.returncode == 0:
        a, b = scholarly(natively), scholarly(through_pandoc)
        check(a == b, f"{name}: pandoc's reading differs from mimeo's:\n  mimeo:  {a}\n  pandoc: {b}")

# The fixtures lack what PMC needs: a warning for each gap, naming the key; strict refuses them.
plain = os.path.join(WORK, "plain")
fixture = os.path.join(ROOT, "fixtures", "articles", "02-notes-and-links.md")
run = mimeo("convert", "--issue", os.path.join(ROOT, "fixtures", "issue.yaml"), fixture, "--to", "jats", "-o", plain)
for key in ("set license:", "set subjects:", "set elocation:", "{given, surname}"):
    check(f"warning[jats-missing]" in run.stderr and key in run.stderr, f"a jats-missing warning names '{key}': {run.stderr}")
strict = mimeo("convert", "--issue", os.path.join(ROOT, "fixtures", "issue.yaml"), fixture, "--to", "jats",
               "-o", os.path.join(WORK, "strict"), "-O", "strict=true")
check(strict.returncode == 1 and "error[jats-missing]" in strict.stderr, f"strict: true makes a gap an error: {strict.stderr}")

# Bad identifiers are located errors.
bad = os.path.join(WORK, "bad.md")
with open(bad, "w") as f:
    f.write("---\ntitle: T\nauthors:\n  - {given: A, surname: B, orcid: 0000-0002-1825-0098}\n---\nx\n")
run = mimeo("import", bad)
check(run.returncode == 1 and f"{bad}:4:" in run.stderr and "check digit" in run.stderr, f"a wrong ORCID check digit: {run.stderr}")
with open(os.path.join(WORK, "issue.yaml"), "w") as f:
    f.write("publication:\n  title: T\n  issn: 2049-3631\n")
run = mimeo("convert", "--issue", os.path.join(WORK, "issue.yaml"), fixture, "--to", "jats", "-o", os.path.join(WORK, "x"))
check(run.returncode == 1 and "issn" in run.stderr and "check digit" in run.stderr, f"a wrong ISSN check digit: {run.stderr}")

# The feeds carry the structured authors: Atom's author with uri (the ORCID iD) and email, RSS's
# author address, both passing the W3C feed validator.
for fmt in ("atom", "rss"):
    feed = os.path.join(WORK, f"feed.{fmt}")
    run = mimeo("convert", "--issue", ISSUE, ARTICLE, "--to", fmt, "-o", feed, "-O", "merge=false")
    check(run.returncode == 0, f"{fmt}: {run.stderr}")
    text = open(feed, encoding="utf-8").read()
    if fmt == "atom":
        check("<uri>https://orcid.org/0000-0002-1825-0097</uri>" in text
              and "<email>dana.okafor@lamplighter.example.org</email>" in text, "atom: the author's ORCID iD and address")
    else:
        check("<author>dana.okafor@lamplighter.example.org (Dana Okafor)</author>" in text, "rss: the author's address")
    check_feed(feed, f"https://lamplighter.example.org/feed.{fmt}", f"the {fmt} feed")

# The pages and the newsletter say where the authors work, and pass their checkers.
for fmt, name in (("html", "page.html"), ("epub", "book.epub"), ("email", "letter.eml")):
    target = os.path.join(WORK, name)
    extra = ["-O", "from=news@lamplighter.example.org"] if fmt == "email" else []
    run = mimeo("convert", "--issue", ISSUE, ARTICLE, "--to", fmt, "-o", target, *extra)
    check(run.returncode == 0, f"{fmt}: {run.stderr}")
    checked = mimeo("check", target)
    check(checked.returncode == 0, f"{fmt}: mimeo check: {checked.stdout}{checked.stderr}")
page = open(os.path.join(WORK, "page.html"), encoding="utf-8").read()
check("Dana Okafor: Research Desk, Lamplighter Press Cooperative, Liverpool, United Kingdom; Department of Informatics,"
      in page and 'href="https://orcid.org/0000-0002-1825-0097"' in page, "the page lists the affiliations and the ORCID iD")
letter = open(os.path.join(WORK, "letter.eml"), encoding="utf-8").read()
check("Luis Prieto: Research Desk" in letter.replace("=\r\n", "").replace(" \r\n", " "), "the newsletter lists them too")

if not os.path.exists(CHECK_JATS):
    print(f"SKIP: {CHECK_JATS} is absent; the PMC Style Checker and the JATS4R schematron were not run")
else:
    result = validators(path)
    check(result.returncode == 0, f"PMC and JATS4R pass the full article:\n{result.stdout}{result.stderr}")
    check("PMC Style Checker: 0 errors" in result.stdout and "JATS4R schematron: 0 errors" in result.stdout,
          f"both checkers ran on it: {result.stdout}")
    result = validators(rejats_file)
    check(result.returncode == 0, f"PMC and JATS4R pass the published article's export:\n{result.stdout}")
    # The checkers are real: the fixture without the metadata fails them, for the gaps warned of.
    result = validators(os.path.join(plain, "reading-the-port-authority-s-annual-report.xml"))
    check(result.returncode == 1 and "article-categories" in result.stdout and "elocation" in result.stdout,
          f"PMC fails the fixture that lacks the metadata: {result.stdout}")
finish("jats archive")
