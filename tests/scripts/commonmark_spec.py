# mimeo-test: slow
"""Runs every example of the CommonMark spec (npm package commonmark-spec) through
Markdown -> canonical model -> HTML (`mimeo convert --from commonmark --fragment`)
and compares with the spec's HTML after normalising whitespace and markup."""
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, fail, finish  # noqa: E402

REQUIRED_PASSES = 620
SPEC = os.path.join(ROOT, "node_modules", "commonmark-spec", "spec.txt")

BLOCK_TAGS = {
    "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "ol", "p", "pre", "section", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}


def examples(spec_text):
    fence = "`" * 32 + " example"
    lines = spec_text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        if lines[i].startswith(fence):
            start = i + 1
            i = start
            while lines[i].rstrip("\n") != ".":
                i += 1
            markdown = "".join(lines[start:i])
            i += 1
            start = i
            while not lines[i].startswith("`" * 32):
                i += 1
            expected = "".join(lines[start:i])
            yield markdown.replace("\u2192", "\t"), expected.replace("\u2192", "\t")
        i += 1


class Normaliser(html.parser.HTMLParser):
    """Serialises HTML canonically: sorted attributes, decoded references,
    whitespace collapsed outside <pre> and dropped around block tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.in_pre = 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self.in_pre += 1
        attributes = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in sorted(attrs))
        self.parts.append(("block" if tag in BLOCK_TAGS else "tag", f"<{tag}{attributes}>"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "pre":
            self.in_pre -= 1

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        self.parts.append(("block" if tag in BLOCK_TAGS else "tag", f"</{tag}>"))

    def handle_data(self, data):
        text = html.escape(data, quote=False)
        if not self.in_pre:
            text = re.sub(r"\s+", " ", text)
        self.parts.append(("text", text))

    def handle_comment(self, data):
        self.parts.append(("tag", f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.parts.append(("tag", f"<!{decl}>"))

    def handle_pi(self, data):
        self.parts.append(("tag", f"<?{data}>"))

    def result(self):
        out = []
        for i, (kind, text) in enumerate(self.parts):
            if kind == "text":
                if i > 0 and self.parts[i - 1][0] == "block":
                    text = text.lstrip(" ")
                if i + 1 < len(self.parts) and self.parts[i + 1][0] == "block":
                    text = text.rstrip(" ")
            out.append(text)
        return "".join(out).strip()


def normalise(fragment):
    parser = Normaliser()
    parser.feed(fragment)
    parser.close()
    return parser.result()


# Inline elements the sanitizer allows: in sanitize mode each must keep its content.
INLINE_TAGS = {"a", "abbr", "b", "bdi", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
               "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}


class Elements(html.parser.HTMLParser):
    """Each element of INLINE_TAGS with its text content, as (tag, text) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in INLINE_TAGS:
            self.open.append([tag, ""])

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                self.found.append((tag, re.sub(r"\s+", " ", self.open[i][1]).strip()))
                del self.open[i]
                break

    def handle_data(self, data):
        for element in self.open:
            element[1] += data


def elements(fragment):
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    return sorted(parser.found)


# The spec's links to paths on a site ("/uri") need the site: mimeo resolves them against the
# publication's address, which is taken off again before comparing.
SITE = "https://spec.invalid"


def convert(mimeo_args, source, target):
    issue = os.path.join(os.path.dirname(target), "issue.yaml")
    with open(issue, "w") as f:
        f.write(f"publication: {{title: Spec, url: '{SITE}/'}}\n")
    run = subprocess.run([MIMEO, "convert", "--from", "commonmark", "--fragment", "--to", "html", "--issue", issue,
                          *mimeo_args, "-o", target, source], capture_output=True, text=True)
    if run.returncode != 0:
        return None
    with open(target, encoding="utf-8") as f:
        return f.read().replace(f'href="{SITE}/', 'href="/')


def sanitized_examples(cases, tmp):
    """Every example whose Markdown holds an allowed inline tag, in the default sanitize
    mode: each allowed element of the spec's HTML comes out with the same text inside."""
    source = os.path.join(tmp, "raw.md")
    target = os.path.join(tmp, "raw.html")
    tried, failures = 0, []
    for number, (markdown, expected) in enumerate(cases, start=1):
        if not re.search(r"<(" + "|".join(INLINE_TAGS) + r")[\s>/]", markdown):
            continue
        wanted = [e for e in elements(expected) if e[0] != "code"]  # code spans are the model's own
        if not wanted:
            continue
        tried += 1
        with open(source, "w", encoding="utf-8") as f:
            f.write(markdown)
        actual = convert([], source, target)
        got = elements(actual) if actual is not None else []
        missing = [e for e in wanted if e not in got]
        if missing:
            failures.append(f"example {number} (sanitize): lost {missing}; got {actual!r}")
    return tried, failures


def main():
    if not os.path.exists(SPEC):
        fail(f"commonmark spec not found at {SPEC}; run scripts/setup")
        return
    with open(SPEC, encoding="utf-8") as f:
        cases = list(examples(f.read()))
    passed = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "example.md")
        target = os.path.join(tmp, "example.html")
        for number, (markdown, expected) in enumerate(cases, start=1):
            with open(source, "w", encoding="utf-8") as f:
                f.write(markdown)
            # The spec's raw HTML passes through as written: that takes the explicit raw-html=keep.
            actual = convert(["-O", "raw-html=keep"], source, target)
            if actual is not None and normalise(actual) == normalise(expected):
                passed += 1
            else:
                failures.append((number, normalise(actual or ""), normalise(expected)))
        tried, sanitize_failures = sanitized_examples(cases, tmp)
    for number, got, wanted in failures[:15]:
        print(f"example {number}: got {got!r}\n            want {wanted!r}")
    print(f"CommonMark spec: {passed} of {len(cases)} examples pass (at least {REQUIRED_PASSES} required)")
    for failure in sanitize_failures:
        fail(failure)
    print(f"CommonMark spec, sanitize mode: {tried - len(sanitize_failures)} of {tried} examples with inline raw HTML "
          "keep every allowed element's content (all required)")
    check(len(cases) == 652, f"the spec has {len(cases)} examples, not 652")
    check(passed >= REQUIRED_PASSES, f"only {passed} examples pass")
    check(tried >= 9, f"only {tried} examples tried in sanitize mode")


if __name__ == "__main__":
    main()
    finish("commonmark spec")
