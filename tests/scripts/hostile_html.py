#!/usr/bin/python3
"""Known HTML attack strings (tests/scripts/hostile_html/hostile.md: script, on* handlers,
javascript:/vbscript:/data: URLs in raw HTML and in Markdown links, mixed case, entities,
svg, iframe, object, style expressions) go through every output that carries HTML: the
html page (and its fragment), the EPUB (unzipped), RSS, Atom and the email's HTML part
(read with Python's email package). None may survive; an inline data:image does. With
`raw-html: keep` the attacks do reach the page, which shows the check can fail."""
import email
import email.policy
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, fail, finish  # noqa: E402

ARTICLE = os.path.join(ROOT, "tests", "scripts", "hostile_html", "hostile.md")
ISSUE = os.path.join(ROOT, "fixtures", "issue.yaml")
WORK = tempfile.mkdtemp(prefix="mimeo-hostile-html-")

FORBIDDEN_ELEMENTS = {"script", "svg", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form",
                      "input", "button", "meta", "link", "style", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "cite", "background", "poster", "data", "srcset"}


def dangerous_url(value, image):
    # What a browser sees: entities decoded (the parser did that), whitespace and controls dropped, any case.
    squeezed = "".join(c for c in value if ord(c) > 0x20).lower()
    if squeezed.startswith(("javascript:", "vbscript:")):
        return True
    return squeezed.startswith("data:") and not (image and squeezed.startswith("data:image/"))


class Checker(html.parser.HTMLParser):
    """Reads markup as a browser would and notes every element, attribute or URL that can run code."""

    def __init__(self, allowed_elements=()):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.allowed = set(allowed_elements)

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS and tag not in self.allowed:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name == "style" and re.search(r"expression\s*\(|javascript:|url\s*\(", value, re.I):
                self.found.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and dangerous_url(value, tag == "img" and name == "src"):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")

    handle_startendtag = handle_starttag


def findings(markup, allowed_elements=()):
    checker = Checker(allowed_elements)
    checker.feed(markup)
    checker.close()
    return checker.found


def convert(fmt, out, *options, importer=()):
    cmd = [MIMEO, "convert", "--issue", ISSUE, ARTICLE, "--to", fmt, "-o", out, *importer]
    for option in options:
        cmd += ["-O", option]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{fmt} {options}: exit {result.returncode}: {result.stderr.strip()}")
        return False
    return True


def decoded(text):
    # Entities decoded twice: feeds carry the XHTML escaped once more.
    return html.unescape(html.unescape(text))


# Inline tags the sanitizer allows, with their content inside them (cmark hands each tag over
# as its own node; once, each was sanitized alone and came out empty: "<b></b>14 cents").
KEPT_INLINE = ["<b>14 cents</b>", "H<sub>2</sub>O", "x<sup>2</sup>", '<abbr title="World Health Organization">WHO</abbr>',
               "<kbd>Ctrl</kbd>", '<span class="note">a <em>noted</em> span</span>', '<a href="https://example.org/a">a raw link</a>',
               "<em>raw em</em>", "<code>raw code</code>", "<i>i</i>", "<strong>strong</strong>"]


def check_safe(name, text, must_keep_image=True, allowed_elements=()):
    if "styled text" not in text:
        fail(f"{name}: the harmless text around the attacks is missing")
    elif must_keep_image:
        lost = [kept for kept in KEPT_INLINE if kept not in text]
        if lost:
            fail(f"{name}: allowed inline tags lost their content: {lost}")
    if must_keep_image and "data:image/png;base64" not in text:
        fail(f"{name}: the inline data:image was dropped")
    found = findings(text, allowed_elements)
    if found:
        fail(f"{name}: unsafe markup survives: {', '.join(found[:8])}")


def check_feed(name, path):
    # The content is XHTML inside the feed's XML, escaped as text (or inline for Atom's type="xhtml").
    tree = xml.etree.ElementTree.parse(path)
    texts = [t for element in tree.iter() for t in [element.text or ""] if "<" in t]
    if not texts:
        fail(f"{name}: no HTML content found in the feed")
    inline = [xml.etree.ElementTree.tostring(e, encoding="unicode") for e in tree.iter() if e.get("type") == "xhtml"]
    check_safe(name, "\n".join(texts + inline))


def body(page):
    # The page's own <head> (meta, style) is mimeo's; what the articles bring is in the body.
    at = page.find("<body")
    if at < 0:
        fail("no <body> in a page")
    return page[at:]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# The html page, whole and as a fragment.
page = os.path.join(WORK, "page.html")
if convert("html", page):
    check_safe("html", body(read(page)))
fragment = os.path.join(WORK, "fragment.html")
if convert("html", fragment, "fragment=true"):
    check_safe("html fragment", read(fragment))

# The EPUB: every file in the package.
book = os.path.join(WORK, "issue.epub")
# A data: URL that is no image cannot become an EPUB picture; missing-images=warn leaves it out.
if convert("epub", book, "missing-images=warn"):
    with zipfile.ZipFile(book) as z:
        texts = {n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if not n.endswith(".png")}
    chapters = [n for n in texts if n.endswith(".xhtml") and "styled text" in texts[n]]
    if not chapters:
        fail("epub: no chapter holds the article")
    for name, text in texts.items():
        if name.endswith((".xhtml", ".html", ".opf", ".ncx")):
            check_safe(f"epub {name}", text if name in chapters else text + "styled text", must_keep_image=name in chapters,
                  allowed_elements={"link", "meta", "style"})

# The feeds.
for fmt in ("rss", "atom"):
    feed = os.path.join(WORK, f"feed.{fmt}.xml")
    if convert(fmt, feed, "merge=false"):
        check_feed(fmt, feed)

# The email's HTML part, read as a mail reader would.
message_path = os.path.join(WORK, "issue.eml")
if convert("email", message_path, "from=news@example.org", "html=true", "image-base=https://example.org/img/"):
    with open(message_path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    parts = {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}
    if "text/html" not in parts:
        fail(f"email: no text/html part (parts: {sorted(parts)})")
    else:
        check_safe("email text/html", body(parts["text/html"]))
    # The text/plain part is never read as markup; a raw tag in it is shown as the text it is.

# A wrong word is an error (on the command line, a usage error), not a silent default.
bad = subprocess.run([MIMEO, "convert", "--issue", ISSUE, ARTICLE, "--to", "rss", "-o", os.path.join(WORK, "bad.xml"),
                      "-O", "raw-html=allow"], capture_output=True, text=True)
if bad.returncode != 2 or "raw-html" not in bad.stderr or os.path.exists(os.path.join(WORK, "bad.xml")):
    fail(f"raw-html=allow: expected exit 2 naming the option and no file, got {bad.returncode}: {bad.stderr.strip()}")

# Keeping raw HTML is possible, but only when asked for (and GFM's tagfilter turned off), and
# then the script is there.
kept = os.path.join(WORK, "kept.html")
if convert("html", kept, "raw-html=keep", importer=("-I", "tagfilter=false")):
    if "<script" not in read(kept) or not findings(read(kept)):
        fail("html raw-html=keep: the raw <script> was not kept, so the checks above prove nothing")

finish(f"no attack survives in html, epub, rss, atom or email ({WORK})")
