# mimeo-test: slow
"""`check: true` on every per-article and folder output: each file holds its own article
(title, Message-ID, dc:identifier) and each is checked under its own name. Once, the
checks linked every staged file of such an output under one name, and the copy that
followed wrote one article's bytes over another's."""
import email
import email.policy
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

NS = "{urn:mimeo:article:1}"


def escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


work = tempfile.mkdtemp()
try:
    shutil.copytree(os.path.join(ROOT, "fixtures", "articles"), os.path.join(work, "articles"))
    with open(os.path.join(work, "issue.yaml"), "w") as f:
        f.write("""publication: {title: The Lamplighter, language: en, url: 'https://lamplighter.example.org/'}
issue: {number: 418, date: 2025-04-14}
inputs: [articles/*.md]
outputs:
  - {format: xml, path: out/xml, check: true}
  - {format: email, path: out/mail, per-article: true, check: true, from: 'E <e@lamplighter.example.org>'}
  - {format: epub, path: out/books, per-article: true, check: true}
  - {format: epub, path: 'out/epub/${article.slug}.epub', check: true}
  - {format: jats, path: out/jats, check: true}
  - {format: html, path: 'out/html/${article.slug}.html', check: true}
  - {format: email, path: 'out/letters/${article.slug}.eml', check: true, from: 'E <e@lamplighter.example.org>'}
""")
    result = subprocess.run([MIMEO, "run", "issue.yaml"], cwd=work, capture_output=True, text=True)
    check(result.returncode == 0, f"the run exits 0: {result.returncode} {result.stderr[-2000:]}")
    # Passed, not skipped: a missing validator would say "skipped" and prove nothing.
    passed = [line for line in result.stdout.splitlines() if "check passed" in line]
    check(len(passed) == 7, f"each of the 7 outputs says 'check passed': {result.stdout}")
    out = os.path.join(work, "out")

    titles = {}
    for path in glob.glob(os.path.join(out, "xml", "*.xml")):
        slug = os.path.basename(path)[:-4]
        if slug != "issue":
            titles[slug] = ET.parse(path).getroot().find(f"{NS}meta/{NS}title").text
    check(len(titles) == 5 and len(set(titles.values())) == 5, f"five articles with distinct titles: {titles}")

    def each(folder, extension):
        names = sorted(n[: -len(extension)] for n in os.listdir(os.path.join(out, folder)) if n.endswith(extension))
        check(names == sorted(titles), f"{folder}: one file per article: {names}")
        return [(slug, os.path.join(out, folder, slug + extension)) for slug in names]

    for folder in ["mail", "letters"]:
        message_ids = set()
        for slug, path in each(folder, ".eml"):
            with open(path, "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.strict)
            check(str(message["Subject"]).endswith(titles[slug]), f"{folder}/{slug}.eml: its own subject: {message['Subject']}")
            message_ids.add(message["Message-ID"])
            # The check warns of the missing List-Unsubscribe in each message, under the message's own name.
            check(re.search(rf"out/{folder}/{re.escape(slug)}\.eml:\d+: warning\[email-no-unsubscribe\]", result.stderr),
                  f"{folder}/{slug}.eml was checked under its own name")
        check(len(message_ids) == 5, f"{folder}: five Message-IDs: {message_ids}")

    for folder in ["books", "epub"]:
        identifiers = set()
        for slug, path in each(folder, ".epub"):
            with zipfile.ZipFile(path) as book:
                opf = next(n for n in book.namelist() if n.endswith(".opf"))
                package = book.read(opf).decode()
            check(re.search(r"<dc:title[^>]*>" + re.escape(escaped(titles[slug])) + "<", package),
                  f"{folder}/{slug}.epub: its own title")
            identifiers.add(re.search(r"<dc:identifier[^>]*>([^<]*)<", package).group(1))
        check(len(identifiers) == 5, f"{folder}: five dc:identifiers: {identifiers}")

    for slug, path in each("jats", ".xml"):
        text = "".join(ET.parse(path).getroot().find("front/article-meta/title-group/article-title").itertext())
        check(text == titles[slug], f"jats/{slug}.xml: its own title: {text!r}")

    for slug, path in each("html", ".html"):
        with open(path, encoding="utf-8") as f:
            page = f.read()
        check(re.search(r"<h1[^>]*>" + re.escape(escaped(titles[slug])) + "<", page), f"html/{slug}.html: its own title")

    staged = [p for p in glob.glob(os.path.join(out, "**", ".*"), recursive=True)]
    check(not staged, f"no staged file left: {staged}")
finally:
    shutil.rmtree(work)

finish("pipeline_check_per_article")
