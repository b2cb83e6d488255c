"""Two issues in turn into the same feed: old items kept, same guid replaced, newest first, capped."""
import os
import subprocess
import sys
import tempfile

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402
FIXTURES = os.path.join(ROOT, "fixtures")
FIRST = sorted(os.path.join(FIXTURES, "articles", f) for f in os.listdir(os.path.join(FIXTURES, "articles")) if f.endswith(".md"))
SITE = "https://lamplighter.example.org/"
def convert(issue, articles, fmt, target, *options):
    args = [MIMEO, "convert", "--issue", issue, *articles, "--to", fmt, "-o", target]
    for option in options:
        args += ["-O", option]
    # The correction's time, which dates the corrected entry's <updated>: the second issue's day.
    result = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1745193600"))
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed: {result.stderr}")


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


with tempfile.TemporaryDirectory() as tmp:
    # The second issue: a week later, one new article and a corrected version of an old one (same URL).
    second_issue = os.path.join(tmp, "issue-419.yaml")
    write(second_issue, open(os.path.join(FIXTURES, "issue.yaml"), encoding="utf-8").read()
          .replace("number: 418", "number: 419").replace("date: 2025-04-14", "date: 2025-04-21"))
    night = os.path.join(tmp, "night-buses.md")
    write(night, "---\ntitle: Night Buses Return\nauthor: Correspondent in Lyon\ndate: 2025-04-21\n"
                 "tags: [transport]\n---\n\nThe night routes run again from Monday.\n")
    corrected = os.path.join(tmp, "hidden-workforce.md")
    write(corrected, "---\ntitle: The Hidden Workforce (corrected)\nauthor: Redaction of Travailleurs Unis\n"
                     "date: 2025-04-14\nslug: hidden-workforce\nurl: https://lamplighter.example.org/418/hidden-workforce/\n"
                     "---\n\nA corrected figure: between 150 and 430 million people.\n")
    second = [night, corrected]

    for fmt in ("rss", "atom"):
        target = os.path.join(tmp, "feed." + fmt)
        convert(os.path.join(FIXTURES, "issue.yaml"), FIRST, fmt, target)
        first_run = feedparser.parse(target)
        check(first_run.bozo == 0 and len(first_run.entries) == 5, f"{fmt}: first run {len(first_run.entries)} entries")

        convert(second_issue, second, fmt, target)
        feed = feedparser.parse(target)
        check(feed.bozo == 0, f"{fmt}: merged feed bozo: {feed.get('bozo_exception')}")
        titles = [e.title for e in feed.entries]
        check(titles == ["Night Buses Return", "The Hidden Workforce (corrected)",
                          "Reading the Port Authority\u2019s Annual Report", "What the Assembly Decided",
                          "Rents Against Wages, 2015\u20132025",
                          "\u6e2f\u6e7e\u52b4\u50cd\u8005\u3001\u8cc3\u4e0a\u3052\u3092\u8981\u6c42"],
               f"{fmt}: merged titles {titles}")
        ids = [e.id for e in feed.entries]
        check(len(set(ids)) == len(ids), f"{fmt}: repeated ids {ids}")
        check(feed.entries[0].link == SITE + "night-buses-return/", f"{fmt}: new link {feed.entries[0].link}")
        # Kept items keep their content; the replaced one has the new text.
        check("rent-share.png" in feed.entries[4].content[0].value, f"{fmt}: old item lost its content")
        check("430 million" in feed.entries[1].content[0].value, f"{fmt}: replaced item has the old content")
        check(feed.feed.updated_parsed[:3] == (2025, 4, 21), f"{fmt}: updated {feed.feed.get('updated')}")
        checked = subprocess.run([MIMEO, "check", target], capture_output=True, text=True)
        check(checked.returncode == 0, f"{fmt}: mimeo check on merged feed: {checked.stdout}{checked.stderr}")

        # Running the same issue again changes nothing.
        before = open(target, "rb").read()
        convert(second_issue, second, fmt, target)
        check(open(target, "rb").read() == before, f"{fmt}: rerunning an issue changed the feed")

        # The cap keeps the newest.
        convert(second_issue, second, fmt, target, "max-items=3")
        capped = [e.title for e in feedparser.parse(target).entries]
        check(capped == titles[:3], f"{fmt}: capped {capped}")

        # merge: false starts over.
        convert(second_issue, second, fmt, target, "merge=false")
        fresh = [e.title for e in feedparser.parse(target).entries]
        check(fresh == ["Night Buses Return", "The Hidden Workforce (corrected)"], f"{fmt}: merge=false {fresh}")

    # A cap smaller than one issue keeps that issue's newest articles.
    small = os.path.join(tmp, "small.xml")
    convert(os.path.join(FIXTURES, "issue.yaml"), list(reversed(FIRST)), "rss", small, "max-items=2")
    small_titles = [e.title for e in feedparser.parse(small).entries]
    check(small_titles == ["The Hidden Workforce Behind \u201cSmart\u201d Machines", "Reading the Port Authority\u2019s Annual Report"],
           f"max-items=2 on one issue: {small_titles}")

finish("feed merge: two issues merge newest first, replaced by guid, capped")
