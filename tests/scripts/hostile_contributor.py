#!/usr/bin/python3
# mimeo-test: slow
"""Issue 16's attacks, each tried as a hostile contributor would: a secret file sits outside
the article's folder, and no output of any run may hold its marker, nor may anything be
written outside the output folder. Each attack must end in the error or warning named."""
import ctypes
import glob
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

ISSUE = os.path.join(ROOT, "fixtures", "issue.yaml")

WORK = tempfile.mkdtemp(prefix="mimeo-hostile-")
atexit.register(shutil.rmtree, WORK, True)
MARKER = "MIMEO-SECRET-" + os.path.basename(WORK)
SECRET = os.path.join(WORK, "secret.txt")
with open(SECRET, "w") as f:
    f.write("root:x:0:0:" + MARKER + "\n")
# A PNG outside the article's folder: a real image, so that only the rule can refuse it.
OUTSIDE_PNG = os.path.join(WORK, "outside.png")
with open(OUTSIDE_PNG, "wb") as f:
    f.write(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
                          "0000000c4944415478da63f8cfc000000301010018dd8db00000000049454e44ae426082")
            + MARKER.encode())


def run(*args, env=None):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


def article(name, text):
    folder = os.path.join(WORK, name)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    return folder, path


def holds_marker(path):
    """True when the file, or any member of it as a zip, holds the marker."""
    with open(path, "rb") as f:
        data = f.read()
    if MARKER.encode() in data:
        return True
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return any(MARKER.encode() in z.read(n) for n in z.namelist())
    return False


def leaks(folder):
    return [os.path.join(d, n) for d, _, names in os.walk(folder) for n in names
            if holds_marker(os.path.join(d, n))]


def expect_refused(name, result, code, outputs):
    check(result.returncode == 1, f"{name}: exit {result.returncode}, not 1: {result.stderr}")
    check(f"[{code}]" in result.stderr, f"{name}: no {code} in: {result.stderr}")
    for out in outputs:
        check(not os.path.exists(out), f"{name}: {out} was written")


# 1. pandoc's readers: include directives of rST, Org and LaTeX, read sandboxed.
for name, text in [("include.rst", f"Title\n=====\n\nText.\n\n.. include:: {SECRET}\n"),
                   ("include.org", f"#+TITLE: Title\n\nText.\n\n#+INCLUDE: \"{SECRET}\"\n"),
                   ("include.tex", f"\\title{{Title}}\n\\begin{{document}}\nText.\n\\lstinputlisting{{{SECRET}}}\n"
                                   f"\\input{{{SECRET}}}\n\\end{{document}}\n")]:
    folder, path = article(name, text)
    out = os.path.join(folder, "out")
    for to, target in [("epub", "a.epub"), ("email", "a.eml"), ("rss", "a.xml"), ("jats", "a.jats.xml")]:
        options = ["-O", "from=news@example.org"] if to == "email" else []
        result = run("convert", path, "--issue", ISSUE, "--to", to, "-o", os.path.join(out, target), *options)
        check(result.returncode == 0, f"pandoc {name} to {to}: exit {result.returncode}: {result.stderr}")
    check("pandoc-warning" in result.stderr and "include" in result.stderr.lower(),
          f"pandoc {name}: the refused include is not named: {result.stderr}")
    check(leaks(out) == [], f"pandoc {name}: the secret leaked into {leaks(out)}")

# A YAML alias bomb read by pandoc: stopped by the memory ceiling, not the machine's.
bomb = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
bomb += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
folder, path = article("bomb.md", "\n".join(bomb + ["title: Bomb", "---", "", "Text."]) + "\n")
out = os.path.join(folder, "bomb.xml")
expect_refused("alias bomb", run("import", path, "--engine", "pandoc", "-I", "memory=100", "-o", out),
               "pandoc-memory", [out])

# 2. pandoc's writers pack only images mimeo vetted: never a file outside the folder, by an
# absolute path, ../ or a symlink, nor one that is not an image.
folder, path = article("images.md", "---\ntitle: Images\n---\n\n![inside](inside.png)\n")
with open(OUTSIDE_PNG, "rb") as f, open(os.path.join(folder, "inside.png"), "wb") as g:
    g.write(f.read().replace(MARKER.encode(), b""))
os.symlink(OUTSIDE_PNG, os.path.join(folder, "link.png"))
with open(os.path.join(folder, "not-an-image.png"), "w") as f:
    f.write("plain text\n")
for to in ["docx", "odt", "epub"]:
    target = os.path.join(folder, "out", "good." + to)
    result = run("convert", path, "--to", "pandoc:" + to, "-o", target)
    check(result.returncode == 0, f"pandoc:{to} with an image inside: {result.stderr}")
    if result.returncode == 0:
        with zipfile.ZipFile(target) as z:
            check(any(n.lower().endswith(".png") and "thumbnail" not in n.lower() for n in z.namelist()),
                  f"pandoc:{to}: the image inside the folder was not packed: {z.namelist()}")
    for src, code in [(SECRET, "image-outside"), (OUTSIDE_PNG, "image-outside"),
                      ("../" + os.path.basename(OUTSIDE_PNG), "image-outside"),
                      ("link.png", "image-outside"), ("not-an-image.png", "pandoc-image"),
                      ("file://" + SECRET, "pandoc-image")]:
        with open(path, "w") as f:
            f.write(f"---\ntitle: Images\n---\n\n![x]({src})\n")
        target = os.path.join(folder, "out", "bad." + to)
        expect_refused(f"pandoc:{to} with ![x]({src})", run("convert", path, "--to", "pandoc:" + to, "-o", target),
                       code, [target])
    with open(path, "w") as f:
        f.write("---\ntitle: Images\n---\n\n![inside](inside.png)\n")
check(leaks(os.path.join(folder, "out")) == [], "pandoc writers: the secret leaked")

# 3. Canonical XML carries no trust: a base it names is ignored, so its images are looked for
# in its own folder; so is a tampered cache entry's.
folder, path = article("trusted.xml", f"""<?xml version="1.0"?>
<article xmlns="urn:mimeo:article:1" base="{WORK}"><meta><title>T</title><slug>t</slug></meta>
<body><figure><image src="{os.path.basename(OUTSIDE_PNG)}" alt="x"/></figure></body></article>
""")
jats = os.path.join(folder, "out", "jats")
result = run("convert", path, "--to", "jats", "-o", jats)
check("[base-ignored]" in result.stderr, f"canonical XML's base: no base-ignored warning: {result.stderr}")
epub = os.path.join(folder, "out", "t.epub")
expect_refused("canonical XML's base, to EPUB", run("convert", path, "--to", "epub", "-o", epub), "epub-image", [epub])
check(leaks(os.path.join(folder, "out")) == [], "canonical XML's base: the secret leaked")


class XXH128(ctypes.Structure):
    _fields_ = [("low64", ctypes.c_uint64), ("high64", ctypes.c_uint64)]


def rehash(entry_text):
    """The entry with its hash made right again, as an attacker with the cache would."""
    xxhash = ctypes.CDLL("libxxhash.so.0")
    xxhash.XXH3_128bits.restype = XXH128
    xxhash.XXH3_128bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    head, label, rest = entry_text.split(b"\n", 2)
    digest = xxhash.XXH3_128bits(rest, len(rest))
    return head + b"\nxxh3-128 " + b"%016x%016x" % (digest.high64, digest.low64) + b"\n" + rest


folder, path = article("cached.md", "---\ntitle: Cached\n---\n\n![a picture](picture.png)\n")
with open(os.path.join(folder, "picture.png"), "wb") as f, open(OUTSIDE_PNG, "rb") as g:
    f.write(g.read().replace(MARKER.encode(), b""))
pipeline = os.path.join(folder, "issue.yaml")
with open(pipeline, "w") as f:
    f.write("publication: {title: T, url: 'https://t.example.org/'}\nissue: {number: 1, date: 2025-04-14}\n"
            "inputs: [cached.md]\noutputs:\n  - {format: epub, path: out/issue.epub}\n")
cache = os.path.join(folder, "cache")
result = run("run", pipeline, "--cache", cache, "-q")
check(result.returncode == 0, f"cache: the first run failed: {result.stderr}")
entries = glob.glob(os.path.join(cache, "*", "*.xml"))
check(len(entries) == 1, f"cache: expected one entry, found {entries}")
for entry in entries:
    with open(entry, "rb") as f:
        text = f.read()
    text = text.replace(b'base="' + folder.encode() + b'"', b'base="' + WORK.encode() + b'"')
    text = text.replace(b'src="picture.png"', b'src="' + os.path.basename(OUTSIDE_PNG).encode() + b'"')
    with open(entry, "wb") as f:
        f.write(rehash(text))
os.remove(os.path.join(folder, "out", "issue.epub"))
result = run("run", pipeline, "--cache", cache)
check("from cache" in result.stdout + result.stderr, f"cache: the tampered entry was not read: {result.stdout}")
check(result.returncode == 1 and "epub-image" in result.stderr,
      f"cache: a tampered entry's image was not refused: {result.returncode} {result.stderr}")
check(leaks(os.path.join(folder, "out")) == [], "cache: the secret leaked from a tampered entry")

# 4. Dangerous URLs in front matter: a located error; in canonical XML, the schema refuses them.
for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "' javascript:alert(1)'", "data:text/html,x",
            "vbscript:msgbox(1)", "file:///etc/passwd"]:
    for key, text in [("url", f"url: {url}"), ("source.url", f"source:\n  url: {url}")]:
        folder, path = article("url.md", f"---\ntitle: T\n{text}\n---\n\nText.\n")
        feed = os.path.join(folder, "out", "feed.xml")
        result = run("convert", path, "--issue", ISSUE, "--to", "rss", "-o", feed)
        expect_refused(f"{key}: {url}", result, "url-scheme", [feed])
        check("url.md:" in result.stderr, f"{key}: {url}: the error is not located: {result.stderr}")
# Or, under the importer option bad-urls=warn, a located warning and the key left out.
folder, path = article("url.md", "---\ntitle: T\nurl: javascript:alert(1)\n---\n\nText.\n")
feed = os.path.join(folder, "out", "feed.xml")
result = run("convert", path, "--issue", ISSUE, "--to", "rss", "-I", "bad-urls=warn", "-o", feed)
check(result.returncode == 0 and "url.md:3:6: warning[url-scheme]" in result.stderr and "left out" in result.stderr,
      f"bad-urls=warn: {result.returncode} {result.stderr}")
check(os.path.exists(feed) and "javascript" not in open(feed).read().lower(), "bad-urls=warn: the URL reached the feed")
folder, path = article("pub.yaml", "publication: {title: T, url: 'javascript:alert(1)'}\n")
result = run("convert", os.path.join(WORK, "include.rst", "include.rst"), "--issue", path, "--to", "rss",
             "-o", os.path.join(folder, "feed.xml"))
expect_refused("publication.url", result, "url-scheme", [os.path.join(folder, "feed.xml")])
folder, path = article("url.xml", """<?xml version="1.0"?>
<article xmlns="urn:mimeo:article:1"><meta><title>T</title><slug>t</slug><url>javascript:alert(1)</url></meta>
<body><p>x</p></body></article>
""")
expect_refused("canonical XML's url", run("convert", path, "--issue", ISSUE, "--to", "atom",
                                          "-o", os.path.join(folder, "feed.xml")), "schema",
               [os.path.join(folder, "feed.xml")])
# mimeo check finds such links in a feed written by anything.
feed = os.path.join(folder, "hand.xml")
with open(feed, "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example.org/</link>'
            '<description>d</description><item><title>x</title><link>javascript:alert(1)</link>'
            '<guid>javascript:alert(1)</guid></item></channel></rss>\n')
result = run("check", feed)
check(result.returncode == 1 and "feed-url" in result.stderr, f"mimeo check passes a javascript: link: {result.stderr}")

# 5. Staged files: symlinks planted at the names a run could pick (the old predictable staging
# names and commit journals of the next PIDs, and the outputs themselves) are never followed.
folder, path = article("staging.md", "---\ntitle: Staging\n---\n\nText.\n")
pipeline = os.path.join(folder, "issue.yaml")
with open(pipeline, "w") as f:
    f.write("publication: {title: T, url: 'https://t.example.org/'}\nissue: {number: 1, date: 2025-04-14}\n"
            "inputs: [staging.md]\noutputs:\n  - {format: epub, path: out/issue.epub}\n"
            "  - {format: rss, path: out/feed.xml, merge: false}\n  - {format: xml, path: out/xml}\n")
victim = os.path.join(WORK, "victim.txt")
with open(victim, "w") as f:
    f.write("untouched\n")
out = os.path.join(folder, "out")
os.makedirs(os.path.join(out, "xml"))
next_pid = os.getpid()
names = ["issue.epub", "feed.xml", "xml/staging.xml", "xml/issue.xml"]
for name in names:
    os.symlink(victim, os.path.join(out, name))
for pid in range(next_pid, next_pid + 400):
    os.symlink(victim, os.path.join(out, f".mimeo-commit-{pid}.journal"))
    for name in names:
        head, tail = os.path.split(name)
        for n in range(3):
            os.symlink(victim, os.path.join(out, head, f".{tail}.mimeo-{pid}-{n}.tmp"))
result = run("run", pipeline, "--no-cache", "-q")
check(result.returncode == 0, f"staging: the run failed: {result.stderr}")
with open(victim) as f:
    check(f.read() == "untouched\n", "staging: a planted symlink was followed: the victim file changed")
for name in names:
    target = os.path.join(out, name)
    check(not os.path.islink(target) and os.path.isfile(target), f"staging: {name} is not a regular file")

# A feed merged with its earlier self is never read through a symlink.
os.remove(os.path.join(out, "feed.xml"))
os.symlink(victim, os.path.join(out, "feed.xml"))
with open(pipeline) as f:
    merging = f.read().replace(", merge: false", "")
with open(pipeline, "w") as f:
    f.write(merging)
result = run("run", pipeline, "--no-cache", "-q")
check(result.returncode == 1 and "[feed-merge]" in result.stderr, f"a symlinked feed was merged: {result.stderr}")
os.remove(os.path.join(out, "feed.xml"))

# A forged journal of a dead run may not move a file from elsewhere into the outputs.
dead = subprocess.run(["sh", "-c", "echo $$"], capture_output=True, text=True).stdout.strip()
forged = os.path.join(out, f".mimeo-commit-{dead}.journal")
if os.path.lexists(forged):
    os.remove(forged)
with open(forged, "wb") as f:
    f.write(b"mimeo-journal 1\0" + SECRET.encode() + b"\0" + os.path.join(out, "stolen.txt").encode() + b"\0end\0")
result = run("run", pipeline, "--no-cache", "-q")
check(result.returncode == 0, f"forged journal: the run failed: {result.stderr}")
check(os.path.exists(SECRET) and not os.path.exists(os.path.join(out, "stolen.txt")),
      "forged journal: a file from outside was moved into the outputs")

# 6. mimeo check loads only its own catalog's DTDs: a DOCTYPE naming a local file is refused
# unread (its content never appears in an error message).
for system_id in [SECRET, "file://" + SECRET, "http://example.org/evil.dtd"]:
    folder, path = article("doctype.xml", f'<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "{system_id}">\n'
                                          '<article dtd-version="1.3"><front/></article>\n')
    result = run("check", path, "--format", "jats")
    check(result.returncode == 1 and "jats-unknown-dtd" in result.stderr,
          f"check with DOCTYPE {system_id}: {result.returncode} {result.stderr}")
    check(MARKER not in result.stdout + result.stderr, f"check with DOCTYPE {system_id}: the secret was printed")

# 9. Awkward DOCX files: a picture linked to a local file is skipped with a warning, never read;
# an encrypted DOCX and a Word 97-2003 file get their own errors.
GOOD = os.path.join(ROOT, "fixtures", "docx", "article.docx")
with zipfile.ZipFile(GOOD) as z:
    parts = {n: z.read(n) for n in z.namelist()}
rels = parts["word/_rels/document.xml.rels"].decode()
image_rel = next(r for r in rels.split("<Relationship ")[1:] if "relationships/image" in r)
rel_id = image_rel.split('Id="')[1].split('"')[0]
linked_rel = f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/' \
             f'relationships/image" Target="file:///{SECRET.lstrip("/")}" TargetMode="External"/>'
start = rels.index("<Relationship ", rels.index(f'Id="{rel_id}"') - 40)
end = rels.index("/>", start) + 2
parts["word/_rels/document.xml.rels"] = (rels[:start] + linked_rel + rels[end:]).encode()
parts["word/document.xml"] = parts["word/document.xml"].replace(
    f'r:embed="{rel_id}"'.encode(), f'r:link="{rel_id}"'.encode())
linked = os.path.join(WORK, "linked.docx")
with zipfile.ZipFile(linked, "w") as z:
    for name, data in parts.items():
        z.writestr(name, data)
out = os.path.join(WORK, "linked-out")
result = run("convert", linked, "--to", "epub", "-o", os.path.join(out, "linked.epub"))
check(result.returncode == 0, f"linked picture: the import failed: {result.stderr}")
check("[docx-linked-image]" in result.stderr and SECRET in result.stderr,
      f"linked picture: no docx-linked-image warning naming it: {result.stderr}")
check(leaks(out) == [], "linked picture: the secret leaked")
made = subprocess.run(["node", "-e", f"""
const fs = require('fs');
const officeCrypto = require('{ROOT}/node_modules/officecrypto-tool');
const CFB = require('{ROOT}/node_modules/cfb');
(async () => {{
  fs.writeFileSync('{WORK}/encrypted.docx', await officeCrypto.encrypt(fs.readFileSync('{GOOD}'), {{password: 'pw'}}));
  const doc = CFB.utils.cfb_new();
  const fib = Buffer.alloc(1472); fib.writeUInt16LE(0xA5EC, 0); fib.writeUInt16LE(0x00C1, 2);
  CFB.utils.cfb_add(doc, '/WordDocument', fib);
  CFB.utils.cfb_add(doc, '/1Table', Buffer.alloc(512));
  fs.writeFileSync('{WORK}/old.doc', CFB.write(doc, {{type: 'buffer'}}));
  fs.copyFileSync('{WORK}/old.doc', '{WORK}/old.docx');
}})();
"""], capture_output=True, text=True)
check(made.returncode == 0, f"node could not make the encrypted and old files: {made.stderr}")
for name, code in [("encrypted.docx", "docx-encrypted"), ("old.doc", "docx-old-format"),
                   ("old.docx", "docx-old-format")]:
    target = os.path.join(WORK, name + ".xml")
    expect_refused(name, run("import", os.path.join(WORK, name), "-o", target), code, [target])

# 7. Every importer has a size limit with an option: a file over it is too-large, at once.
big_para = "<p>" + "x" * (2 << 20) + "</p>"
for name, text, extra in [
        ("big.xml", '<?xml version="1.0"?><article xmlns="urn:mimeo:article:1"><meta><title>T</title>'
                    f'<slug>t</slug></meta><body>{big_para}</body></article>', []),
        ("big.jats.xml", f'<?xml version="1.0"?><article dtd-version="1.3"><front/><body>{big_para}</body></article>',
         []),
        ("big.md", "x" * (2 << 20), []),
        ("big.rst", "x" * (2 << 20), ["--engine", "pandoc"])]:
    folder, path = article(name, text)
    target = os.path.join(folder, "out.xml")
    expect_refused(f"{name} over max-size=1", run("import", path, "-I", "max-size=1", "-o", target, *extra),
                   "too-large", [target])

# Body links by the same policy, in every importer's output: kept as text, counted, never written.
body = "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](data:text/html,x) [d](file:///etc/passwd) [ok](https://e.org/)"
folder, path = article("links.md", f"---\ntitle: Links\n---\n\n{body}\n")
out = os.path.join(folder, "out")
for to, target in [("html", "a.html"), ("jats", "jats"), ("email", "a.eml"), ("epub", "a.epub"), ("rss", "a.xml"),
                   ("pandoc:docx", "a.docx"), ("pandoc:latex", "a.tex")]:
    options = ["-O", "from=news@example.org"] if to == "email" else []
    result = run("convert", path, "--issue", ISSUE, "--to", to, "-o", os.path.join(out, target), *options)
    check(result.returncode == 0 and "4 links whose target" in result.stderr,
          f"body links to {to}: {result.returncode} {result.stderr}")
for dirpath, _, names in os.walk(out):
    for name in names:
        with open(os.path.join(dirpath, name), "rb") as f:
            data = f.read()
        if zipfile.is_zipfile(os.path.join(dirpath, name)):
            with zipfile.ZipFile(os.path.join(dirpath, name)) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        for bad in [b"javascript:", b"data:text/html", b"file:///etc"]:
            check(bad not in data.lower(), f"body links: {bad!r} written into {name}")
folder, path = article("link.xml", """<?xml version="1.0"?>
<article xmlns="urn:mimeo:article:1"><meta><title>T</title><slug>t</slug></meta>
<body><p><link href="javascript:alert(1)">x</link></p></body></article>
""")
result = run("validate", path)
check(result.returncode == 1 and "javascript" not in result.stdout, f"the schema takes a javascript: link: {result.stderr}")

finish("hostile_contributor")
