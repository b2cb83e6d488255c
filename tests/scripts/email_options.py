"""The email format's options: one message per article, encodings, width, To,
subject templates, line ends, and the errors of a bad configuration."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "email_support"))
from support import (ARTICLES, FIXTURES, MIMEO, check, convert, finish, long_lines, parse, run,  # noqa: E402
                     tempdir, text_part, unflow)

out = tempdir()
issue = os.path.join(FIXTURES, "issue.yaml")
base = ["from=The Editors <news@lamplighter.example.org>", "list-unsubscribe=https://lamplighter.example.org/u/1"]

# A missing From is a clear error, and nothing is written.
missing = os.path.join(out, "missing.eml")
result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", missing, expect=1)
check("email-from" in result.stderr and "from=" in result.stderr, f"missing from explained: {result.stderr.strip()}")
check(not os.path.exists(missing), "no output after an error")

# One message per article, named by slug.
folder = os.path.join(out, "articles")
convert(folder, *base, "per-article=true")
names = sorted(os.listdir(folder))
check(len(names) == len(ARTICLES) and all(n.endswith(".eml") for n in names), f"one .eml per article: {names}")
check("yokohama-dockers.eml" in names, "files are named by slug")
ids = set()
for name in names:
    message = parse(os.path.join(folder, name))
    ids.add(message["Message-ID"])
    part, text = text_part(message)
    check("In this issue:" not in text, f"{name}: no table of contents for one article")
    check(not long_lines(text), f"{name}: line lengths")
check(len(ids) == len(names), "each article's message has its own Message-ID")
# Each message is dated by its article; no header line (Message-ID included) passes 78 columns,
# so mimeo's own check has nothing to say of the messages mimeo wrote.
article_dates = sorted(re.search(r"^date: (\S+)", open(a, encoding="utf-8").read(), re.M).group(1) for a in ARTICLES)
message_dates = sorted(parse(os.path.join(folder, n))["Date"].datetime.date().isoformat() for n in names)
check(message_dates == article_dates, f"each message takes its article's date: {message_dates} vs {article_dates}")
for name in names:
    head = open(os.path.join(folder, name), "rb").read().split(b"\r\n\r\n")[0]
    check(all(len(line) <= 78 for line in head.split(b"\r\n")), f"{name}: a header line over 78 columns")
checked = run("check", *[os.path.join(folder, n) for n in names])
check("email-header-length" not in checked.stderr, f"mimeo check warns of its own headers: {checked.stderr}")
japanese = parse(os.path.join(folder, "yokohama-dockers.eml"))
check(japanese["Subject"] == "The Lamplighter \u2014 Issue 418: \u6e2f\u6e7e\u52b4\u50cd\u8005\u3001\u8cc3\u4e0a\u3052\u3092\u8981\u6c42",
      f"the Japanese subject decodes: {japanese['Subject']!r}")
raw = open(os.path.join(folder, "yokohama-dockers.eml"), "rb").read()
check(b"=?utf-8?" in raw.split(b"\r\n\r\n")[0], "the Japanese subject is encoded-words")
check(japanese["From"].addresses[0].display_name == "The Editors", "a display name given in from is kept")
_, jtext = text_part(japanese)
jparagraphs = [t for _, t in unflow(jtext, True)]
source = open(os.path.join(FIXTURES, "articles", "05-non-latin.md"), encoding="utf-8").read()
first = [line for line in source.split("\n") if line.startswith("\u6a2a\u6d5c\u6e2f")][0]
check(first in jparagraphs, "the Japanese paragraph unflows to its source text")
jlines = [line for line in jtext.split("\n") if line.startswith("\u6a2a\u6d5c\u6e2f")]
check(jlines and len(jlines[0].rstrip(" ")) <= 36, "Japanese lines hold at most 36 wide characters at width 72")

# Forced transfer encodings decode to the same text.
plain = os.path.join(out, "plain.eml")
convert(plain, *base)
_, reference = text_part(parse(plain))
for encoding in ["quoted-printable", "base64"]:
    target = os.path.join(out, f"{encoding}.eml")
    convert(target, *base, f"encoding={encoding}")
    message = parse(target)
    part, text = text_part(message)
    check(part["Content-Transfer-Encoding"] == encoding, f"{encoding} used")
    check(text == reference, f"{encoding} decodes to the same text")
    raw_lines = open(target, "rb").read().split(b"\r\n")
    check(all(len(line) <= 78 for line in raw_lines), f"{encoding}: raw lines within 78")
    check(all(b < 0x80 for b in open(target, "rb").read()), f"{encoding}: the file is ASCII")

# Width.
narrow = os.path.join(out, "narrow.eml")
convert(narrow, *base, "width=50")
_, text = text_part(parse(narrow))
check(not long_lines(text, 53), "width=50 keeps lines within 50 columns (plus flowed spaces)")
check(max(len(line) for line in text.split("\n") if " " in line.strip()) > 40, "width=50 still fills lines")
result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", os.path.join(out, "w.eml"), "-O", base[0],
             "-O", "width=100", expect=2)
check("option 'width' must be from 40 to 76 (got '100')" in result.stderr, f"a width over 76 is refused: {result.stderr}")

# To, subject template, newline.
custom = os.path.join(out, "custom.eml")
convert(custom, *base, "to=none", "subject=No. {number} of {publication} ({articles} articles, {date})", "newline=lf")
message = parse(custom)
check(message["To"] is None, "to=none: no To header")
check(message["Subject"] == "No. 418 of The Lamplighter (5 articles, April 14, 2025)", f"subject template: {message['Subject']}")
# A template that starts with a brace must be quoted, or YAML reads it as a map.
braced = os.path.join(out, "braced.eml")
convert(braced, *base, 'subject="{publication}: {issue-title}"')
check(parse(braced)["Subject"] == "The Lamplighter: Machines and the people behind them", "a quoted template")
check(b"\r" not in open(custom, "rb").read(), "newline=lf writes LF only")
check(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", "https unsubscribe gives one-click")
check(message["List-Id"] is None, "no List-Id unless asked")
check(message.get_content_type() == "text/plain", "a single text part without html=true")

result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", os.path.join(out, "bad.eml"), "-O", base[0],
             "-O", "subject=Issue {nonsense}", expect=1)
check("email-subject" in result.stderr and "{title}" in result.stderr, "an unknown subject variable is explained")
result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", os.path.join(out, "bad.eml"), "-O", base[0],
             "-O", "list-unsubscribe=http://example.org/u", expect=1)
check("email-list-unsubscribe" in result.stderr, "an http: unsubscribe URL is refused")
result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", os.path.join(out, "bad.eml"), "-O", base[0],
             "-O", "colour=blue", expect=None)
check(result.returncode != 0 and "colour" in result.stderr, "an unknown option is refused")
result = run("convert", "--issue", issue, *ARTICLES, "--to", "email", "-o", os.path.join(out, "warn.eml"),
             "-O", "from=news@lamplighter.example.org")
check("email-no-unsubscribe" in result.stderr, "a missing list-unsubscribe is warned about")
part, text = text_part(parse(os.path.join(out, "warn.eml")))
check(any("To unsubscribe, reply" in t for _, t in unflow(text, part.get_param("delsp") == "yes")), "the footer still says how to unsubscribe")

# Without an issue description: the first title alone, and the time of the run.
loose = os.path.join(out, "loose.eml")
run("convert", ARTICLES[1], "--to", "email", "-o", loose, "-O", base[0])
message = parse(loose)
check(message["Subject"] == "Reading the Port Authority\u2019s Annual Report", f"subject without an issue: {message['Subject']}")
check(re.match(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$", message["Date"]), "date of the run")

finish("email_options")
