"""A feed that cannot be read is never overwritten; bad options and bad feeds are reported clearly."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402
ISSUE = os.path.join(ROOT, "fixtures", "issue.yaml")
ARTICLE = os.path.join(ROOT, "fixtures", "articles", "02-notes-and-links.md")
def convert(fmt, target, *options, issue=ISSUE):
    args = [MIMEO, "convert", "--issue", issue, ARTICLE, "--to", fmt, "-o", target]
    for option in options:
        args += ["-O", option]
    return subprocess.run(args, capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    # A broken feed: the run stops, names the file and line, and leaves the file alone.
    broken = os.path.join(tmp, "feed.xml")
    broken_text = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Old & broken</title>\n</channel>\n</rss>\n"
    with open(broken, "w") as f:
        f.write(broken_text)
    for fmt in ("rss", "atom"):
        result = convert(fmt, broken)
        check(result.returncode == 1, f"{fmt}: broken target: exit {result.returncode}")
        check(f"{broken}:4:" in result.stderr and "feed-parse" in result.stderr,
               f"{fmt}: error does not name file and line: {result.stderr!r}")
        check(open(broken).read() == broken_text, f"{fmt}: the broken feed was overwritten")
        check(sorted(os.listdir(tmp)) == ["feed.xml"], f"{fmt}: stray files {os.listdir(tmp)}")
    # merge: false replaces it deliberately.
    result = convert("rss", broken, "merge=false")
    check(result.returncode == 0 and "<item>" in open(broken).read(), f"merge=false did not replace: {result.stderr}")

    # An Atom feed at an RSS target (and the reverse) is not merged into or replaced.
    atom = os.path.join(tmp, "feed.atom")
    check(convert("atom", atom).returncode == 0, "atom run failed")
    atom_text = open(atom).read()
    result = convert("rss", atom)
    check(result.returncode == 1 and "feed-merge" in result.stderr and "not an RSS 2.0 feed" in result.stderr,
           f"rss into atom: {result.returncode} {result.stderr!r}")
    check(open(atom).read() == atom_text, "the atom feed was overwritten by rss")

    # Options: unknown template variables, negative caps, wrong types.
    target = os.path.join(tmp, "new.xml")
    result = convert("rss", target, "link=${publication.url}${article.title}/")
    check(result.returncode == 1 and "feed-template" in result.stderr and "article.title" in result.stderr,
           f"bad template: {result.returncode} {result.stderr!r}")
    result = convert("rss", target, "max-items=-1")
    check(result.returncode != 0 and "max-items" in result.stderr, f"negative max-items: {result.stderr!r}")
    result = convert("rss", target, "merge=perhaps")
    check(result.returncode != 0 and "merge" in result.stderr, f"bad merge value: {result.stderr!r}")
    result = convert("atom", target, "guid=${article.slug}")
    check(result.returncode == 1 and "feed-guid" in result.stderr, f"atom id not an IRI: {result.stderr!r}")
    check(not os.path.exists(target), "a failed run left output behind")

    # No publication URL: a clear error rather than a feed with relative links.
    bare = os.path.join(tmp, "bare.yaml")
    with open(bare, "w") as f:
        f.write("publication:\n  title: Bare\n")
    result = convert("rss", target, issue=bare)
    check(result.returncode == 1 and "feed-metadata" in result.stderr, f"no url: {result.stderr!r}")

    # A logo that is a local file cannot be a feed's image: a warning, and no <image>.
    local_logo = os.path.join(tmp, "logo.yaml")
    with open(local_logo, "w") as f:
        f.write("publication:\n  title: Logo\n  url: https://logo.example.org/\n  logo: logo.png\n")
    logo_feed = os.path.join(tmp, "logo.xml")
    result = convert("rss", logo_feed, issue=local_logo)
    check(result.returncode == 0 and "warning[feed-image]" in result.stderr and "<image>" not in open(logo_feed).read(),
           f"local logo: {result.returncode} {result.stderr!r}")

    # `mimeo check` on feeds with problems.
    bad = os.path.join(tmp, "bad.rss")
    with open(bad, "w") as f:
        f.write("<rss version=\"2.0\"><channel><title>T</title><link>https://x.example/</link><description/>\n"
                "<item><title>A</title><pubDate>Mon, 14 Apr 25 00:00:00 GMT</pubDate></item></channel></rss>\n")
    result = subprocess.run([MIMEO, "check", bad], capture_output=True, text=True)
    check(result.returncode == 1 and "rss check FAILED" in result.stdout and f"{bad}:2:" in result.stderr
           and "feed-date" in result.stderr, f"check bad rss: {result.stdout!r} {result.stderr!r}")

    # The canonical-XML check still gets canonical files.
    xml_dir = os.path.join(tmp, "xml")
    subprocess.run([MIMEO, "convert", ARTICLE, "--to", "xml", "-o", xml_dir], check=True, capture_output=True)
    result = subprocess.run([MIMEO, "check", os.path.join(xml_dir, "issue.xml")], capture_output=True, text=True)
    check(result.returncode == 0 and "xml check passed" in result.stdout, f"canonical check: {result.stdout!r}")

finish("feed errors: broken targets kept, options and feeds checked")
