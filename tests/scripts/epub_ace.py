#!/usr/bin/python3
# mimeo-test: slow
"""Ace by DAISY (npm @daisy/ace, its ace-puppeteer runner with Debian's chromium) on the EPUBs
mimeo makes: each fixture article as a book of its own, the demo issue, and the demo's articles
as per-article books. Every one must have 0 violations of any impact and the accessibility
metadata EPUB Accessibility 1.1 asks for, dcterms:conformsTo among it."""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

ACE = os.path.join(ROOT, "node_modules", ".bin", "ace-puppeteer")
CHROMIUM = "/usr/bin/chromium"
WORK = tempfile.mkdtemp(prefix="mimeo-ace-")


def ace(book):
    """Ace's report on `book`: (violations as 'impact rule page: element', missing metadata)."""
    report_dir = os.path.join(WORK, "report-" + os.path.basename(book))
    run = subprocess.run([ACE, "--force", "--silent", "--outdir", report_dir, book], capture_output=True, text=True,
                         env=dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM), timeout=300)
    report_file = os.path.join(report_dir, "report.json")
    if not os.path.exists(report_file):
        check(False, f"{book}: Ace wrote no report: {run.stdout}{run.stderr}")
        return [], []
    with open(report_file, encoding="utf-8") as f:
        report = json.load(f)
    violations = []
    for page in report.get("assertions", []):
        for found in page.get("assertions", []):
            test = found["earl:test"]
            violations.append(f"{test['earl:impact']} {test['dct:title']} {page['earl:testSubject']['url']}: "
                              f"{found['earl:result'].get('html', '')[:120]}")
    return violations, report.get("a11y-metadata", {}).get("missing", [])


if not os.path.exists(ACE) or not os.path.exists(CHROMIUM):
    sys.exit(f"Ace ({ACE}) or chromium ({CHROMIUM}) is missing: run scripts/setup")

books = []
for article in sorted(glob.glob(os.path.join(ROOT, "fixtures", "articles", "*.md"))):
    book = os.path.join(WORK, os.path.basename(article) + ".epub")
    run = subprocess.run([MIMEO, "convert", article, "--to", "epub", "-o", book], capture_output=True, text=True)
    check(run.returncode == 0, f"{article}: {run.stderr}")
    books.append(book)
demo = os.path.join(WORK, "demo.yaml")
with open(os.path.join(ROOT, "pipelines", "demo.yaml"), encoding="utf-8") as f:
    text = f.read().replace("../fixtures/", os.path.join(ROOT, "fixtures") + "/")
# The demo's book, and its articles as books of their own.
text = text.replace("outputs:\n", "outputs:\n  - format: epub\n    path: out/demo/books/${article.slug}.epub\n", 1)
with open(demo, "w", encoding="utf-8") as f:
    f.write(text)
run = subprocess.run([MIMEO, "run", demo, "--only", "epub", "--no-cache"], capture_output=True, text=True)
check(run.returncode == 0, f"demo: {run.stderr}")
books += sorted(glob.glob(os.path.join(WORK, "out", "demo", "*.epub")))
# The demo in French: its fixed words are French, and every page says so.
french = os.path.join(WORK, "french.yaml")
with open(french, "w", encoding="utf-8") as f:
    f.write(text.replace("language: en", "language: fr").replace("out/demo/", "out/french/"))
run = subprocess.run([MIMEO, "run", french, "--only", "epub", "--no-cache"], capture_output=True, text=True)
check(run.returncode == 0, f"french demo: {run.stderr}")
books += sorted(glob.glob(os.path.join(WORK, "out", "french", "*.epub")))
per_article = sorted(glob.glob(os.path.join(WORK, "out", "demo", "books", "*.epub")))
check(len(per_article) >= 5, f"demo: {len(per_article)} per-article books")
books += per_article

for book in books:
    violations, missing = ace(book)
    name = os.path.relpath(book, WORK)
    check(not violations, f"{name}: {len(violations)} Ace violations:\n  " + "\n  ".join(violations))
    check("dcterms:conformsTo" not in missing and "a11y:certifiedBy" not in missing,
          f"{name}: accessibility metadata missing: {missing}")
print(f"Ace: {len(books)} books")
shutil.rmtree(WORK, True)
finish("epub_ace")
