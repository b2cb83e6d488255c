"""Word's equations (Office Math) become MathML beside their TeX, checked against pandoc's own
reading of the same DOCX (`pandoc -f docx -t html --mathml`): every formula's symbols agree, in
order, and so do the structures (fractions, roots, scripts, limits, matrices, boxes), except
where mimeo keeps Word's meaning closer (checked directly below). The model validates, and the
formulas reach JATS (DTD-valid, mml:math with tex-math) and an EPUB that passes epubcheck."""
# mimeo-test: slow
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402
import omml  # noqa: E402

M = "{http://www.w3.org/1998/Math/MathML}"
NS = "{urn:mimeo:article:1}"
TOKENS = ("mi", "mn", "mo", "mtext")
# The spacing accents mimeo writes in <mover accent>, for pandoc's combining ones.
ACCENTS = {"\u0302": "^", "\u0304": "\u00AF", "\u0305": "\u00AF"}


def symbols(math):
    text = "".join((t.text or "").strip() for t in math.iter() if t.tag.replace(M, "") in TOKENS)
    for combining, spacing in ACCENTS.items():
        text = text.replace(combining, spacing)
    return text.replace("\u2061", "").replace(" ", "")


def layout(math):
    return sorted({t.tag.replace(M, "") for t in math.iter()} - {*TOKENS, "mrow", "math", "semantics", "annotation", "mstyle",
                                                                 "mspace"})


def run(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True)


work = tempfile.mkdtemp(prefix="mimeo-docx-math-")
docx = os.path.join(work, "equations.docx")
names = omml.write_docx(docx)
model = os.path.join(work, "equations.xml")
imported = run("import", docx, "-o", model)
check(imported.returncode == 0, f"the DOCX imports: {imported.stderr}")
formulas = list(ET.parse(model).getroot().iter(f"{NS}math"))
check(len(formulas) == len(names), f"{len(formulas)} formulas for {len(names)} equations")
check([f.get("display") for f in formulas] == ["inline"] + ["block"] * (len(names) - 1), "inline and display as Word had them")
check(all(f.text and f.find(f"{M}math") is not None for f in formulas), "each formula has its TeX and its MathML")
ours = {name: f.find(f"{M}math") for name, f in zip(names, formulas)}

html = os.path.join(work, "pandoc.html")
subprocess.run(["pandoc", "-f", "docx", "-t", "html", "--mathml", docx, "-o", html], check=True)
pandoc = dict(zip(names, (ET.fromstring(m) for m in re.findall(r"<math.*?</math>", open(html, encoding="utf-8").read(), re.S))))
check(len(pandoc) == len(names), f"pandoc read {len(pandoc)} formulas")

# Where the two differ by design: Word's prescripts are MathML's mmultiscripts (pandoc puts
# them on an empty base before X), a linear fraction stays a/b on its line (pandoc stacks it),
# and a group character is Word's own bottom brace under its group.
different = {"scripts", "linear", "accents"}
for name in names:
    if name in different or name not in ours or name not in pandoc:
        continue
    check(symbols(ours[name]) == symbols(pandoc[name]),
          f"{name}: the symbols differ: mimeo {symbols(ours[name])!r}, pandoc {symbols(pandoc[name])!r}")
    check(layout(ours[name]) == layout(pandoc[name]),
          f"{name}: the structures differ: mimeo {layout(ours[name])}, pandoc {layout(pandoc[name])}")
    print(f"{name}: {symbols(ours[name])} {layout(ours[name])}")
scripts = ours.get("scripts")
check(scripts is not None and scripts.find(f".//{M}mmultiscripts/{M}mprescripts") is not None
      and symbols(scripts) == "X12+xi2", "a prescript is an mmultiscripts, its base first")
linear = ours.get("linear")
check(linear is not None and linear.find(f".//{M}mfrac") is None and symbols(linear) == "a/b", "a linear fraction stays a/b")
accents = ours.get("accents")
check(accents is not None and [e.tag.replace(M, "") for e in accents.iter() if e.tag.replace(M, "") in ("mover", "munder")]
      == ["mover", "mover", "munder"] and symbols(accents) == "x^+a\u00AF+a+b\u23DF",
      "an accent and a bar over, Word's group brace under")

# Out to JATS (valid against the DTD, MathML beside TeX) and to an EPUB epubcheck passes.
jats = os.path.join(work, "jats")
exported = run("convert", docx, "--to", "jats", "-o", jats)
check(exported.returncode == 0, f"JATS: {exported.stderr}")
written = [os.path.join(jats, n) for n in os.listdir(jats)] if os.path.isdir(jats) else []
if written:
    checked = run("check", written[0])
    check(checked.returncode == 0, f"the JATS is valid: {checked.stdout}{checked.stderr}")
    root = ET.parse(written[0]).getroot()
    check(len(root.findall(f".//alternatives/{M}math")) == len(names) and len(root.findall(".//alternatives/tex-math")) == len(names),
          "each formula in JATS with its MathML and TeX")
book = os.path.join(work, "equations.epub")
exported = run("convert", docx, "--to", "epub", "-o", book)
check(exported.returncode == 0, f"EPUB: {exported.stderr}")
checked = run("check", book)
check(checked.returncode == 0 and "skipped" not in checked.stdout, f"epubcheck: {checked.stdout}{checked.stderr}")
finish("docx_math")
