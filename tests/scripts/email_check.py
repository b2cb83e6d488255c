"""`mimeo check x.eml`: passes what the exporter writes, and fails broken messages
with the diagnostic code of what is wrong."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "email_support"))
from support import check, convert, finish, run, tempdir  # noqa: E402

out = tempdir()
good = os.path.join(out, "good.eml")
convert(good, "from=news@lamplighter.example.org", "html=true", "encoding=quoted-printable",
        "list-unsubscribe=[mailto:leave@lamplighter.example.org, https://lamplighter.example.org/u/1]")
result = run("check", good)
check("email check passed" in result.stdout and "2 parts" in result.stdout, f"a good message passes: {result.stdout}")
raw = open(good, "rb").read()


def broken(name, data, code):
    path = os.path.join(out, name + ".eml")
    with open(path, "wb") as f:
        f.write(data)
    result = run("check", path, expect=1)
    check("FAILED" in result.stdout, f"{name}: fails")
    check(f"[{code}]" in result.stderr, f"{name}: reports {code}: {result.stderr.strip()[:300]}")


headers, body = raw.split(b"\r\n\r\n", 1)
boundary = body.split(b"\r\n")[0] if body.startswith(b"--") else None
closing = raw.rstrip(b"\r\n").rsplit(b"\r\n", 1)[1]
check(closing.startswith(b"--=_mimeo_") and closing.endswith(b"--"), "the message ends with the closing boundary")
broken("unclosed", raw[: raw.rindex(closing)], "email-mime")
broken("no-date", b"\r\n".join(l for l in raw.split(b"\r\n") if not l.startswith(b"Date:")), "email-header-missing")
broken("bad-date", raw.replace(b"Date: Mon, 14 Apr 2025", b"Date: 14/04/2025"), "email-date")
broken("raw-utf8-header", raw.replace(b"Subject: ", "Subject: caf\u00e9 ".encode(), 1), "email-header-8bit")
broken("bad-encoded-word", re.sub(rb"=\?utf-8\?[bq]\?", b"=?utf-8?x?", raw, count=1), "email-encoded-word")
broken("post-without-https",
       raw.replace(b"<https://lamplighter.example.org/u/1>", b"<mailto:other@lamplighter.example.org>"),
       "email-list-unsubscribe")
broken("long-line", raw.replace(b"\r\n\r\n", b"\r\n\r\n" + b"x" * 1200 + b"\r\n", 1), "email-line-length")
broken("bad-qp", raw.replace(b"=E2=80=9C", b"=ZZ=80=9C", 1), "email-encoding")

# Plain text with a long line of several words: a warning, not a failure.
plain = os.path.join(out, "plain.eml")
convert(plain, "from=news@lamplighter.example.org", "list-unsubscribe=https://lamplighter.example.org/u/1")
data = open(plain, "rb").read().replace(b"\r\n\r\n", b"\r\n\r\n" + b"word " * 30 + b"\r\n", 1)
with open(plain, "wb") as f:
    f.write(data)
result = run("check", plain)
check("passed" in result.stdout and "email-long-line" in result.stderr, f"long lines warn: {result.stdout}")

finish("email_check")
