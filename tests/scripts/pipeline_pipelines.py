# mimeo-test: slow
"""Runs every pipeline in pipelines/ on the fixtures and checks what it writes with real
validators: canonical XML against schemas/article.rng (xmllint --relaxng), XHTML pages
as well-formed XML with the articles they should hold."""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, fail, finish  # noqa: E402
SCHEMA = os.path.join(ROOT, "schemas", "article.rng")
SLUGS = ["hidden-workforce", "reading-the-port-authority-s-annual-report", "rents-against-wages-2015-2025",
         "what-the-assembly-decided", "yokohama-dockers"]

def run(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True)


def valid_canonical(path):
    result = subprocess.run(["xmllint", "--noout", "--relaxng", SCHEMA, path], capture_output=True, text=True)
    return result.returncode == 0, result.stderr


def well_formed(path):
    if "fragment" in os.path.basename(path):
        # A fragment is a run of elements: well-formed once wrapped in one.
        with open(path, encoding="utf-8") as f:
            wrapped = '<div xmlns="http://www.w3.org/1999/xhtml">' + f.read() + "</div>"
        result = subprocess.run(["xmllint", "--noout", "-"], input=wrapped, capture_output=True, text=True)
    else:
        result = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
    return result.returncode == 0, result.stderr


def article_ids(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r'<article id="([^"]+)"', f.read())


def check_files(out):
    """Every file written passes its validator; returns them by extension."""
    written = [p for p in glob.glob(os.path.join(out, "**", "*"), recursive=True) if os.path.isfile(p)]
    for path in written:
        if os.path.basename(path).startswith("."):
            fail(f"{path}: a temporary file was left behind")
        elif path.endswith(".xml") and "urn:mimeo:article:1" in read(path)[:4096]:
            ok, err = valid_canonical(path)
            if not ok:
                fail(f"{path} does not match schemas/article.rng: {err}")
        elif path.endswith((".xml", ".epub", ".eml", ".rss", ".atom")):
            # JATS against its DTD, EPUB through epubcheck, email and feeds by their checks.
            result = subprocess.run([MIMEO, "check", path], capture_output=True, text=True)
            if result.returncode != 0 or " check passed" not in result.stdout:
                fail(f"{path}: mimeo check did not pass: {result.stdout}{result.stderr}")
        elif path.endswith(".html"):
            ok, err = well_formed(path)
            if not ok:
                fail(f"{path} is not well-formed XHTML: {err}")
    return written


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def expect_demo(out, result):
    page = os.path.join(out, "out/demo/lamplighter-418.html")
    if not os.path.isfile(page):
        return fail("demo: no issue page at out/demo/lamplighter-418.html")
    html = read(page)
    if len(article_ids(page)) != 5:
        fail(f"demo: the issue page holds {len(article_ids(page))} articles, not 5")
    if "The Lamplighter" not in html or "Machines and the people behind them" not in html:
        fail("demo: the page lacks the masthead")
    if 'class="section-number">1' not in html:
        fail("demo: number-sections did not number the sections")
    if '"Smart"' in html or "--" in re.sub(r"<!--.*?-->", "", html.split("<body>")[1]):
        fail("demo: straight quotes or double hyphens survived smart-typography")
    for slug in SLUGS:
        if not os.path.isfile(os.path.join(out, f"out/demo/xml/{slug}.xml")):
            fail(f"demo: no out/demo/xml/{slug}.xml")
        per_article = os.path.join(out, f"out/demo/articles/{slug}.html")
        if not os.path.isfile(per_article):
            fail(f"demo: no per-article page {per_article}")
        elif article_ids(per_article) != [slug]:
            fail(f"demo: {per_article} holds {article_ids(per_article)}, not just {slug}")
    issue_xml = read(os.path.join(out, "out/demo/xml/issue.xml"))
    if issue_xml.count('<license url="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</license>') != 5:
        fail("demo: defaults did not give every article the licence")
    if "check passed" not in result.stdout:
        fail("demo: the summary does not report the xml check: " + result.stdout)
    for name in ("lamplighter-418.epub", "lamplighter-418.eml", "feed.rss", "feed.atom"):
        if not os.path.isfile(os.path.join(out, "out/demo", name)):
            fail(f"demo: no out/demo/{name}")
    for slug in SLUGS:
        if not os.path.isfile(os.path.join(out, f"out/demo/jats/{slug}.xml")):
            fail(f"demo: no JATS for {slug}")


def expect_weekly(out, result):
    page = os.path.join(out, "out/weekly/lamplighter-418.html")
    if not os.path.isfile(page):
        return fail("weekly-issue: no out/weekly/lamplighter-418.html")
    ids = article_ids(page)
    if ids[:1] != ["hidden-workforce"] or len(ids) != 5:
        fail(f"weekly-issue: articles {ids}: wanted the lead article first, then the rest once each")
    if len(glob.glob(os.path.join(out, "out/weekly/xml-418/*.xml"))) != 6:
        fail("weekly-issue: wanted 5 articles and issue.xml in out/weekly/xml-418/")
    for name in ("lamplighter-418.epub", "feed.rss"):
        if not os.path.isfile(os.path.join(out, "out/weekly", name)):
            fail(f"weekly-issue: no out/weekly/{name}")


def expect_newsletter(out, result):
    fragment = os.path.join(out, "out/newsletter/lamplighter-418-fragment.html")
    page = os.path.join(out, "out/newsletter/lamplighter-418.html")
    if not os.path.isfile(fragment) or not os.path.isfile(page):
        return fail("newsletter: the fragment or the page is missing")
    if "<html" in read(fragment):
        fail("newsletter: the fragment has a page around it")
    if len(article_ids(page)) != 3:
        fail(f"newsletter: {len(article_ids(page))} articles, wanted 3")
    for name in ("lamplighter-418.eml", "feed.rss"):
        if not os.path.isfile(os.path.join(out, "out/newsletter", name)):
            fail(f"newsletter: no out/newsletter/{name}")


def expect_archive(out, result):
    for slug in SLUGS:
        if not os.path.isfile(os.path.join(out, f"out/archive/2025-04-14/jats/{slug}.xml")):
            fail(f"jats-archive: no JATS for {slug}")
    found = sorted(glob.glob(os.path.join(out, "out/archive/2025-04-14/*/*.xml")))
    for slug in SLUGS:
        article = os.path.join(out, f"out/archive/2025-04-14/{slug}/{slug}.xml")
        if article not in found:
            fail(f"jats-archive: no {article}")
        elif '<copyright year="2025" holder="Lamplighter Press Cooperative">' not in read(article):
            fail(f"jats-archive: {article} lacks the default copyright")
        # Each folder holds its article alone (and an issue.xml with just that article).
        issue = os.path.join(out, f"out/archive/2025-04-14/{slug}/issue.xml")
        if os.path.isfile(issue) and len(re.findall(r"<article[ >]", read(issue))) != 1:
            fail(f"jats-archive: {issue} holds more than its article")


EXPECT = {
    "demo": expect_demo,
    "weekly-issue": expect_weekly,
    "newsletter": expect_newsletter,
    "jats-archive": expect_archive,
}

pipelines = sorted(glob.glob(os.path.join(ROOT, "pipelines", "*.yaml")))
names = [os.path.splitext(os.path.basename(p))[0] for p in pipelines]
for wanted in EXPECT:
    if wanted not in names:
        fail(f"pipelines/{wanted}.yaml is missing")

with tempfile.TemporaryDirectory() as tmp:
    for pipeline, name in zip(pipelines, names):
        out = os.path.join(tmp, name)
        result = run("run", pipeline, "--out", out, "--cache", os.path.join(tmp, "cache"))
        if result.returncode != 0:
            fail(f"{name}: exit {result.returncode}\n{result.stderr}")
            continue
        if not re.search(r"^wrote \d+ outputs? ", result.stdout, re.M):
            fail(f"{name}: no summary line: {result.stdout}")
        written = check_files(out)
        if not written:
            fail(f"{name}: wrote nothing")
        if name in EXPECT:
            EXPECT[name](out, result)
        print(f"{name}: {len(written)} files checked")

finish("pipelines")
