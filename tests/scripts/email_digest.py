"""The issue as one newsletter: headers, structure, line lengths, flowed paragraphs
and links, each read back with Python's email package under policy=strict."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "email_support"))
from support import (ARTICLES, canonical, check, convert, finish, long_lines, normalize_rendered, parse,  # noqa: E402
                     source_urls, tempdir, text_part, top_paragraphs, unflow, unstuff)

out = tempdir()
target = os.path.join(out, "issue.eml")
convert(target, "from=news@lamplighter.example.org", "list-id=lamplighter.example.org",
        "list-unsubscribe=[mailto:leave@lamplighter.example.org?subject=unsubscribe, https://lamplighter.example.org/u/1]",
        "reply-to=Editors <editors@lamplighter.example.org>", "html=true",
        "image-base=https://lamplighter.example.org/418/")
raw = open(target, "rb").read()
message = parse(target)

# Headers.
expected_subject = "The Lamplighter \u2014 Issue 418: The Hidden Workforce Behind \u201cSmart\u201d Machines"
check(message["Subject"] == expected_subject, f"Subject decodes to {message['Subject']!r}")
raw_headers = raw.split(b"\r\n\r\n", 1)[0]
check(all(b < 0x80 for b in raw_headers), "header section is ASCII")
check(b"=?utf-8?" in raw_headers, "the subject's em dash is an RFC 2047 encoded-word")
check(all(len(line) <= 78 for line in raw_headers.split(b"\r\n")), "header lines are folded within 78 characters")
check(message["From"].addresses[0].addr_spec == "news@lamplighter.example.org", "From address")
check(message["From"].addresses[0].display_name == "The Lamplighter", "From is named after the publication")
check(message["To"].addresses[0].addr_spec == "news@lamplighter.example.org", "To defaults to the From address")
check(message["Reply-To"].addresses[0].addr_spec == "editors@lamplighter.example.org", "Reply-To")
check(message["Date"] == "Mon, 14 Apr 2025 12:00:00 +0000", f"Date from the issue date: {message['Date']}")
check(re.fullmatch(r"<issue-418\.[0-9a-f]{16}@lamplighter\.example\.org>", message["Message-ID"] or ""),
      f"Message-ID {message['Message-ID']}")
check(message["MIME-Version"] == "1.0", "MIME-Version")
check(message["List-Id"] == "The Lamplighter <lamplighter.example.org>", f"List-Id {message['List-Id']}")
check(message["List-Unsubscribe"] ==
      "<mailto:leave@lamplighter.example.org?subject=unsubscribe>, <https://lamplighter.example.org/u/1>",
      f"List-Unsubscribe {message['List-Unsubscribe']}")
check(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", "List-Unsubscribe-Post")
check(raw.count(b"\r\n") == raw.count(b"\n"), "every line ends in CRLF")
check(not message.defects, f"no defects: {message.defects}")

# Stable Message-ID: a second run gives the same message.
second = os.path.join(out, "again.eml")
convert(second, "from=news@lamplighter.example.org", "list-id=lamplighter.example.org",
        "list-unsubscribe=[mailto:leave@lamplighter.example.org?subject=unsubscribe, https://lamplighter.example.org/u/1]",
        "reply-to=Editors <editors@lamplighter.example.org>", "html=true",
        "image-base=https://lamplighter.example.org/418/")
check(parse(second)["Message-ID"] == message["Message-ID"], "Message-ID is stable for an issue")
check(open(second, "rb").read() == raw, "the same input gives the same bytes")

# Structure: the text part first, then the HTML.
check(message.get_content_type() == "multipart/alternative", "multipart/alternative")
parts = list(message.iter_parts())
check([p.get_content_type() for p in parts] == ["text/plain", "text/html"], "text part then HTML part")
text_msg, text = text_part(message)
check(text_msg.get_param("format") == "flowed", "format=flowed")
check(text_msg.get_content_charset() == "utf-8", "charset=utf-8")
check(text_msg["Content-Transfer-Encoding"] == "8bit", f"8bit text: {text_msg['Content-Transfer-Encoding']}")
delsp = (text_msg.get_param("delsp") or "no").lower() == "yes"
check(delsp, "DelSp=yes, as the Japanese article breaks between characters")

shown = unstuff(text)

# Line lengths.
bad = long_lines(text)
check(not bad, f"no line over 78 characters but single words: {bad[:3]}")

# Body content.
for needle in ["The Lamplighter", "A weekly of working people's news", "Those who do the work",
               "A dock worker, Antwerp, 1911", "Volume 9, Issue 418 \u00b7 April 14, 2025", "In this issue:",
               "Translated by Mara Ellison", "[Image: Rent as a share of the median wage, 2015 to 2025]",
               "Notes:", "Links:", "leave@lamplighter.example.org", "https://lamplighter.example.org/u/1"]:
    check(needle in text, f"the text holds {needle!r}")
check("\n-- \n" in text, "the footer follows a signature separator")
title = "The Hidden Workforce Behind \u201cSmart\u201d Machines"
check(f"{title}\n{'=' * len(title)}\n" in text, "the title is underlined to its width")
check("\u6e2f\u6e7e\u52b4\u50cd\u8005\u3001\u8cc3\u4e0a\u3052\u3092\u8981\u6c42\n" + "=" * 24 + "\n" in text,
      "the Japanese title's underline counts wide characters twice")
check(re.search(r"^Year +Median rent \(\u20ac\) +Median wage \(\u20ac\) +Rent share$", shown, re.M),
      "the table header is aligned text")
check(re.search(r"^2015 +620 +1,710 +36%$", shown, re.M), "table rows are aligned")
check(re.search(r"^1\. A one-day stoppage on 22 April, with:\n   - a picket at each depot gate;$", shown, re.M),
      "nested lists have hanging indents")
check(re.search(r"^>> Efficiency for the company", shown, re.M), "a nested quote has two quote marks")

# Unflowing gives back each paragraph's text.
paragraphs = {normalize_rendered(t) for _, t in unflow(text, delsp)}
for path in ARTICLES:
    for expected in top_paragraphs(canonical(path)):
        check(normalize_rendered(expected) in paragraphs, f"unflowed paragraph of {os.path.basename(path)}: {expected[:60]!r}")

# Every link of the source is in the message, in the text and in the HTML.
html = message.get_body(preferencelist=("html",)).get_content()
for path in ARTICLES:
    for url in source_urls(path):
        check(url in text, f"{url} is in the text part")
        check(url.replace("&", "&amp;") in html, f"{url} is in the HTML part")
check("style=\"" in html and "<html" in html, "the HTML part is a styled document")
check("https://lamplighter.example.org/418/images/rent-share.png" in html, "image-base resolves the HTML part's images")

# mimeo check agrees.
from support import run  # noqa: E402
result = run("check", target)
check("passed" in result.stdout, f"mimeo check passes: {result.stdout}")

finish("email_digest")
