#!/usr/bin/python3
"""Issue 16's attacks, each tried as a hostile contributor would: a secret file sits outside
the article's folder, and no output of any run may hold its marker, nor may anything be
written outside the output folder. Each attack must end in the error or warning named."""
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

ISSUE = os.path.join(ROOT, "fixtures", "issue.yaml")

WORK = tempfile.mkdtemp(prefix="mimeo-hostile-")
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

finish("hostile_contributor")
