"""Feed dates never go back, and corrections show. An older issue merged after a newer one
leaves the feed's date at the newest item's or later; an unchanged entry keeps its dates
byte for byte; a corrected entry keeps `published` and gets a later `updated` (the
correction's time: SOURCE_DATE_EPOCH); the same inputs over the same feed give the same
bytes. Read back with feedparser and checked with `mimeo check`."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from email.utils import parsedate_to_datetime
from datetime import datetime

import feedparser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

ARTICLES = os.path.join(ROOT, "fixtures", "articles")


work = tempfile.mkdtemp()


def issue_file(number, date):
    path = os.path.join(work, f"issue-{number}.yaml")
    with open(path, "w") as f:
        f.write(f"publication: {{title: The Lamplighter, url: 'https://lamplighter.example.org/', language: en}}\n"
                f"issue: {{number: {number}, date: {date}}}\n")
    return path


def article(name, text, date):
    path = os.path.join(work, name + ".md")
    with open(path, "w") as f:
        f.write(f"---\ntitle: {name.title()}\ndate: {date}\n---\n{text}\n")
    return path


def convert(fmt, target, issue, articles, epoch):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    result = subprocess.run([MIMEO, "convert", "--issue", issue, *articles, "--to", fmt, "-o", target,
                             "-O", "feed-url=https://lamplighter.example.org/feed"], capture_output=True, text=True, env=env)
    check(result.returncode == 0, f"{fmt}: convert failed: {result.stderr}")
    checked = subprocess.run([MIMEO, "check", target], capture_output=True, text=True)
    check(checked.returncode == 0, f"{fmt}: mimeo check failed: {checked.stdout}{checked.stderr}")


def stamp(text):
    return parsedate_to_datetime(text) if "," in text else datetime.fromisoformat(text.replace("Z", "+00:00"))


def entries(path):
    raw = open(path, encoding="utf-8").read()
    blocks = re.findall(r"<(?:item|entry)>.*?</(?:item|entry)>", raw, re.S)
    return {re.search(r"<(?:guid[^>]*|id)>([^<]*)<", b).group(1): b for b in blocks}


try:
    newer = issue_file(419, "2025-04-21")
    older = issue_file(418, "2025-04-14")
    fresh = article("fresh", "A new article.", "2025-04-21")
    old_a = article("harbour", "The harbour report.", "2025-04-14")
    old_b = article("rents", "Rents went up.", "2025-04-14")
    for fmt, feed_date, updated in (("rss", "lastBuildDate", None), ("atom", "updated", "updated")):
        target = os.path.join(work, f"feed.{fmt}")
        convert(fmt, target, newer, [fresh], 1745236800)  # 2025-04-21
        first_date = stamp(feedparser.parse(target).feed.get("updated"))
        # The older issue, merged later: the feed's date does not go back.
        convert(fmt, target, older, [old_a, old_b], 1744632000)  # 2025-04-14
        parsed = feedparser.parse(target)
        check(parsed.bozo == 0, f"{fmt}: feedparser: {parsed.get('bozo_exception')}")
        now_date = stamp(parsed.feed.updated)
        newest_item = max(stamp(e.get("updated", e.get("published"))) for e in parsed.entries)
        check(now_date >= first_date, f"{fmt}: the feed's {feed_date} went back: {now_date} < {first_date}")
        check(now_date >= newest_item, f"{fmt}: the feed's {feed_date} {now_date} is older than an item ({newest_item})")
        check(len(parsed.entries) == 3, f"{fmt}: 3 items, not {len(parsed.entries)}")

        # The same again: every entry byte for byte, and the same file.
        before = entries(target)
        snapshot = open(target, "rb").read()
        convert(fmt, target, older, [old_a, old_b], 1744632000)
        check(entries(target) == before, f"{fmt}: re-running an unchanged issue changed its entries")
        shutil.copy(target, target + ".again")

        # A correction: `updated` moves on, `published` stays; the others are as they were.
        with open(old_b, "a") as f:
            f.write("\nCorrection: rents went up by 14%, not 41%.\n")
        convert(fmt, target, older, [old_a, old_b], 1746000000)  # 2025-04-30
        after = entries(target)
        rents = next(k for k in after if "rents" in k)
        harbour = next(k for k in after if "harbour" in k)
        check(after[harbour] == before[harbour], f"{fmt}: an unchanged entry changed with its neighbour's correction")
        published = "pubDate" if fmt == "rss" else "published"
        pick = lambda block, name: re.search(rf"<{name}>([^<]*)<", block).group(1)  # noqa: E731
        check(pick(after[rents], published) == pick(before[rents], published), f"{fmt}: the correction moved {published}")
        if updated:
            check(stamp(pick(after[rents], updated)) > stamp(pick(before[rents], updated)),
                   f"{fmt}: the corrected entry's updated did not move on: {pick(after[rents], updated)}")
            check(pick(after[rents], updated) == "2025-04-30T08:00:00Z", f"{fmt}: updated is the correction's time: "
                   f"{pick(after[rents], updated)}")
        check(stamp(feedparser.parse(target).feed.updated) >= stamp("2025-04-30T08:00:00Z"),
               f"{fmt}: the feed's date is older than the correction")

        # Reproducible: the same inputs over the same feed, the same bytes.
        shutil.copy(target + ".again", target)
        convert(fmt, target, older, [old_a, old_b], 1746000000)
        one = open(target, "rb").read()
        shutil.copy(target + ".again", target)
        convert(fmt, target, older, [old_a, old_b], 1746000000)
        check(open(target, "rb").read() == one, f"{fmt}: two runs over the same feed differ")
        check(snapshot != one, f"{fmt}: the correction changed nothing")
        with open(old_b, "w") as f:
            f.write("---\ntitle: Rents\ndate: 2025-04-14\n---\nRents went up.\n")
finally:
    shutil.rmtree(work)

finish("feed_dates_forward")
