"""Shared helpers of the email tests, on top of support/checks.py: run mimeo, parse messages strictly, unflow
format=flowed text (RFC 3676), and read the fixtures' paragraphs and links."""
import email
import email.policy
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402,F401 (the email tests import them from here)

FIXTURES = os.path.join(ROOT, "fixtures")
ARTICLES = sorted(os.path.join(FIXTURES, "articles", f) for f in os.listdir(os.path.join(FIXTURES, "articles"))
                  if f.endswith(".md"))
NS = "{urn:mimeo:article:1}"

def run(*args, expect=0):
    result = subprocess.run([MIMEO, *args], cwd=ROOT, capture_output=True, text=True)
    if expect is not None and result.returncode != expect:
        print(result.stdout, result.stderr)
        raise SystemExit(f"mimeo {' '.join(args)} exited {result.returncode}, expected {expect}")
    return result


def convert(out, *options, articles=None):
    args = ["convert", "--issue", os.path.join(FIXTURES, "issue.yaml"), *(articles or ARTICLES), "--to", "email", "-o", out]
    for option in options:
        args += ["-O", option]
    return run(*args)


def parse(path):
    with open(path, "rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.strict)


def text_part(message):
    part = message.get_body(preferencelist=("plain",))
    return part, part.get_content().replace("\r\n", "\n")


def unflow(text, delsp):
    """Paragraphs of a format=flowed body as (quote depth, text), per RFC 3676 4.2."""
    paragraphs, current = [], None
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        flowed = content.endswith(" ") and content != "-- "
        if flowed and delsp:
            content = content[:-1]
        if current is not None and current[0] != depth:
            paragraphs.append(current)
            current = None
        if current is None:
            current = [depth, content]
        else:
            current[1] += content
        if not flowed:
            paragraphs.append(current)
            current = None
    if current:
        paragraphs.append(current)
    return [(d, t) for d, t in paragraphs]


def unstuff(text):
    """The text as a flowed reader shows it without reflowing: space-stuffing removed."""
    return "\n".join(line[1:] if line.startswith(" ") else line for line in text.split("\n"))


def long_lines(text, limit=78):
    """Lines over the limit that hold more than one word (a single URL or word may be long)."""
    bad = []
    for line in text.split("\n"):
        if len(line) > limit and " " in line.strip("> ").rstrip(" "):
            bad.append(line)
    return bad


def canonical(path):
    result = run("import", path)
    return ET.fromstring(result.stdout.encode("utf-8"))


def plain_inline(element):
    """Words of inline content: links and emphasis as their text, notes left out."""
    out = element.text or ""
    for child in element:
        tag = child.tag.replace(NS, "")
        if tag not in ("note-ref", "anchor", "raw"):
            if tag == "line-break":
                out += " "
            elif tag == "image":
                out += "[Image: " + child.get("alt", "") + "]"
            else:
                out += plain_inline(child)
        out += child.tail or ""
    return out


def top_paragraphs(article):
    """The text of the paragraphs directly in the body and its sections."""
    found = []

    def walk(container):
        for child in container:
            tag = child.tag.replace(NS, "")
            if tag == "p":
                found.append(" ".join(plain_inline(child).split()))
            elif tag == "section":
                walk(child)
    walk(article.find(NS + "body"))
    return found


def normalize_rendered(text):
    """Rendered paragraph text with link/note references and emphasis marks taken out."""
    text = re.sub(r" ?\[\^?\d+\]", "", text)
    text = re.sub(r"(?<!\w)[_*]|[_*](?!\w)", "", text)
    return " ".join(text.split())


def source_urls(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    urls = set(re.findall(r"\]\((\S+?)(?:\s+\"[^\"]*\")?\)", source))
    urls |= set(re.findall(r"<(https?://[^>]+)>", source))
    urls |= set(re.findall(r"^\s*url:\s*(\S+)", source, re.M))
    return {u for u in urls if re.match(r"[a-z]+:", u)}


def tempdir():
    return tempfile.mkdtemp(prefix="mimeo-email-")
