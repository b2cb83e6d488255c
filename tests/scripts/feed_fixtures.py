"""The fixtures as RSS 2.0 and Atom 1.0: what feedparser reads back, and `mimeo check`."""
import os
import re
import subprocess
import sys
import tempfile

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402
ARTICLES = sorted(os.path.join(ROOT, "fixtures", "articles", f)
                  for f in os.listdir(os.path.join(ROOT, "fixtures", "articles")) if f.endswith(".md"))
SITE = "https://lamplighter.example.org/"
def run(*args, env=None):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True, env=env)


def convert(fmt, target, *options, env=None):
    args = ["convert", "--issue", os.path.join(ROOT, "fixtures", "issue.yaml"), *ARTICLES, "--to", fmt, "-o", target]
    for option in options:
        args += ["-O", option]
    result = run(*args, env=env)
    if result.returncode != 0:
        sys.exit(f"mimeo convert --to {fmt} failed: {result.stderr}")
    return result


# Newest first: the article dates run from April 14 down to April 9.
expected = [
    ("The Hidden Workforce Behind \u201cSmart\u201d Machines", SITE + "418/hidden-workforce/", ["Redaction of Travailleurs Unis"]),
    ("Reading the Port Authority\u2019s Annual Report", SITE + "reading-the-port-authority-s-annual-report/", ["Dana Okafor", "Luis Prieto"]),
    ("What the Assembly Decided", SITE + "what-the-assembly-decided/", ["Correspondent in Lyon"]),
    ("Rents Against Wages, 2015\u20132025", SITE + "rents-against-wages-2015-2025/", ["Research Desk"]),
    ("\u6e2f\u6e7e\u52b4\u50cd\u8005\u3001\u8cc3\u4e0a\u3052\u3092\u8981\u6c42", SITE + "yokohama-dockers/", ["\u7de8\u96c6\u90e8"]),
]

with tempfile.TemporaryDirectory() as tmp:
    for fmt, name in (("rss", "feed.xml"), ("atom", "feed.atom")):
        target = os.path.join(tmp, name)
        convert(fmt, target, "feed-url=https://lamplighter.example.org/" + name)
        feed = feedparser.parse(target)
        check(feed.bozo == 0, f"{fmt}: feedparser bozo: {feed.get('bozo_exception')}")
        check(feed.version == ("rss20" if fmt == "rss" else "atom10"), f"{fmt}: version {feed.version}")
        check(feed.feed.title == "The Lamplighter", f"{fmt}: feed title {feed.feed.get('title')}")
        check(feed.feed.link == SITE, f"{fmt}: feed link {feed.feed.get('link')}")
        check(feed.feed.get("subtitle") == "A weekly of working people's news, translated and reprinted",
               f"{fmt}: description {feed.feed.get('subtitle')}")
        check(feed.feed.get("language") == "en", f"{fmt}: language {feed.feed.get('language')}")
        check(feed.feed.get("rights", "").startswith("\u00a9 2025 Lamplighter Press"), f"{fmt}: rights {feed.feed.get('rights')}")
        check("mimeo" in feed.feed.get("generator", ""), f"{fmt}: generator {feed.feed.get('generator')}")
        check(feed.feed.get("updated_parsed") and feed.feed.updated_parsed[:3] == (2025, 4, 14),
               f"{fmt}: updated {feed.feed.get('updated')}")
        self_links = [l.href for l in feed.feed.get("links", []) if l.get("rel") == "self"]
        check(self_links == ["https://lamplighter.example.org/" + name], f"{fmt}: self link {self_links}")
        editor = feed.feed.get("author_detail", {})
        check(editor.get("email") == "editors@lamplighter.example.org" and editor.get("name") == "The Editors",
               f"{fmt}: editor {editor}")

        got = [(e.title, e.link) for e in feed.entries]
        check(got == [(t, l) for t, l, _ in expected], f"{fmt}: entries {got}")
        for entry, (_, link, authors) in zip(feed.entries, expected):
            check(entry.id == link, f"{fmt}: id {entry.id} for {link}")
            names = [a.get("name") for a in entry.get("authors", [])]
            check(names == authors, f"{fmt}: authors {names} for {link}")
            check(entry.get("published_parsed") is not None, f"{fmt}: no date for {link}")
            check(entry.content[0].type == "text/html", f"{fmt}: content type {entry.content[0].type}")
        dates = [e.published_parsed[:3] for e in feed.entries]
        check(dates == [(2025, 4, 14), (2025, 4, 12), (2025, 4, 11), (2025, 4, 10), (2025, 4, 9)], f"{fmt}: dates {dates}")

        first, second, rents, japanese = feed.entries[0], feed.entries[1], feed.entries[3], feed.entries[4]
        check([t.term for t in first.tags] == ["technology", "labor", "translation"], f"{fmt}: tags {first.get('tags')}")
        check([t.term for t in japanese.tags] == ["\u6e2f\u6e7e", "\u52b4\u50cd"], f"{fmt}: tags {japanese.get('tags')}")
        check(first.summary.startswith("The boom in machine learning rests"), f"{fmt}: summary {first.summary}")
        # No summary in the front matter: the first paragraph, as text.
        check(rents.summary.startswith("Over ten years rents in the city rose") and "<" not in rents.summary,
               f"{fmt}: first-paragraph summary {rents.summary}")
        # The full article: provenance, notes, and images made absolute against the article's URL.
        html = first.content[0].value
        check("Translated from" in html and "https://travailleurs-unis.example.fr/1187/main-doeuvre-cachee" in html,
               f"{fmt}: provenance missing from content")
        images = re.findall(r'<img[^>]*src="([^"]+)"', rents.content[0].value)
        check(images == [SITE + "rents-against-wages-2015-2025/images/rent-share.png"], f"{fmt}: images {images}")
        check("https://port.example.gov/report-2024.pdf" in second.content[0].value, f"{fmt}: link lost")
        check("class=\"footnotes\"" in second.content[0].value,
               f"{fmt}: notes missing")

        checked = run("check", target)
        check(checked.returncode == 0 and f"{fmt} check passed" in checked.stdout,
               f"{fmt}: mimeo check: {checked.stdout} {checked.stderr}")

        # Same input, same feed: the build date is the issue's, not the clock's.
        again = os.path.join(tmp, "again-" + name)
        convert(fmt, again, "feed-url=https://lamplighter.example.org/" + name)
        check(open(target, "rb").read() == open(again, "rb").read(), f"{fmt}: two runs differ")

    # RSS details feedparser normalizes away.
    rss = open(os.path.join(tmp, "feed.xml"), encoding="utf-8").read()
    check("<managingEditor>editors@lamplighter.example.org (The Editors)</managingEditor>" in rss, "managingEditor form")
    check(re.search(r"<lastBuildDate>Mon, 14 Apr 2025 00:00:00 \+0000</lastBuildDate>", rss), "lastBuildDate form")
    check(len(re.findall(r'<guid isPermaLink="true">', rss)) == 5, "guids are permalinks")
    check(len(re.findall(r"<pubDate>\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000</pubDate>", rss)) == 5, "pubDate form")

    # SOURCE_DATE_EPOCH wins over the issue date.
    env = dict(os.environ, SOURCE_DATE_EPOCH="1745000000")  # 2025-04-18T18:13:20Z
    epoch = os.path.join(tmp, "epoch.xml")
    convert("rss", epoch, env=env)
    check("<lastBuildDate>Fri, 18 Apr 2025 18:13:20 +0000</lastBuildDate>" in open(epoch, encoding="utf-8").read(),
           "SOURCE_DATE_EPOCH not used for lastBuildDate")

    # A logo given as a URL becomes the channel image; a guid template that is not the link is no permalink.
    issue = open(os.path.join(ROOT, "fixtures", "issue.yaml"), encoding="utf-8").read()
    with_logo = os.path.join(tmp, "issue.yaml")
    with open(with_logo, "w", encoding="utf-8") as f:
        f.write(issue.replace("  url: https://lamplighter.example.org/\n",
                              "  url: https://lamplighter.example.org/\n  logo: https://lamplighter.example.org/logo.png\n"))
    imaged = os.path.join(tmp, "imaged.xml")
    result = run("convert", "--issue", with_logo, *ARTICLES, "--to", "rss", "-o", imaged,
                 "-O", "guid=tag:lamplighter.example.org,2025:${article.slug}", "-O", "title=Lamplighter (all articles)")
    check(result.returncode == 0, f"logo run failed: {result.stderr}")
    feed = feedparser.parse(imaged)
    check(feed.bozo == 0, "logo feed bozo")
    check(feed.feed.get("image", {}).get("href") == "https://lamplighter.example.org/logo.png", f"image {feed.feed.get('image')}")
    check(feed.feed.title == "Lamplighter (all articles)", f"title option {feed.feed.title}")
    check(feed.entries[0].id == "tag:lamplighter.example.org,2025:hidden-workforce", f"guid template {feed.entries[0].id}")
    check(feed.entries[0].guidislink is False, "a tag: guid must not be a permalink")
    check(feed.entries[0].link == SITE + "418/hidden-workforce/", "link with guid template")
    text = open(imaged, encoding="utf-8").read()
    check(text.count('isPermaLink="false"') == 5 and 'isPermaLink="true"' not in text, "isPermaLink with tag guids")

    # content: false makes a summaries-only feed.
    summaries = os.path.join(tmp, "summaries.atom")
    convert("atom", summaries, "content=false")
    feed = feedparser.parse(summaries)
    check(feed.bozo == 0 and len(feed.entries) == 5 and not any("content" in e for e in feed.entries),
           "content=false still carries content")

finish("feed fixtures: RSS and Atom read back as expected")
