#!/usr/bin/python3
"""Archive-grade JATS front matter (issue 18): an article with every scholarly key the front
matter takes (structured authors with ORCID iDs, CRediT roles and affiliations with ROR ids,
ISSNs, licence, copyright, subjects, elocation, history, funding) exports to JATS that the PMC
Style Checker and the JATS4R schematron pass with 0 errors, reads back into the same model
and exports to the same bytes again. The fixtures that lack what PMC needs get one
jats-missing warning per item (errors with strict: true), and the checkers really fail them.
Bad ORCID iDs and ISSNs are located errors."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

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

# The fixtures lack what PMC needs: a warning for each gap, naming the key; strict refuses them.
plain = os.path.join(WORK, "plain")
fixture = os.path.join(ROOT, "fixtures", "articles", "02-notes-and-links.md")
run = mimeo("convert", "--issue", os.path.join(ROOT, "fixtures", "issue.yaml"), fixture, "--to", "jats", "-o", plain)
for key in ("set license:", "set subjects:", "set elocation: or pages:", "{given, surname}"):
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

if not os.path.exists(CHECK_JATS):
    print(f"SKIP: {CHECK_JATS} is absent; the PMC Style Checker and the JATS4R schematron were not run")
else:
    result = validators(path)
    check(result.returncode == 0, f"PMC and JATS4R pass the full article:\n{result.stdout}{result.stderr}")
    check("PMC Style Checker: 0 errors" in result.stdout and "JATS4R schematron: 0 errors" in result.stdout,
          f"both checkers ran on it: {result.stdout}")
    # The checkers are real: the fixture without the metadata fails them, for the gaps warned of.
    result = validators(os.path.join(plain, "reading-the-port-authority-s-annual-report.xml"))
    check(result.returncode == 1 and "article-categories" in result.stdout and "elocation" in result.stdout,
          f"PMC fails the fixture that lacks the metadata: {result.stdout}")
finish("jats archive")
