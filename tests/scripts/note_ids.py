# mimeo-test: slow
"""Note ids are unique across a page, a book and a feed: two articles that both have a note
[^1] share an issue page (checked by the Nu Html Checker, which rejects repeated ids, and for
every #link having its target), an EPUB (epubcheck) and the RSS and Atom feeds, where each
item's note links are absolute, on the item's own URL (a feed reader resolves a bare #fn1
against the feed)."""
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402


def run(*args):
    result = subprocess.run([MIMEO, *args], capture_output=True, text=True)
    check(result.returncode == 0, f"mimeo {' '.join(args)}: exit {result.returncode}: {result.stdout}{result.stderr}")
    return result


work = tempfile.mkdtemp()
try:
    articles = []
    for name in ("tides", "wages"):
        path = os.path.join(work, name + ".md")
        with open(path, "w") as f:
            f.write(f"---\ntitle: {name.title()}\ndate: 2025-04-14\n---\n"
                    f"First claim.[^1] Second claim.[^2]\n\n[^1]: {name} source one.\n[^2]: {name} source two.\n")
        articles.append(path)
    issue = os.path.join(ROOT, "fixtures", "issue.yaml")

    page = os.path.join(work, "issue.html")
    run("convert", "--issue", issue, *articles, "--to", "html", "-o", page)
    text = open(page, encoding="utf-8").read()
    ids = re.findall(r'\sid="([^"]+)"', text)
    check(len(ids) == len(set(ids)), f"html: repeated ids {sorted(i for i in set(ids) if ids.count(i) > 1)}")
    for target in re.findall(r'href="#([^"]+)"', text):
        check(target in ids, f"html: #{target} has no target")
    check("tides-fn1" in ids and "wages-fn1" in ids, f"html: note ids carry the slug: {ids}")
    check("html check passed" in run("check", page).stdout, "the issue page passed the Nu Html Checker (not skipped)")

    book = os.path.join(work, "issue.epub")
    run("convert", "--issue", issue, *articles, "--to", "epub", "-o", book)
    check("epub check passed" in run("check", book).stdout, "the book passed epubcheck (not skipped)")

    for fmt in ("rss", "atom"):
        feed_path = os.path.join(work, "feed." + fmt)
        run("convert", "--issue", issue, *articles, "--to", fmt, "-o", feed_path, "-O", "merge=false")
        parsed = feedparser.parse(feed_path)
        check(parsed.bozo == 0 and len(parsed.entries) == 2, f"{fmt}: two items, read without error")
        # The items' content is XHTML escaped once more inside the feed.
        raw = open(feed_path, encoding="utf-8").read()
        refs = re.findall(r'class="note-(?:ref|back)" href="([^"]+)"', html.unescape(raw))
        check(len(refs) == 8, f"{fmt}: 4 note references and 4 links back, found {len(refs)}")
        for ref in refs:
            check(re.match(r"https://lamplighter\.example\.org/[a-z]+/#(tides|wages)-(ref-)?fn[12]$", ref),
                   f"{fmt}: a note link that is not absolute on its item's URL: {ref}")
        all_ids = re.findall(r'\sid="([^"]+)"', html.unescape(raw))
        check(len(all_ids) == len(set(all_ids)) and len(all_ids) >= 8, f"{fmt}: ids repeat across items: {all_ids}")
        run("check", feed_path)
finally:
    shutil.rmtree(work)

finish("note_ids")
