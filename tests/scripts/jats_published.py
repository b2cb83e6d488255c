"""Published JATS (fixtures/jats-published/: PLOS, Hindawi through PMC, the JATS4R samples),
none of it written here, taken through JATS -> model -> JATS, and to EPUB.

The round trip must keep at least 99% of the words of the body, the abstracts and the
references; every MathML formula; every reference with its id; and every cross-reference,
resolving to its target. It stays DTD-valid, with no more errors from the PMC Style Checker
and the JATS4R schematron than the original had. The EPUB made straight from each passes
epubcheck (mimeo check), so no link dangles. A second round trip gives the first's bytes."""
# mimeo-test: slow
import collections
import glob
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

CORPUS = sorted(glob.glob(os.path.join(ROOT, "fixtures", "jats-published", "*.xml")))
CHECK_JATS = os.path.join(ROOT, "..", "shared", "validators", "check-jats")
CATALOG = os.path.join(ROOT, "node_modules", "@jats4r", "dtds", "schema", "catalog.xml")
MML = "{http://www.w3.org/1998/Math/MathML}"
XLINK = "{http://www.w3.org/1999/xlink}"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# One grey pixel.
PNG = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
       png_chunk(b"IDAT", zlib.compress(b"\x00\x80")) + png_chunk(b"IEND", b""))


def mimeo(*args):
    return subprocess.run([MIMEO, *args], capture_output=True, text=True)


FORMULAS = ("inline-formula", "disp-formula", MML + "math")


def texts(element):
    """The text below `element`, formulas left out: they are compared whole, as MathML."""
    if element.tag in FORMULAS:
        return
    if element.text:
        yield element.text
    for child in element:
        yield from texts(child)
        if child.tail:
            yield child.tail


def parts(root):
    """The words of the body (with the back matter but its references), the abstracts and the
    references, each a multiset."""
    def words(elements):
        return collections.Counter(w.lower() for e in elements for t in texts(e) for w in re.findall(r"\w+", t))
    meta = root.find("front/article-meta")
    back = [e for e in root.findall("back/*") if e.tag != "ref-list"]
    return {
        "body": words(root.findall("body") + back),
        "abstracts": words(meta.findall("abstract") + meta.findall("trans-abstract")),
        "references": words(root.findall("back/ref-list")),
    }


def formulas(root):
    """Each mml:math as its elements and text, without ids (the formula's id moves to its
    inline-formula) and without layout white space."""
    def shape(e):
        attrs = "".join(f" {k}={v}" for k, v in sorted(e.attrib.items()) if k != "id")
        return f"<{e.tag.replace(MML, '')}{attrs}>{(e.text or '').strip()}" + "".join(shape(c) for c in e) + "</>"
    return collections.Counter(shape(m) for m in root.iter(MML + "math"))


def cross_references(root):
    return collections.Counter((x.get("ref-type"), rid) for part in ("body", "back") for section in root.findall(part)
                               for x in section.iter("xref") for rid in (x.get("rid") or "").split())


def validator_errors(path):
    """{validator: error count} from check-jats, or {} when it could not be run on the file."""
    run = subprocess.run([CHECK_JATS, "--catalog", CATALOG, path], capture_output=True, text=True)
    return {name: int(count) for name, count in re.findall(r": (PMC Style Checker|JATS4R schematron): (\d+) errors", run.stdout)}


def main():
    check(len(CORPUS) >= 3, f"the published corpus is in fixtures/jats-published/ ({len(CORPUS)} files)")
    validators = os.path.exists(CHECK_JATS)
    if not validators:
        print(f"SKIP: {CHECK_JATS} is absent; the PMC Style Checker and the JATS4R schematron were not run")
    work = tempfile.mkdtemp(prefix="mimeo-jats-published-")
    for source in CORPUS:
        name = os.path.basename(source)
        model = os.path.join(work, name + ".model.xml")
        run = mimeo("import", source, "-o", model)
        check(run.returncode == 0, f"{name}: import: {run.stderr}")
        if run.returncode != 0:
            continue
        # The same file with an (empty) internal DTD subset goes through libxml2 rather than
        # pugixml's quicker path: the model and the warnings, lines and all, must not differ.
        with open(source, encoding="utf-8") as f:
            text = f.read()
        doctype = re.search(r"<!DOCTYPE[^>]*", text)
        subset = (text[:doctype.end()] + " [ ]" + text[doctype.end():]) if doctype else \
            re.sub(r"(<article\b)", r"<!DOCTYPE article [ ]>\n\1", text, count=1)
        # The line the DOCTYPE adds, when it had none, is taken out of the comparison below.
        slow_dir = os.path.join(work, name + ".libxml2")
        os.makedirs(slow_dir)
        slow_source = os.path.join(slow_dir, name)
        with open(slow_source, "w", encoding="utf-8") as f:
            f.write(subset)
        slow_model = os.path.join(work, name + ".libxml2.xml")
        slow = mimeo("import", slow_source, "-o", slow_model)
        def model_text(path):
            return re.sub(r' base="[^"]*"', "", open(path, encoding="utf-8").read())
        def said(stderr, path):
            return re.sub(r":(\d+):", lambda m: f":{int(m.group(1)) - (0 if doctype else 1)}:", stderr.replace(path, "F")) \
                if path == slow_source else stderr.replace(path, "F")
        check(slow.returncode == 0 and model_text(slow_model) == model_text(model),
              f"{name}: read through libxml2, the model differs from pugixml's")
        check(said(slow.stderr, slow_source) == said(run.stderr, source),
              f"{name}: the two readings warn differently:\n{run.stderr}\n{slow.stderr}")
        out = os.path.join(work, name + ".jats")
        run = mimeo("convert", model, "--to", "jats", "-o", out)
        check(run.returncode == 0, f"{name}: export: {run.stderr}")
        written = glob.glob(os.path.join(out, "*.xml"))
        if not written:
            check(False, f"{name}: no JATS written")
            continue
        result = written[0]
        checked = mimeo("check", result)
        check(checked.returncode == 0, f"{name}: the round trip is not DTD-valid: {checked.stdout}{checked.stderr}")

        # Once mimeo's, the JATS is stable: read and written again, the same bytes.
        model_again, out_again = os.path.join(work, name + ".again.xml"), os.path.join(work, name + ".again")
        mimeo("import", result, "-o", model_again)
        mimeo("convert", model_again, "--to", "jats", "-o", out_again)
        written_again = glob.glob(os.path.join(out_again, "*.xml"))
        check(len(written_again) == 1 and open(written_again[0], "rb").read() == open(result, "rb").read(),
              f"{name}: JATS -> model -> JATS -> model -> JATS gives the first round trip's bytes")

        original, again = ET.parse(source).getroot(), ET.parse(result).getroot()
        before, after = parts(original), parts(again)
        shares = []
        for part, words in before.items():
            total = sum(words.values())
            if not total:
                continue
            kept = sum(min(count, after[part][w]) for w, count in words.items())
            shares.append(f"{part} {100 * kept / total:.1f}% of {total}")
            lost = sorted((words - after[part]).elements())[:12]
            check(kept / total >= 0.99, f"{name}: {part}: {kept} of {total} words kept ({100 * kept / total:.1f}%); lost: {lost}")
        math_before, math_after = formulas(original), formulas(again)
        check(not (math_before - math_after), f"{name}: {sum((math_before - math_after).values())} of "
              f"{sum(math_before.values())} MathML formulas lost or changed")
        ids_after = {e.get("id") for e in again.iter() if e.get("id")}
        refs = [r.get("id") for r in original.iter("ref") if r.get("id")]
        check(all(r in ids_after for r in refs), f"{name}: references lost with their ids: {[r for r in refs if r not in ids_after]}")
        xrefs_before, xrefs_after = cross_references(original), cross_references(again)
        missing = xrefs_before - xrefs_after
        check(not missing, f"{name}: cross-references lost: {sorted(missing.elements())[:10]}")
        dangling = [rid for (_, rid) in xrefs_after.elements() if rid not in ids_after]
        check(not dangling, f"{name}: cross-references that point at nothing: {dangling[:10]}")
        print(f"{name}: words kept: {', '.join(shares) or 'none to keep'}; {sum(math_after.values())} formulas, "
              f"{len(refs)} references, {sum(xrefs_after.values())} cross-references kept")

        if validators:
            errors_before, errors_after = validator_errors(source), validator_errors(result)
            for validator, count in errors_after.items():
                if validator not in errors_before:
                    print(f"SKIP: {name}: {validator} could not read the original; the round trip has {count} errors")
                    continue
                check(count <= errors_before[validator],
                      f"{name}: {validator}: {count} errors in the round trip, {errors_before[validator]} in the original")

        # The pictures, as an archive's package has them: named as the graphic's href with an
        # extension the href leaves out, as PMC's do.
        package = os.path.join(work, name + ".package")
        os.makedirs(package)
        article = os.path.join(package, name)
        shutil.copy(source, article)
        for graphic in {g.get(XLINK + "href") for tag in ("graphic", "inline-graphic") for g in original.iter(tag)}:
            # PLOS names a graphic by its DOI, its file by the DOI's last part.
            name_in_package = graphic.rsplit("/", 1)[-1] if graphic.startswith("info:doi/") else graphic
            with open(os.path.join(package, name_in_package + ".png"), "wb") as f:
                f.write(PNG)
        page = os.path.join(work, name + ".html")
        run = mimeo("convert", article, "--to", "html", "-o", page)
        check(run.returncode == 0, f"{name}: html: {run.stderr}")
        if os.path.exists(page):
            shown = open(page, encoding="utf-8").read().count("<img ")
            graphics = sum(1 for tag in ("graphic", "inline-graphic") for _ in original.iter(tag))
            check(shown == graphics, f"{name}: the page shows {shown} pictures for {graphics} graphics (every panel)")
        book = os.path.join(work, name + ".epub")
        run = mimeo("convert", article, "--to", "epub", "-o", book)
        check(run.returncode == 0, f"{name}: epub: {run.stderr}")
        checked = mimeo("check", book)
        check(checked.returncode == 0 and "skipped" not in checked.stdout,
              f"{name}: epubcheck on the EPUB made from it: {checked.stdout}{checked.stderr}")
        if os.path.exists(book):
            with zipfile.ZipFile(book) as z:
                # The article's pictures, not the drawn cover.
                pictures = [n for n in z.namelist() if n.endswith(".png") and n != "EPUB/images/cover.png"]
            graphics = sum(1 for tag in ("graphic", "inline-graphic") for _ in original.iter(tag))
            check(len(pictures) == len({g.get(XLINK + "href") for tag in ("graphic", "inline-graphic") for g in original.iter(tag)}),
                  f"{name}: {len(pictures)} pictures in the EPUB for {graphics} graphics")
    # What pugixml's quicker reading would let pass goes to libxml2, which refuses it where it is.
    refused = {
        "control.xml": '<article dtd-version="1.3"><front/><body><p>a\x01b</p></body></article>',
        "charref.xml": '<article dtd-version="1.3"><front/><body><p>a&#1;b</p></body></article>',
        "twice.xml": '<article dtd-version="1.3"><front/><body><p id="a" id="b">x</p></body></article>',
        "deep.xml": '<article dtd-version="1.3"><front/><body>' + "<sec>" * 300 + "</sec>" * 300 + "</body></article>",
        "unclosed.xml": '<article dtd-version="1.3"><front/><body><p>x</body></article>',
    }
    for name, text in refused.items():
        bad = os.path.join(work, name)
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text)
        run = mimeo("import", bad, "-o", os.path.join(work, name + ".model"))
        check(run.returncode == 1 and re.search(re.escape(bad) + r":1:\d+: error\[xml\]", run.stderr),
              f"{name}: a located xml error, exit 1: {run.returncode} {run.stderr}")
    # An element the model has no place for is named once, with its count; one holding blocks
    # stays a block, its paragraphs apart.
    unknown = os.path.join(work, "unknown.xml")
    with open(unknown, "w", encoding="utf-8") as f:
        f.write('<article dtd-version="1.3"><front><article-meta><title-group><article-title>T</article-title>'
                '</title-group></article-meta></front><body><p>a <foo>x</foo> <foo>y</foo></p>'
                '<bar><p>b</p></bar><bar><p>c</p></bar></body></article>')
    run = mimeo("import", unknown, "-o", os.path.join(work, "unknown.model.xml"))
    check(run.returncode == 0 and "<bar> (2 times" in run.stderr and "<foo> (2 times" in run.stderr
          and "<p>" not in run.stderr, f"unknown elements named with their counts: {run.stderr}")
    if run.returncode == 0:
        body = ET.parse(os.path.join(work, "unknown.model.xml")).getroot().find("{urn:mimeo:article:1}body")
        check(["".join(p.itertext()) for p in body] == ["a x y", "b", "c"], "their content kept, blocks as blocks")
    finish("jats_published")


main()
