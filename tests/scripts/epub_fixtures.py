# mimeo-test: slow
"""EPUB export end to end: the fixtures' issue and each fixture alone give EPUBs that
epubcheck passes with 0 errors and 0 warnings; the package holds what issue 4 asks
(metadata, navigation, notes, images); builds are byte-identical; bad input fails
cleanly and never replaces an earlier output."""
import concurrent.futures
import glob
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

FIXTURES = os.path.join(ROOT, "fixtures")
ISSUE = os.path.join(FIXTURES, "issue.yaml")
ARTICLES = sorted(glob.glob(os.path.join(FIXTURES, "articles", "*.md")))
JAR = "/usr/share/java/epubcheck.jar"
HAVE_EPUBCHECK = shutil.which("java") is not None and os.path.exists(JAR)
WORK = tempfile.mkdtemp(prefix="mimeo-epub-")

def mimeo(*args, env=None, limit_file_size=None):
    def limit():
        if limit_file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([MIMEO, *args], capture_output=True, text=True, env=full_env, preexec_fn=limit)


def convert(output, *inputs, issue=True, options=(), env=None, importer=()):
    args = ["convert", *inputs, "--to", "epub", "-o", output, *importer]
    if issue:
        args += ["--issue", ISSUE]
    for option in options:
        args += ["-O", option]
    return mimeo(*args, env=env)


def epubcheck(path):
    """(errors + fatals, warnings, full output) as epubcheck reports them."""
    # C1 only and the serial collector: half the CPU of a default JVM for a run this short.
    run = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR, path],
                         capture_output=True, text=True)
    text = run.stdout + run.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings? / (\d+) infos?", text)
    if not counts:
        return None, None, text
    return int(counts.group(1)) + int(counts.group(2)), int(counts.group(3)), text


def assert_clean(paths):
    """epubcheck on each path, two at a time: 0 errors and 0 warnings."""
    if not HAVE_EPUBCHECK:
        print(f"skipped: epubcheck on {len(paths)} EPUBs (java or {JAR} is missing)")
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for path, (errors, warnings, text) in zip(paths, pool.map(epubcheck, paths)):
            check(errors == 0 and warnings == 0,
                  f"epubcheck on {os.path.basename(path)}: {errors} errors, {warnings} warnings\n{text[-3000:]}")
            # The report's own lines too: a count we misread must not hide a message.
            check(not re.search(r"^(FATAL|ERROR|WARNING)\(", text, re.M), f"epubcheck messages for {path}:\n{text[-3000:]}")


def read(epub, name):
    with zipfile.ZipFile(epub) as z:
        return z.read(name).decode("utf-8")


# --- the whole issue -----------------------------------------------------------------------
issue_epub = os.path.join(WORK, "issue.epub")
run = convert(issue_epub, *ARTICLES)
check(run.returncode == 0, f"convert the issue: {run.stderr}")
check(run.stderr == "", f"no warnings for the fixtures: {run.stderr}")

with zipfile.ZipFile(issue_epub) as z:
    infos = z.infolist()
    names = [i.filename for i in infos]
    check(names[0] == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED, "mimetype first and stored")
    check(infos[0].extra == b"", "mimetype has no extra field")
    check(z.read("mimetype") == b"application/epub+zip", "mimetype content")
    check(names[1] == "META-INF/container.xml", "container.xml second")
    check(all(i.date_time == (2025, 4, 14, 0, 0, 0) for i in infos), "every entry dated the issue's date")
    check(len(names) == len(set(names)), "no duplicate entries")
    check("EPUB/toc.ncx" in names and "EPUB/nav.xhtml" in names, "nav.xhtml and toc.ncx")
    check("EPUB/images/rent-share.png" in names, f"the figure's image is embedded: {names}")
    check(z.read("EPUB/images/rent-share.png") == open(os.path.join(FIXTURES, "articles/images/rent-share.png"), "rb").read(),
          "the image's bytes are the file's")

opf = read(issue_epub, "EPUB/package.opf")
identifier = re.search(r'<dc:identifier id="pub-id">(urn:uuid:[0-9a-f-]{36})</dc:identifier>', opf)
check(identifier is not None, "a urn:uuid identifier")
check('<dc:title id="title">The Lamplighter \u2014 Issue 418</dc:title>' in opf, "main title")
check('<meta refines="#title" property="title-type">main</meta>' in opf, "title-type main")
check("<dc:title id=\"subtitle\">Machines and the people behind them</dc:title>" in opf, "the issue title as subtitle")
check("<dc:language>en</dc:language>" in opf and "<dc:language>ja</dc:language>" in opf, "languages en and ja")
check('<meta property="dcterms:modified">2025-04-14T00:00:00Z</meta>' in opf, "dcterms:modified from the issue date")
check("<dc:publisher>Lamplighter Press Cooperative</dc:publisher>" in opf, "publisher")
creator = re.search(r'<dc:creator id="(creator-\d+)">Dana Okafor</dc:creator>', opf)
check(creator and f'<meta refines="#{creator.group(1)}" property="role" scheme="marc:relators">aut</meta>' in opf,
      "authors are dc:creator with role aut")
translator = re.search(r'<dc:contributor id="(contributor-\d+)">Mara Ellison</dc:contributor>', opf)
check(translator and f'<meta refines="#{translator.group(1)}" property="role" scheme="marc:relators">trl</meta>' in opf,
      "the translator is a dc:contributor with role trl")
check("<dc:subject>technology</dc:subject>" in opf and "<dc:subject>\u6e2f\u6e7e</dc:subject>" in opf, "subjects from tags")
check(opf.count("<dc:subject>labor</dc:subject>") == 1, "each subject once")
check("<dc:rights>\u00a9 2025 Lamplighter Press Cooperative" in opf, "rights")
check("<dc:description>Issue 418 of The Lamplighter:" in opf, "description")
check('<meta property="belongs-to-collection" id="collection">The Lamplighter</meta>' in opf, "belongs-to-collection")
check('<meta refines="#collection" property="collection-type">series</meta>' in opf, "collection-type series")
check('<meta refines="#collection" property="group-position">418</meta>' in opf, "group-position = issue number")
for prop in ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary"):
    check(f'property="{prop}"' in opf, f"accessibility metadata {prop}")
check('media-type="image/png"' in opf, "the PNG's media type")
check('properties="nav"' in opf and '<spine toc="ncx">' in opf, "nav in the manifest, NCX in the spine")

nav = read(issue_epub, "EPUB/nav.xhtml")
check('epub:type="toc"' in nav and 'epub:type="landmarks"' in nav, "nav has toc and landmarks")
for landmark in ("cover", "toc", "bodymatter"):
    check(f'epub:type="{landmark}"' in nav, f"landmark {landmark}")
check('href="text/hidden-workforce.xhtml#speed-up-and-secrecy"' in nav, "sections listed at the default depth 2")
check(nav.count("<li>") >= 5 + 2, "every article listed")
ncx = read(issue_epub, "EPUB/toc.ncx")
check(identifier and f'<meta name="dtb:uid" content="{identifier.group(1)}" />' in ncx, "NCX uid is the identifier")
toc_part = nav.split('<section class="contents"')[0]  # the toc nav, before the contents page
check(ncx.count("<navPoint") == toc_part.count("<li><a"), "NCX and nav list the same entries")

masthead = read(issue_epub, "EPUB/text/masthead.xhtml")
for text in ("The Lamplighter", "A weekly of working people", "A dock worker, Antwerp, 1911", "Issue 418", "April 14, 2025"):
    check(text in masthead, f"masthead has {text!r}")

workforce = read(issue_epub, "EPUB/text/hidden-workforce.xhtml")
check("Translated by Mara Ellison" in workforce, "translator line")
check("Translated from" in workforce and "<cite>Travailleurs Unis</cite>" in workforce, "provenance note")
notes = read(issue_epub, "EPUB/text/reading-the-port-authority-s-annual-report.xhtml") \
    if "EPUB/text/reading-the-port-authority-s-annual-report.xhtml" in names else \
    next(read(issue_epub, n) for n in names if "port-authority" in n)
check('<aside epub:type="footnote"' in notes and 'epub:type="noteref"' in notes, "pop-up footnotes")
check('role="doc-backlink"' in notes, "notes link back")
table = next(read(issue_epub, n) for n in names if n.startswith("EPUB/text/rents"))
# Its alt text is its caption's words, which the figcaption says: the image is not read twice.
check('<img src="../images/rent-share.png" alt=""' in table
      and "<figcaption>Rent as a share of the median wage, 2015 to 2025</figcaption>" in table,
      "image packaged, described once, by its caption")
japanese = next(read(issue_epub, n) for n in names if n.startswith("EPUB/text/yokohama"))
check('lang="ja" xml:lang="ja"' in japanese, "the Japanese article's page is in Japanese")

# --- determinism ---------------------------------------------------------------------------
again = os.path.join(WORK, "again.epub")
convert(again, *ARTICLES, env={"TZ": "Asia/Tokyo"})
check(open(issue_epub, "rb").read() == open(again, "rb").read(), "two runs are byte-identical (even in another time zone)")
epoch = os.path.join(WORK, "epoch.epub")
convert(epoch, *ARTICLES, env={"SOURCE_DATE_EPOCH": "1700000000"})
check('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' in read(epoch, "EPUB/package.opf"),
      "SOURCE_DATE_EPOCH sets dcterms:modified")
check(zipfile.ZipFile(epoch).infolist()[3].date_time == (2023, 11, 14, 22, 13, 20), "and the zip times")
check(identifier and identifier.group(1) in read(epoch, "EPUB/package.opf"), "identifier independent of the time")

# --- each fixture alone --------------------------------------------------------------------
alone = []
for article in ARTICLES:
    out = os.path.join(WORK, "alone-" + os.path.basename(article).replace(".md", ".epub"))
    run = convert(out, article, issue=False)
    check(run.returncode == 0 and os.path.exists(out), f"convert {article} alone: {run.stderr}")
    alone.append(out)
no_issue = os.path.join(WORK, "no-issue.epub")
run = convert(no_issue, *ARTICLES, issue=False)
check(run.returncode == 0 and "belongs-to-collection" not in read(no_issue, "EPUB/package.opf"),
      f"articles without an issue description: {run.stderr}")
check("EPUB/text/masthead.xhtml" not in zipfile.ZipFile(no_issue).namelist(), "no masthead without a publication")
ids = {re.search(r"urn:uuid:[0-9a-f-]+", read(p, "EPUB/package.opf")).group(0) for p in alone}
check(len(ids) == len(alone), "books without a publication get identifiers from their content, all different")
check('<dc:language>ja</dc:language>' in read(alone[4], "EPUB/package.opf"), "a Japanese book alone is in Japanese")
check('<meta property="dcterms:modified">2025-04-09T00:00:00Z</meta>' in read(alone[4], "EPUB/package.opf"),
      "without an issue, the article's date")

# --- options -------------------------------------------------------------------------------
styled = os.path.join(WORK, "styled.epub")
css = os.path.join(WORK, "mine.css")
with open(css, "w") as f:
    f.write("body { color: #222; }\n")
fonts = sorted(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
options = [f"cover={FIXTURES}/articles/images/rent-share.png", f"stylesheet={css}", "toc-depth=1"]
if fonts:
    options.append(f"fonts=[{fonts[0]}]")
else:
    print("skipped: font embedding (no DejaVu font on this machine)")
run = convert(styled, *ARTICLES, options=options)
check(run.returncode == 0, f"convert with cover, stylesheet, fonts: {run.stderr}")
styled_opf = read(styled, "EPUB/package.opf")
check('properties="cover-image"' in styled_opf and '<meta name="cover" content="cover-image" />' in styled_opf, "cover image")
style = read(styled, "EPUB/style.css")
check(style.startswith("body { color: #222; }"), "the user's stylesheet replaces the default")
if fonts:
    check('@font-face {\n  font-family: "DejaVu Serif";\n  src: url("fonts/font-1.ttf");\n  font-style: normal;\n'
          '  font-weight: 400;\n}' in style, "@font-face for the font, by its own name table")
    check('media-type="font/ttf"' in styled_opf, "the font in the manifest")
styled_toc = read(styled, "EPUB/nav.xhtml").split('<section class="contents"')[0]
check("#" not in styled_toc and styled_toc.count("<li><a") == 5, "toc-depth 1 lists articles only")

per_article = os.path.join(WORK, "per-article")
run = convert(per_article, *ARTICLES, options=["per-article=true"])
check(run.returncode == 0, f"per-article: {run.stderr}")
books = sorted(glob.glob(os.path.join(per_article, "*.epub")))
check(len(books) == 5 and os.path.join(per_article, "hidden-workforce.epub") in books, f"one EPUB per article: {books}")
one = read(os.path.join(per_article, "hidden-workforce.epub"), "EPUB/package.opf")
check('<dc:title id="title">The Hidden Workforce Behind \u201cSmart\u201d Machines</dc:title>' in one, "per-article title")
check("<dc:source>https://travailleurs-unis.example.fr/1187/main-doeuvre-cachee</dc:source>" in one, "per-article source")
check('<meta refines="#collection" property="group-position">418</meta>' in one, "per-article books stay in the series")

# Endnotes (DOCX brings them) and an SVG cover: a canonical XML article made from a fixture.
endnote_xml = os.path.join(WORK, "endnotes.xml")
canonical = mimeo("import", os.path.join(FIXTURES, "articles", "02-notes-and-links.md")).stdout
with open(endnote_xml, "w") as f:
    f.write(canonical.replace('kind="footnote"', 'kind="endnote"'))
svg_cover = os.path.join(WORK, "cover.svg")
with open(svg_cover, "w") as f:
    f.write('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800"><rect width="600" height="800"/></svg>')
endnotes = os.path.join(WORK, "endnotes.epub")
run = convert(endnotes, endnote_xml, options=[f"cover={svg_cover}"])
check(run.returncode == 0 and '<aside epub:type="endnote"' in read(endnotes, "EPUB/text/reading-the-port-authority-s-annual-report.xhtml"),
      f"endnotes become endnote asides: {run.stderr}")
check('href="images/cover.svg" media-type="image/svg+xml" properties="cover-image"' in read(endnotes, "EPUB/package.opf"),
      "an SVG cover, typed by its content")

# --- raw HTML: sanitized by default, kept by option -------------------------------------------
hostile = os.path.join(WORK, "hostile.md")
with open(hostile, "w") as f:
    f.write("---\ntitle: Hostile\nauthor: Nobody\ndate: 2025-01-01\n---\n\n"
            "Text <b onclick=\"steal()\">bold</b> and <a href=\"javascript:alert(1)\">a link</a>.\n\n"
            "<div class=\"box\" onmouseover=\"evil()\"><p>Inside <a href=\"JaVa&#x09;script:alert(2)\">x</a>"
            "<img src=\"data:text/html;base64,PHNjcmlwdD4=\" alt=\"d\"></p>"
            "<iframe src=\"https://evil.example/\"></iframe><object data=\"x.swf\"></object><embed src=\"y.swf\">"
            "<script>alert(3)</script><style>body{}</style><svg onload=\"alert(4)\"></svg>"
            "<a href=\"data:text/html,hi\">d</a><p style=\"background:url(javascript:x)\">styled</p></div>\n")
safe = os.path.join(WORK, "hostile.epub")
run = convert(safe, hostile, issue=False)
check(run.returncode == 0, f"hostile raw HTML converts: {run.stderr}")
page = read(safe, "EPUB/text/hostile.xhtml")
for bad in ("onclick", "onmouseover", "onload", "javascript:", "<script", "<iframe", "<object", "<embed", "<style",
            "<svg", "data:text", "style=", "alert(3)"):
    check(bad.lower() not in page.lower(), f"sanitized: no {bad!r} in the page")
check('<div class="box"><p>Inside <a>x</a></p>' in page and "<p>Text <b>bold</b>" in page,
      f"the harmless markup stays: {page}")
# Keeping raw HTML is for trusted input: embedded objects or remote frames it keeps are the user's
# to answer for (and GFM's tagfilter, which disarms <script> whatever the policy, is turned off).
trusted = os.path.join(WORK, "trusted.md")
with open(trusted, "w") as f:
    f.write("---\ntitle: Hostile\nauthor: Nobody\n---\n\nText <b onclick=\"steal()\">bold</b>.\n\n"
            "<div class=\"box\"><script>document.title = 'x';</script></div>\n")
kept = os.path.join(WORK, "kept.epub")
run = convert(kept, trusted, issue=False, options=["raw-html=keep"], importer=["-I", "tagfilter=false"])
check(run.returncode == 0 and 'onclick="steal()"' in read(kept, "EPUB/text/hostile.xhtml") and
      "<script>document.title" in read(kept, "EPUB/text/hostile.xhtml"), "raw-html=keep keeps it")
check('properties="scripted"' in read(kept, "EPUB/package.opf"), "a page with kept scripts is declared scripted")
check('properties="scripted"' not in read(safe, "EPUB/package.opf"), "a sanitized page is not scripted")

# --- bad input -----------------------------------------------------------------------------
broken_folder = os.path.join(WORK, "broken")
os.makedirs(broken_folder)
broken = os.path.join(broken_folder, "lost.md")
with open(broken, "w") as f:
    f.write("---\ntitle: Lost Picture\nslug: lost-picture\n---\n\n![A chart](charts/gone.png)\n\nText.\n")
earlier = os.path.join(WORK, "earlier.epub")
shutil.copy(issue_epub, earlier)
run = convert(earlier, broken, issue=False)
check(run.returncode == 1, "a missing image fails the conversion")
check("lost-picture" in run.stderr and "charts/gone.png" in run.stderr and "epub-image" in run.stderr,
      f"the error names the article and the image: {run.stderr}")
check(open(earlier, "rb").read() == open(issue_epub, "rb").read(), "the earlier EPUB is left intact")
check(not [f for f in os.listdir(WORK) if f.startswith(".earlier")], "no temporary file left behind")

warned = os.path.join(WORK, "warned.epub")
run = convert(warned, broken, issue=False, options=["missing-images=warn"])
check(run.returncode == 0 and "warning[epub-image]" in run.stderr and "charts/gone.png" in run.stderr,
      f"missing-images=warn warns: {run.stderr}")
with zipfile.ZipFile(warned) as z:
    # Only the drawn cover is packed.
    check([n for n in z.namelist() if n.startswith("EPUB/images/")] == ["EPUB/images/cover.png"],
          "the missing image is left out")
    check("<img" not in z.read("EPUB/text/lost-picture.xhtml").decode(), "no broken <img> in the page")

run = convert(os.path.join(WORK, "x.epub"), *ARTICLES, options=["missing-images=maybe"])
check(run.returncode == 2 and "'missing-images' must be one of: error, warn (got 'maybe')" in run.stderr,
      f"a bad option value is a usage error: {run.stderr}")

# A write that fails (the file size limit) leaves the earlier file as it was.
shutil.copy(issue_epub, earlier)
run = mimeo("convert", *ARTICLES, "--issue", ISSUE, "--to", "epub", "-o", earlier, limit_file_size=4096)
check(run.returncode == 1 and "cannot write" in run.stderr, f"an unwritable output is an error: {run.stderr}")
check(open(earlier, "rb").read() == open(issue_epub, "rb").read(), "the earlier EPUB survives a failed write")
run = convert(os.path.join(issue_epub, "inside.epub"), *ARTICLES)
check(run.returncode == 1 and "error[write]" in run.stderr, f"an output below a file is an error: {run.stderr}")

# --- mimeo check ---------------------------------------------------------------------------
run = mimeo("check", issue_epub)
if HAVE_EPUBCHECK:
    check(run.returncode == 0 and "epub check passed" in run.stdout, f"mimeo check passes the issue: {run.stdout}{run.stderr}")
    bad = os.path.join(WORK, "bad.epub")
    with zipfile.ZipFile(issue_epub) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            if info.filename != "EPUB/toc.ncx":
                dst.writestr(info, src.read(info.filename))
    run = mimeo("check", bad)
    check(run.returncode == 1 and "FAILED" in run.stdout and "error[epubcheck]" in run.stderr,
          f"mimeo check fails a broken EPUB: {run.stdout}{run.stderr}")
else:
    check(run.returncode == 0 and "skipped" in run.stdout, f"mimeo check skips without epubcheck: {run.stdout}")

# --- epubcheck on every book made above ----------------------------------------------------
assert_clean([issue_epub, no_issue, *alone, styled, *books, safe, kept, warned, endnotes])

shutil.rmtree(WORK)
finish("epub fixtures")
