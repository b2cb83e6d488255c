"""Markup characters, quotes and non-ASCII text in titles and content; relative links resolved."""
import os
import re
import subprocess
import sys
import tempfile

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402
# Smart punctuation curls the title's quotes, as it does the body's.
TITLE = "Cats & Dogs <Friends> say \u201chello\u201d and \u2018bye\u2019 \u2014 \u00c6r\u00f8, \u6771\u4eac"
ARTICLE = """---
title: "Cats & Dogs <Friends> say \\"hello\\" and 'bye' \u2014 \u00c6r\u00f8, \u6771\u4eac"
author: "O'Brien & Sons"
date: 2025-04-15
slug: cats-dogs
tags: ["R&D", "<tags>"]
---

Profits & wages: 5 < 6 and "quotes" \u2014 caf\u00e9 \u6771\u4eac.

See [the earlier piece](../earlier/), [the index](/index.html?a=1&b=2),
[this section](#below) and [elsewhere](https://other.example/x?y=1&z=2).

![A chart](<charts/chart one.png>)

A literal `<script>alert("x")</script>` in code.

## Below

The section the fragment link points to.
"""

ISSUE = """publication:
  title: "Tom & Jerry's <Weekly>"
  tagline: "News & views \u2014 \u00e9t\u00e9"
  language: en
  url: https://paper.example.org/news/
  editor: "desk@paper.example.org (Desk & Co)"
issue:
  number: 7
  date: 2025-04-15
"""

with tempfile.TemporaryDirectory() as tmp:
    article = os.path.join(tmp, "cats.md")
    issue = os.path.join(tmp, "issue.yaml")
    with open(article, "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    with open(issue, "w", encoding="utf-8") as f:
        f.write(ISSUE)
    base = "https://paper.example.org/news/cats-dogs/"
    for fmt in ("rss", "atom"):
        target = os.path.join(tmp, "feed." + fmt)
        result = subprocess.run([MIMEO, "convert", "--issue", issue, article, "--to", fmt, "-o", target],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{fmt}: convert failed: {result.stderr}")
        feed = feedparser.parse(target)
        check(feed.bozo == 0, f"{fmt}: bozo: {feed.get('bozo_exception')}")
        check(feed.feed.title == "Tom & Jerry's <Weekly>", f"{fmt}: feed title {feed.feed.title!r}")
        check(feed.feed.subtitle == "News & views \u2014 \u00e9t\u00e9", f"{fmt}: subtitle {feed.feed.subtitle!r}")
        entry = feed.entries[0]
        check(entry.title == TITLE, f"{fmt}: title {entry.title!r}")
        check(entry.author == "O'Brien & Sons", f"{fmt}: author {entry.get('author')!r}")
        check([t.term for t in entry.tags] == ["R&D", "<tags>"], f"{fmt}: tags {entry.tags}")
        check(entry.link == base, f"{fmt}: link {entry.link}")

        summary = entry.summary
        if entry.summary_detail.type == "text/html":  # RSS descriptions are HTML: read them as a browser would
            summary = re.sub(r"&lt;", "<", re.sub(r"&gt;", ">", re.sub(r"&quot;", '"', summary))).replace("&amp;", "&")
        check(summary == "Profits & wages: 5 < 6 and \u201cquotes\u201d \u2014 caf\u00e9 \u6771\u4eac.",
               f"{fmt}: summary {entry.summary!r}")

        html = entry.content[0].value
        check("Profits &amp; wages: 5 &lt; 6" in html, f"{fmt}: content text not escaped once: {html[:300]!r}")
        check("caf\u00e9 \u6771\u4eac" in html, f"{fmt}: non-ASCII text lost")
        hrefs = re.findall(r'href="([^"]+)"', html)
        for wanted in ("https://paper.example.org/news/earlier/", "https://paper.example.org/index.html?a=1&amp;b=2",
                       base + "#below", "https://other.example/x?y=1&amp;z=2"):
            check(wanted in hrefs, f"{fmt}: {wanted} not among links {hrefs}")
        images = re.findall(r'<img[^>]*src="([^"]+)"', html)
        check(images == [base + "charts/chart%20one.png"], f"{fmt}: images {images}")
        check("&lt;script&gt;" in html and "<script>" not in html, f"{fmt}: code not escaped")

        checked = subprocess.run([MIMEO, "check", target], capture_output=True, text=True)
        check(checked.returncode == 0, f"{fmt}: check failed: {checked.stdout}{checked.stderr}")

finish("feed escaping: markup characters, quotes and non-ASCII text survive; relative links resolved")
