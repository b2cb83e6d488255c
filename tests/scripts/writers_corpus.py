#!/usr/bin/python3
# mimeo-test: slow
"""Posts as Jekyll, Hugo, Zola and pandoc writers keep them (fixtures/writers/): their dates,
front matter and Markdown, imported and carried into every output, with located diagnostics
for what mimeo does not take. Feeds go to the W3C feed validator, EPUBs to epubcheck."""
import email
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, check_feed, finish  # noqa: E402

CORPUS = os.path.join(ROOT, "fixtures", "writers")
WORK = tempfile.mkdtemp(prefix="mimeo-writers-")
ISSUE = os.path.join(WORK, "issue.yaml")
with open(ISSUE, "w") as f:
    f.write("publication: {title: The Lamplighter, url: 'https://lamplighter.example.org/', language: en}\n"
            "issue: {number: 7, date: 2024-03-04}\n")


def mimeo(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True, timeout=120)


def post(site, name):
    return os.path.join(CORPUS, site, name)


def model_of(path, *options):
    target = os.path.join(WORK, os.path.basename(path) + ".xml")
    run = mimeo("import", path, "-o", target, *options)
    check(run.returncode == 0, f"{path}: import failed: {run.stderr}")
    return (open(target, encoding="utf-8").read() if run.returncode == 0 else ""), run.stderr


def write_file(name, text):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# 1. Dates: Jekyll's, RFC 3339's and YAML's, and the one in a Jekyll file name.
JEKYLL = "jekyll/_posts"
DATES = {
    "2013-05-06-welcome-to-jekyll.md": '<date time="02:12:52+02:00">2013-05-06</date>',
    "2024-03-01-rfc3339.md": '<date time="10:00:00-08:00">2024-03-01</date>',
    "2001-12-14-yaml-timestamp.md": '<date time="21:59:43-05:00">2001-12-14</date>',
    "2019-11-30-winter-schedule.md": "<date>2019-11-30</date>",
}
for name, expected in DATES.items():
    model, stderr = model_of(post(JEKYLL, name))
    check(expected in model, f"{name}: the model's date is not {expected}: {re.findall(r'<date.*?</date>', model)}")
    check(("date-from-name" in stderr) == name.startswith("2019"), f"{name}: date-from-name: {stderr}")
model, _ = model_of(post(JEKYLL, "2019-11-30-winter-schedule.md"))
check("<slug>winter-schedule</slug>" in model, "a Jekyll name's slug is the name without its date")

for bad, line in (("date: 2013-13-06 02:12:52 +0200", 3), ("date: 2013-05-06 25:00", 3), ("date: 2013-05-06 02:12 PST", 3)):
    path = write_file("bad-date.md", f"---\ntitle: Bad\n{bad}\n---\nText.\n")
    run = mimeo("import", path, "-o", path + ".xml")
    check(run.returncode == 1 and f"{path}:{line}:" in run.stderr and "error[yaml-type]" in run.stderr,
          f"'{bad}': not a located yaml-type error: {run.stderr}")

# The time and zone reach the feeds (in UTC), the page and the newsletter (in the writer's zone).
dated = [post(JEKYLL, name) for name in DATES]
feeds = {}
for fmt in ("rss", "atom"):
    target = os.path.join(WORK, f"feed.{fmt}")
    run = mimeo("convert", "--issue", ISSUE, *dated, "--to", fmt, "-o", target, "-O", "merge=false",
                "-O", f"feed-url=https://lamplighter.example.org/feed.{fmt}")
    check(run.returncode == 0, f"{fmt}: {run.stderr}")
    feeds[fmt] = open(target, encoding="utf-8").read() if run.returncode == 0 else ""
    checked = mimeo("check", target)
    check(checked.returncode == 0, f"{fmt}: mimeo check: {checked.stdout}{checked.stderr}")
    check_feed(target, f"https://lamplighter.example.org/feed.{fmt}", f"the {fmt} feed")
for stamp in ("Mon, 06 May 2013 00:12:52 +0000", "Fri, 01 Mar 2024 18:00:00 +0000", "Sat, 15 Dec 2001 02:59:43 +0000",
              "Sat, 30 Nov 2019 00:00:00 +0000"):
    check(f"<pubDate>{stamp}</pubDate>" in feeds["rss"], f"rss: no pubDate {stamp}")
for stamp in ("2013-05-06T00:12:52Z", "2024-03-01T18:00:00Z", "2001-12-15T02:59:43Z"):
    check(f"<published>{stamp}</published>" in feeds["atom"], f"atom: no published {stamp}")
# Newest first, by the instant: the 2024 post before the 2019 one.
check(feeds["rss"].find("March meeting") < feeds["rss"].find("Winter schedule"), "rss: not newest first")

letter = os.path.join(WORK, "letter.eml")
run = mimeo("convert", post(JEKYLL, "2013-05-06-welcome-to-jekyll.md"), "--to", "email",
            "-o", letter, "-O", "from=news@lamplighter.example.org")
check(run.returncode == 0, f"email: {run.stderr}")
if run.returncode == 0:
    message = email.message_from_string(open(letter, encoding="utf-8").read())
    check(message["Date"] == "Mon, 06 May 2013 02:12:52 +0200", f"email: Date is {message['Date']}")
page = os.path.join(WORK, "page.html")
run = mimeo("convert", post(JEKYLL, "2024-03-01-rfc3339.md"), "--to", "html", "-o", page)
check(run.returncode == 0 and '<time datetime="2024-03-01T10:00:00-08:00">' in open(page, encoding="utf-8").read(),
      f"html: the time element lacks the time: {run.stderr}")

# 2. TOML (Hugo, Zola) and JSON (Hugo) front matter, through the same keys and located errors.
HUGO, ZOLA = "hugo/content/posts", "zola/content/blog"
model, stderr = model_of(post(HUGO, "harbour-strike.md"))
for part in ("<title>The harbour strike, day three</title>", '<date time="08:47:11+01:00">2019-03-26</date>',
             "<subject>News</subject>", "<tag>labour</tag>", "<tag>harbour</tag>",
             "<summary>Dockers hold the line as talks stall.</summary>"):
    check(part in model, f"hugo TOML: {part} missing from the model")
check("Talks between" in model and "+++" not in model and "title =" not in model, "hugo TOML: front matter in the body")
check("harbour-strike.md:8:8: warning[slug-normalized]" in stderr and "'harbour-strike-day-3'" in stderr
      and "<slug>harbour-strike-day-3</slug>" in model, f"hugo: the slug not normalized at its place: {stderr}")
model, stderr = model_of(post(HUGO, "reading-list.md"))
check("<title>A reading list for the winter</title>" in model and "<date>2021-12-01</date>" in model
      and ">The Editors</contributor>" in model and "Five books" in model and '"title"' not in model,
      f"hugo JSON: {model[:600]}")
model, stderr = model_of(post(ZOLA, "cooperative-bakery.md"))
check("<tag>cooperatives</tag>" in model and "<tag>food</tag>" in model, "zola: taxonomies.tags are not the tags")
check("unknown-key" not in stderr, f"zola: its known keys warned of: {stderr}")
for text, where, code in (('+++\ntitle = "x"\ndate = 2019-13-01\n+++\nBody\n', ":3:", "error[toml]"),
                          ('+++\ntitle = "x"\ntitle = "y"\n+++\nBody\n', ":3:", "error[toml]"),
                          ('+++\ntitle = "x"\ndate = 5\n+++\nBody\n', ":3:8:", "error[yaml-type]"),
                          ('+++\ntitle = "x"\n', ":1:1:", "error[front-matter]"),
                          ('{\n  "title": "x",\n  "lang": "english"\n}\nBody\n', ":3:11:", "error[yaml-type]"),
                          ('{\n  "title": "x"\n\nBody\n', ":1:1:", "error[front-matter]")):
    path = write_file("bad-front.md", text)
    run = mimeo("import", path, "-o", path + ".xml")
    check(run.returncode == 1 and f"{path}{where}" in run.stderr and code in run.stderr,
          f"{text!r}: not {code} at {where}: {run.stderr}")
# A body that opens with a shortcode or an attribute is not JSON front matter.
path = write_file("shortcode-first.md", '{{< figure src="a.png" >}}\n\nBody\n')
check(mimeo("import", path, "-o", path + ".xml").returncode == 0, "a body opening with {{< was read as JSON")

# 3. Their keys: description and excerpt are the summary, categories the subjects, strings of
# tags are lists, and a language that is none is a located error.
model, stderr = model_of(post(JEKYLL, "2013-05-06-welcome-to-jekyll.md"))
check("<subject>jekyll</subject>" in model and "<subject>update</subject>" in model, "jekyll: categories as a string")
check("unknown-key" not in stderr, f"jekyll: layout warned of: {stderr}")
path = write_file("keys.md", "---\ntitle: Keys\ntags: machine learning, ai\nsummary: S\nexcerpt: E\n---\nx\n")
model, stderr = model_of(path)
check("<tag>machine learning</tag>" in model and "<tag>ai</tag>" in model, "tags split on commas")
check("<summary>S</summary>" in model and f"{path}:5:10: warning[key-alias]" in stderr, f"summary and excerpt: {stderr}")
path = write_file("lang.md", "---\ntitle: Lang\nlang: english\n---\nx\n")
run = mimeo("import", path, "-o", path + ".xml")
check(run.returncode == 1 and f"{path}:3:7: error[yaml-type]" in run.stderr, f"lang: english: {run.stderr}")

# lastmod is the last revision, weight the place in the issue, aliases are kept, and the cover
# image leads the body, in a Hugo page bundle and a Jekyll post alike.
buses = post(HUGO, os.path.join("night-buses", "index.md"))
fair = post(JEKYLL, "2018-07-20-summer-fair.md")
model, stderr = model_of(buses)
for part in ('<history><date type="updated" time="08:00:00+02:00">2023-10-14</date></history>', "<weight>1</weight>",
             "<alias>/2023/10/night-buses/</alias>", "<alias>/posts/nightbuses/</alias>",
             '<figure id="lead-image">\n      <image src="cover.png" alt="A night bus at the Quay Street stop"/>\n'
             "      <caption>The N7 at Quay Street, on its first night back</caption>"):
    check(part in model, f"hugo bundle: {part!r} not in the model:\n{model}")
check(f"{buses}:16:3: warning[key-alias]: 'images' is left out: 'cover' gives the lead image" in stderr,
      f"hugo bundle: images beside cover: {stderr}")
check("unknown-key" not in stderr, f"hugo bundle: its cover's layout keys warned of: {stderr}")
model, stderr = model_of(fair)
check('<date type="updated" time="10:05:00+01:00">2018-07-22</date>' in model and "<alias>/news/fair-2018.html</alias>" in model
      and '<image src="../assets/summer-fair.png" alt="Stalls along' in model, f"jekyll: seo-tag keys: {model}")
check("unknown-key" not in stderr, f"jekyll: image's width and height warned of: {stderr}")
run = mimeo("convert", "--issue", ISSUE, buses, fair, "--to", "atom", "-o", os.path.join(WORK, "revised.atom"))
atom = open(os.path.join(WORK, "revised.atom"), encoding="utf-8").read() if run.returncode == 0 else ""
check("<published>2023-10-12T19:15:00Z</published><updated>2023-10-14T06:00:00Z</updated>" in atom.replace("\n", "").replace(" ", ""),
      f"atom: lastmod is not the entry's updated: {run.stderr}{atom}")
path = write_file("weight.md", "---\ntitle: W\nweight: heavy\n---\nx\n")
run = mimeo("import", path, "-o", path + ".xml")
check(run.returncode == 1 and f"{path}:3:9: error[yaml-type]" in run.stderr, f"weight: heavy: {run.stderr}")

# 4. Template syntax: each kind named once, with its count and first place; kept, or stripped.
liquid, shortcodes = post(JEKYLL, "2015-02-10-liquid-in-posts.md"), post(HUGO, "shortcodes.md")
for path, expected in ((liquid, {"Liquid tags": (4, 9, 1), "Liquid output": (1, 7, 57)}),
                       (shortcodes, {"Hugo shortcodes {{< … >}}": (2, 6, 1), "Hugo shortcodes {{% … %}}": (2, 8, 1)})):
    model, stderr = model_of(path)
    warned = [line for line in stderr.splitlines() if "warning[template-syntax]" in line]
    check(len(warned) == len(expected), f"{path}: {len(warned)} template-syntax warnings: {stderr}")
    for kind, (count, line, column) in expected.items():
        check(any(f"{path}:{line}:{column}: warning[template-syntax]: {count} {kind}" in w for w in warned),
              f"{path}: no warning of {count} {kind} at {line}:{column}: {warned}")
    stripped, stderr = model_of(path, "-I", "templates=strip")
    prose = re.sub(r"<code(-block)?\b.*?</code(-block)?>", "", stripped, flags=re.S)
    check(not re.search(r"\{[{%]", prose) and "removed" in stderr,
          f"{path}: templates=strip left some: {stripped}")
check("{% for post in site.posts %}" in model_of(liquid, "-I", "templates=strip")[0]
      and "{{ page.title }}" in model_of(liquid, "-I", "templates=strip")[0], "strip reached into code")

# 8. No front matter: the one level-1 heading that opens the body is the title.
handbook = os.path.join(CORPUS, "pandoc", "tenants-handbook.md")
model, stderr = model_of(handbook)
check("<title>The tenants’ handbook</title>" in model and "<slug>the-tenants-handbook</slug>" in model
      and "<heading>The tenants" not in model and '<section level="2" id="before-the-hearing">' in model,
      f"title from the heading: {model}")
check(f"{handbook}:1:1: warning[title-from-heading]" in stderr, f"title-from-heading not warned: {stderr}")
model, stderr = model_of(handbook, "-I", "title-from-heading=false")
check("<title>tenants-handbook</title>" in model and "<heading>The tenants’ handbook</heading>" in model,
      f"title-from-heading=false: {model}")
two = write_file("two-parts.md", "# Part one\n\nA.\n\n# Part two\n\nB.\n")
check("<heading>Part one</heading>" in model_of(two)[0], "one of two level-1 headings taken as the title")

# 7. A link to an id the article lacks is its text, named; the one to a heading stays a link.
anchors = post(HUGO, "anchors.md")
model, stderr = model_of(anchors)
check('<link href="#the-vote">below</link>' in model and "in the appendix" in model and 'href="#appendix"' not in model,
      f"links to ids: {model}")
check("warning[link-dangling]: 1 link" in stderr and "'#appendix'" in stderr, f"link-dangling: {stderr}")
# A path on the site resolves against the publication's address once a run knows it; without
# one it is text, named. An apostrophe after a code span closes.
check('<link href="/commands/hugo/">' in model and "<code>hugo server</code>’s preview" in model,
      f"site link or code-span apostrophe: {model}")
for issue, expected in ((ISSUE, 'href="https://lamplighter.example.org/commands/hugo/"'), (None, "the site’s own tool")):
    page = os.path.join(WORK, "anchors.html")
    run = mimeo("convert", *(["--issue", issue] if issue else []), anchors, "--to", "html", "-o", page)
    html = open(page, encoding="utf-8").read() if run.returncode == 0 else ""
    check(expected in html and 'href="/commands' not in html, f"site link with issue {issue}: {run.stderr}")
    check(("warning[link-site-absolute]: 1 link" in run.stderr and "'/commands/hugo/'" in run.stderr) == (issue is None),
          f"link-site-absolute with issue {issue}: {run.stderr}")

# Drafts (Hugo's draft: true, Jekyll's published: false) are left out of runs, named, unless
# --drafts; the EPUB of the corpus passes epubcheck either way.
drafts = [post(HUGO, "ferry-timetable.md"), post(JEKYLL, "2013-06-01-unpublished-notes.md")]
everything = dated + [post(HUGO, "harbour-strike.md"), post(HUGO, "reading-list.md"),
                      post(ZOLA, "cooperative-bakery.md"), liquid, shortcodes, anchors, fair, buses] + drafts
pipeline = write_file("site.yaml", "publication: {title: The Lamplighter, url: 'https://lamplighter.example.org/', "
                      "language: en}\nissue: {number: 7, date: 2024-03-04}\ninputs:\n"
                      + "".join(f"  - {path}\n" for path in everything)
                      # Jekyll keeps its images in the site's assets/, beside _posts/.
                      + "outputs:\n  - {format: epub, path: out/site.epub, check: true, outside-images: true}\n")
for extra, expected in (([], 0), (["--drafts"], 2)):
    run = mimeo("run", pipeline, "--no-cache", *extra)
    check(run.returncode == 0, f"run {extra}: {run.stderr}")
    left_out = run.stderr.count("warning[draft-left-out]")
    check(left_out == 2 - expected, f"run {extra}: {left_out} drafts named as left out: {run.stderr}")
    check(("2 drafts left out" in run.stdout) == (expected == 0), f"run {extra}: the summary: {run.stdout}")
    listing = subprocess.run(["unzip", "-l", os.path.join(WORK, "out", "site.epub")], capture_output=True, text=True).stdout
    # The weighted post opens the issue; its cover is packed.
    nav = subprocess.run(["unzip", "-p", os.path.join(WORK, "out", "site.epub"), "EPUB/nav.xhtml"],
                         capture_output=True, text=True).stdout
    check(nav.find("Night buses") < nav.find("Welcome to the new site") and "images/cover.png" in listing,
          f"run {extra}: weight 1 is not first, or the cover is not packed: {nav}")
    check(("ferry-timetable" in listing) == (expected == 2) and ("unpublished-notes" in listing) == (expected == 2),
          f"run {extra}: the drafts' pages: {listing}")

shutil.rmtree(WORK, True)
finish("writers_corpus")
