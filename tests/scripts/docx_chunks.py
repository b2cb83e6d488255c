#!/usr/bin/python3
"""DOCX characters and chunks, on packages made here from fixtures/docx/article.docx:
- w:altChunk holding HTML (the way Word embeds merged or pasted documents, sometimes the
  whole text) comes into the model: headings as sections, lists, emphasis, links, tables;
  an image in it is named in a docx-skip warning, and so is nesting past the parser's depth
  limit; an RTF chunk is named with its content type in a docx-chunk warning;
- a document with two w:body elements keeps the text of both;
- symbol fonts: Symbol's sans-serif (R)(C)(TM) and Wingdings' circled digits come out as those
  characters, a Wingdings 2 code with no equivalent as its private-use character with a
  docx-symbol warning (never a Latin letter), and the output validates."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

GOOD = os.path.join(ROOT, "fixtures", "docx", "article.docx")
WORK = tempfile.mkdtemp(prefix="mimeo-docx-chunks-")
NS = "{urn:mimeo:article:1}"

with zipfile.ZipFile(GOOD) as z:
    PARTS = {name: z.read(name) for name in z.namelist()}
DOC = PARTS["word/document.xml"].decode()
RELS = PARTS["word/_rels/document.xml.rels"].decode()
TYPES = PARTS["[Content_Types].xml"].decode()


def package(name, document, rels=RELS, types=TYPES, add=None):
    path = os.path.join(WORK, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in PARTS.items():
            replaced = {"word/document.xml": document, "word/_rels/document.xml.rels": rels,
                        "[Content_Types].xml": types}.get(part, data)
            z.writestr(part, replaced)
        for part, data in (add or {}).items():
            z.writestr(part, data)
    return path


def imported(path):
    out = path + ".xml"
    result = subprocess.run([MIMEO, "import", path, "-o", out], capture_output=True, text=True)
    check(result.returncode == 0, f"{os.path.basename(path)}: import failed: {result.stderr}")
    valid = subprocess.run([MIMEO, "validate", out], capture_output=True, text=True)
    check(valid.returncode == 0, f"{os.path.basename(path)}: the model does not validate: {valid.stderr}")
    return (ET.parse(out).getroot() if os.path.exists(out) else None), result.stderr


def text(node):
    # The model is written indented where it holds only elements.
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def before_body_end(extra):
    at = DOC.rindex("<w:sectPr") if "<w:sectPr" in DOC else DOC.rindex("</w:body>")
    return DOC[:at] + extra + DOC[at:]


# --- an HTML altChunk, and an RTF one ---------------------------------------------------------
HTML = """<html><head><meta charset="utf-8"><title>Merged</title><style>p {color: red}</style></head><body>
<h1>Merged report</h1>
<p>Dockers in <b>Antwerp</b> and <i>Rotterdam</i> voted, see <a href="https://example.org/vote">the vote</a>.</p>
<ul><li>First demand</li><li>Second <em>demand</em></li></ul>
<h2>Figures</h2>
<table><tr><th>Port</th><th>Votes</th></tr><tr><td>Antwerp</td><td>1,204</td></tr></table>
<blockquote><p>Those who do the work should have the say.</p></blockquote>
<p>A chart: <img src="chart.png" alt="chart"></p>
</body></html>"""
chunk_rels = RELS.replace("</Relationships>",
                          '<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                          'relationships/aFChunk" Target="afchunk1.htm"/><Relationship Id="rIdChunk2" '
                          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
                          'Target="afchunk2.rtf"/></Relationships>')
chunk_types = TYPES.replace("</Types>", '<Default Extension="htm" ContentType="text/html"/>'
                            '<Default Extension="rtf" ContentType="application/rtf"/></Types>')
path = package("chunks.docx", before_body_end('<w:altChunk r:id="rIdChunk1"/><w:altChunk r:id="rIdChunk2"/>'),
               chunk_rels, chunk_types, {"word/afchunk1.htm": HTML, "word/afchunk2.rtf": r"{\rtf1 Hello}"})
article, err = imported(path)
if article is not None:
    body = article.find(f"{NS}body")
    sections = [s for s in body.iter(f"{NS}section")]
    headings = [text(s.find(f"{NS}heading")) for s in sections]
    check("Merged report" in headings and "Figures" in headings, f"chunk headings become sections: {headings}")
    figures = next((s for s in sections if text(s.find(f"{NS}heading")) == "Figures"), None)
    merged = next((s for s in sections if text(s.find(f"{NS}heading")) == "Merged report"), None)
    check(merged is not None and figures in list(merged), "h2 nests inside h1's section")
    paragraphs = [text(p) for p in body.iter(f"{NS}p")]
    check("Dockers in Antwerp and Rotterdam voted, see the vote." in paragraphs, f"chunk paragraph: {paragraphs}")
    check("Antwerp" in [text(s) for s in body.iter(f"{NS}strong")], "b becomes strong")
    links = [link.get("href") for link in body.iter(f"{NS}link")]
    check("https://example.org/vote" in links, f"the chunk's link: {links}")
    items = [text(i) for i in body.iter(f"{NS}item")]
    check(items[-2:] == ["First demand", "Second demand"], f"the chunk's list: {items}")
    cells = [text(c) for c in body.iter(f"{NS}cell")]
    check(cells[-4:] == ["Port", "Votes", "Antwerp", "1,204"], f"the chunk's table: {cells}")
    check(any("Those who do the work" in text(q) for q in body.iter(f"{NS}quote")), "the chunk's quote")
    check("color: red" not in text(body) and "Merged</" not in text(body), "the chunk's head and style are not text")
check(re.search(r"warning\[docx-skip\]: 1 HTML img element in embedded HTML \(w:altChunk\) skipped", err),
      f"the chunk's image is named: {err}")
check(re.search(r"warning\[docx-chunk\]: 1 embedded document application/rtf \(word/afchunk2.rtf\)", err),
      f"the RTF chunk is named with its content type: {err}")

# Nesting past the HTML parser's 256 levels loses what is deeper: bounded, and said.
path = package("deep.docx", before_body_end('<w:altChunk r:id="rIdChunk1"/>'), chunk_rels, chunk_types,
               {"word/afchunk1.htm": "<p>kept " + "<span>" * 100000 + "deep</p>"})
article, err = imported(path)
check(article is not None and "kept" in text(article.find(f"{NS}body")), "the text above the depth limit is kept")
check("warning[docx-skip]: 1 embedded HTML document (w:altChunk) nests past 256 levels" in err,
      f"the depth loss is warned: {err}")

# --- two w:body elements --------------------------------------------------------------------
second = '<w:body><w:p><w:r><w:t>Text of the second body.</w:t></w:r></w:p></w:body>'
path = package("bodies.docx", DOC.replace("</w:document>", second + "</w:document>"))
article, err = imported(path)
check(article is not None and "Text of the second body." in text(article.find(f"{NS}body")),
      "the second w:body's text is kept")
check(article is not None and "Plain," in text(article.find(f"{NS}body")), "the first w:body's text is kept")

# --- symbol fonts ---------------------------------------------------------------------------
def sym(font, code):
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


symbols = ('<w:p><w:r><w:t xml:space="preserve">Marks: </w:t></w:r>' + sym("Symbol", "F0E2") + sym("Symbol", "F0E3") +
           sym("Symbol", "F0E4") + '<w:r><w:t xml:space="preserve"> steps: </w:t></w:r>' + sym("Wingdings", "F083") +
           sym("Wingdings", "F08C") + '<w:r><w:t xml:space="preserve"> box: </w:t></w:r>' + sym("Wingdings 2", "F0FA") +
           '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t xml:space="preserve"> abg</w:t></w:r>'
           '</w:p>')
path = package("symbols.docx", before_body_end(symbols))
article, err = imported(path)
if article is not None:
    line = next((text(p) for p in article.iter(f"{NS}p") if text(p).startswith("Marks:")), "")
    check(line == "Marks: ®©™ steps: ➂➊ box: \uF0FA αβγ", f"symbol characters: {line!r}")
check(re.search(r"warning\[docx-symbol\]: 1 character of the font 'Wingdings 2'", err),
      f"the unmapped Wingdings 2 code is warned: {err}")

finish("docx_chunks")
