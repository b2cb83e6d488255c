"""The EPUB's small things, on real books: organisations get no "By", alt text that repeats
its caption is not read twice, a correction after the issue moves dcterms:modified, the volume
is in the OPF, a French issue's fixed words are French, `convert` curls the titles' quotes as `run` does, and extra-css adds rules after
the default stylesheet's, and a cover is drawn when none is given."""
import hashlib
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, ROOT, check, finish  # noqa: E402

PICTURE = os.path.join(ROOT, "fixtures", "articles", "images", "rent-share.png")

with tempfile.TemporaryDirectory() as work:
    with open(os.path.join(work, "desk.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: \"The desk's \\\"week\\\"\"\nauthors: [{organization: Research Desk}]\n"
                "date: 2025-04-14\nlastmod: 2025-04-20T09:30:00+02:00\n---\n\n"
                f"![The rent share, by year]({PICTURE})\n\nText.\n")
    with open(os.path.join(work, "person.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Two\nauthors: [Dana Okafor, {organization: Research Desk}]\ndate: 2025-04-14\n---\n\nText.\n")
    with open(os.path.join(work, "issue.yaml"), "w", encoding="utf-8") as f:
        f.write("publication: {title: The Lamplighter, language: en}\nissue: {number: 418, volume: 9, date: 2025-04-14}\n")
    book = os.path.join(work, "book.epub")
    run = subprocess.run([MIMEO, "convert", "--issue", os.path.join(work, "issue.yaml"), os.path.join(work, "desk.md"),
                          os.path.join(work, "person.md"), "--to", "epub", "-O", "outside-images=true", "-o", book],
                         capture_output=True, text=True)
    check(run.returncode == 0, f"convert: {run.stderr}")
    checked = subprocess.run([MIMEO, "check", book], capture_output=True, text=True)
    check(checked.returncode == 0, f"epubcheck: {checked.stdout}{checked.stderr}")
    with zipfile.ZipFile(book) as z:
        desk = z.read("EPUB/text/the-desk-s-week.xhtml").decode()
        person = z.read("EPUB/text/two.xhtml").decode()
        opf = z.read("EPUB/package.opf").decode()
        nav = z.read("EPUB/nav.xhtml").decode()
    check('<p class="byline">Research Desk' in desk, f"an organisation's byline: {desk}")
    check('<p class="byline">By Dana Okafor and Research Desk' in person, f"a person's byline: {person}")
    check('alt=""' in desk and "<figcaption>The rent share, by year</figcaption>" in desk,
          f"alt text that repeats the caption: {desk}")
    check('<meta property="dcterms:modified">2025-04-20T07:30:00Z</meta>' in opf, f"modified after the correction: {opf}")
    check('property="belongs-to-collection" id="volume">The Lamplighter, Volume 9</meta>' in opf
          and '<meta refines="#volume" property="collection-type">set</meta>' in opf, f"the volume: {opf}")
    check("The desk\u2019s \u201cweek\u201d</a>" in nav and "<title>The desk\u2019s \u201cweek\u201d</title>" in desk,
          f"convert's titles keep straight quotes: {nav}")

    # A French issue speaks French: contents, landmarks, the issue line (dates by CLDR); its
    # Japanese article's entry says its language, and its byline has no "By".
    with open(os.path.join(work, "fr.yaml"), "w", encoding="utf-8") as f:
        f.write("publication: {title: Le Lampiste, language: fr}\nissue: {number: 418, volume: 9, date: 2025-04-14}\n")
    french = os.path.join(work, "fr.epub")
    run = subprocess.run([MIMEO, "convert", "--issue", os.path.join(work, "fr.yaml"),
                          os.path.join(ROOT, "fixtures", "articles", "05-non-latin.md"), os.path.join(work, "person.md"),
                          "--to", "epub", "-o", french], capture_output=True, text=True)
    check(run.returncode == 0, f"french issue: {run.stderr}")
    with zipfile.ZipFile(french) as z:
        nav = z.read("EPUB/nav.xhtml").decode()
        cover = z.read("EPUB/text/cover.xhtml").decode()
        japanese = z.read("EPUB/text/yokohama-dockers.xhtml").decode()
    for words in ("<h1>Sommaire</h1>", ">Couverture</a>", ">Début du contenu</a>", "<h2>Repères</h2>",
                  '<a href="text/yokohama-dockers.xhtml" lang="ja" xml:lang="ja">'):
        check(words in nav, f"french nav: no {words!r}: {nav}")
    check("Volume 9, Numéro 418 \u00b7 14 avril 2025" in cover, f"french cover line: {cover}")
    check('<p class="byline">\u7de8\u96c6\u90e8 \u00b7 <time datetime="2025-04-09">2025\u5e744\u67089\u65e5</time>' in japanese,
          f"japanese byline: {japanese}")
    checked = subprocess.run([MIMEO, "check", french], capture_output=True, text=True)
    check(checked.returncode == 0, f"french epubcheck: {checked.stdout}{checked.stderr}")

    # The masthead page opens the outline with the publication and says who publishes it, and on
    # what terms, in the publication's language.
    with open(os.path.join(work, "imprint.yaml"), "w", encoding="utf-8") as f:
        f.write("publication: {title: Le Lampiste, language: fr, publisher: Coop du Lampiste, "
                "issn: {electronic: 2049-3630, print: 0262-4079}, editor: 'redaction@lampiste.example (La r\u00e9daction)', "
                "rights: \u00a9 2025 Coop}\nissue: {number: 418, date: 2025-04-14}\n")
    with open(os.path.join(work, "licensed.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: Sous licence\nlang: fr\nlicense: CC-BY-4.0\ndate: 2025-04-14\n---\n\nTexte.\n")
    masthead_book = os.path.join(work, "imprint.epub")
    run = subprocess.run([MIMEO, "convert", "--issue", os.path.join(work, "imprint.yaml"), os.path.join(work, "licensed.md"),
                          "--to", "epub", "-o", masthead_book], capture_output=True, text=True)
    check(run.returncode == 0, f"imprint: {run.stderr}")
    with zipfile.ZipFile(masthead_book) as z:
        masthead = z.read("EPUB/text/masthead.xhtml").decode()
    for part in ('<h1 class="publication">Le Lampiste</h1>', "<h2>Ours</h2>", "<dt>\u00c9diteur</dt>\n<dd>Coop du Lampiste</dd>",
                 "<dd>2049-3630 (en ligne)<br />0262-4079 (imprim\u00e9)</dd>",
                 '<dd>La r\u00e9daction, <a href="mailto:redaction@lampiste.example">redaction@lampiste.example</a></dd>',
                 "<dt>Droits</dt>\n<dd>\u00a9 2025 Coop</dd>", "<dt>Licence</dt>\n<dd><a href=\"https://creativecommons.org/licenses/by/4.0/\">"):
        check(part in masthead, f"masthead: no {part!r}: {masthead}")

    # The contents page as a magazine's: sections (section:, or the first subject), titles, deks
    # and bylines; the reading system's own contents stay in the hidden toc nav.
    for name, text in (("a.md", "title: Dock pay\nsection: Reports\nsubtitle: What the ledger shows\nauthor: Ann Li"),
                       ("b.md", "title: Rent\nsubjects: [Reports]\nsummary: Ten years of it.\nauthor: Bo Ek"),
                       ("c.md", "title: A song\nsection: Culture\nauthors: [{organization: Desk}]")):
        with open(os.path.join(work, name), "w", encoding="utf-8") as f:
            f.write(f"---\n{text}\ndate: 2025-04-14\n---\n\nText.\n")
    magazine = os.path.join(work, "magazine.epub")
    run = subprocess.run([MIMEO, "convert", "--issue", os.path.join(work, "issue.yaml"),
                          *[os.path.join(work, n) for n in ("a.md", "b.md", "c.md")], "--to", "epub", "-O", "cover-art=false",
                          "-o", magazine], capture_output=True, text=True)
    check(run.returncode == 0, f"magazine: {run.stderr}")
    with zipfile.ZipFile(magazine) as z:
        nav = z.read("EPUB/nav.xhtml").decode()
    contents = nav[nav.find('<section class="contents"'):]
    check(contents.count('<h2 class="contents-section">') == 2 and contents.find(">Reports</h2>") < contents.find(">Culture</h2>"),
          f"contents: sections: {contents}")
    for part in ('<a class="contents-title" href="text/dock-pay.xhtml">Dock pay</a><p class="contents-dek">What the ledger shows</p>'
                 '<p class="contents-byline">By Ann Li</p>', '<p class="contents-dek">Ten years of it.</p>',
                 '<p class="contents-byline">Desk</p>'):
        check(part in contents, f"contents: no {part!r}: {contents}")
    check('<nav epub:type="toc" id="toc" role="doc-toc" hidden="hidden">' in nav and 'href="nav.xhtml#contents"' in nav,
          f"contents: the toc nav and its landmark: {nav}")
    checked = subprocess.run([MIMEO, "check", magazine], capture_output=True, text=True)
    check(checked.returncode == 0, f"magazine epubcheck: {checked.stdout}{checked.stderr}")

    # The drawn cover: a 1600x2560 PNG declared cover-image (and for EPUB 2), with something on
    # it, steered by cover-lines and cover-color, with the logo when it is a PNG.
    def cover(*options, issue=os.path.join(work, "issue.yaml")):
        target = os.path.join(work, "cover.epub")
        run = subprocess.run([MIMEO, "convert", "--issue", issue, os.path.join(work, "person.md"), "--to", "epub",
                              *[x for o in options for x in ("-O", o)], "-o", target], capture_output=True, text=True)
        check(run.returncode == 0, f"cover {options}: {run.stderr}")
        with zipfile.ZipFile(target) as z:
            return (z.read("EPUB/images/cover.png"), z.read("EPUB/package.opf").decode(),
                    z.read("EPUB/text/cover.xhtml").decode(), run.stderr)

    png, opf, page, _ = cover()
    width, height = struct.unpack(">II", png[16:24])
    check(png[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1600, 2560), f"cover size {width}x{height}")
    check('properties="cover-image"' in opf and '<meta name="cover" content="cover-image" />' in opf, f"cover declared: {opf}")
    check('alt="Cover: The Lamplighter. Volume 9, Issue 418 \u00b7 April 14, 2025. Two"' in page, f"cover alt: {page}")
    steered, _, page, _ = cover("cover-lines=[Ports at night, Rent]", "cover-color=#7a1f1f")
    check(steered != png and "Ports at night. Rent\"" in page, f"cover-lines and cover-color: {page}")
    check(cover()[0] == png, "the same issue draws the same cover")
    with open(os.path.join(work, "logo.yaml"), "w") as f:
        f.write(f"publication: {{title: The Lamplighter, language: en, logo: {PICTURE}}}\nissue: {{number: 418, volume: 9, date: 2025-04-14}}\n")
    with_logo, _, _, stderr = cover(issue=os.path.join(work, "logo.yaml"))
    check(with_logo != png and "epub-logo" not in stderr, f"the logo: {stderr}")
    with open(os.path.join(work, "bad-logo.yaml"), "w") as f:
        f.write(f"publication: {{title: The Lamplighter, language: en, logo: {os.path.join(work, 'issue.yaml')}}}\n"
                "issue: {number: 418, volume: 9, date: 2025-04-14}\n")
    _, _, _, stderr = cover(issue=os.path.join(work, "bad-logo.yaml"))
    check("warning[epub-logo]" in stderr, f"a logo that is no PNG: {stderr}")
    bad = subprocess.run([MIMEO, "convert", os.path.join(work, "person.md"), "--to", "epub", "-O", "cover-color=red",
                          "-o", os.path.join(work, "bad.epub")], capture_output=True, text=True)
    check(bad.returncode == 2 and "cover-color" in bad.stderr, f"cover-color=red: {bad.returncode} {bad.stderr}")

    # Regular, Italic and Bold files make one family with real faces, as their own tables say.
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif"
    faces = [dejavu + ".ttf", dejavu + "-Italic.ttf", dejavu + "-Bold.ttf"]
    if all(os.path.exists(f) for f in faces):
        fonted = os.path.join(work, "fonts.epub")
        run = subprocess.run([MIMEO, "convert", os.path.join(work, "person.md"), "--to", "epub", "-O",
                              "fonts=[" + ", ".join(faces) + "]", "-o", fonted], capture_output=True, text=True)
        check(run.returncode == 0, f"fonts: {run.stderr}")
        with zipfile.ZipFile(fonted) as z:
            css = z.read("EPUB/style.css").decode()
        for n, (style, weight) in enumerate((("normal", 400), ("italic", 400), ("normal", 700)), start=1):
            rule = (f'@font-face {{\n  font-family: "DejaVu Serif";\n  src: url("fonts/font-{n}.ttf");\n'
                    f'  font-style: {style};\n  font-weight: {weight};\n}}')
            check(rule in css, f"fonts: no {rule!r} in {css[-600:]}")
        check('body { font-family: "DejaVu Serif", serif; }' in css, "fonts: the family does not set the text")
        checked = subprocess.run([MIMEO, "check", fonted], capture_output=True, text=True)
        check(checked.returncode == 0, f"fonts epubcheck: {checked.stdout}{checked.stderr}")
        # Cut to the book's characters, and obfuscated by the IDPF algorithm: the SHA-1 of the
        # identifier XORed over the first 1040 bytes, undone here as a reading system would.
        books = {}
        for flag in ("true", "false"):
            target = os.path.join(work, f"cut-{flag}.epub")
            run = subprocess.run([MIMEO, "convert", os.path.join(work, "person.md"), "--to", "epub", "-O",
                                  "fonts=[" + faces[0] + "]", "-O", "font-subset=true", "-O", f"font-obfuscation={flag}",
                                  "-o", target], capture_output=True, text=True)
            check(run.returncode == 0, f"font-subset, obfuscation {flag}: {run.stderr}")
            with zipfile.ZipFile(target) as z:
                books[flag] = (z.read("EPUB/fonts/font-1.ttf"), z.read("EPUB/package.opf").decode(),
                               z.read("META-INF/encryption.xml").decode() if "META-INF/encryption.xml" in z.namelist() else "")
            checked = subprocess.run([MIMEO, "check", target], capture_output=True, text=True)
            check(checked.returncode == 0, f"font-obfuscation={flag}: epubcheck: {checked.stdout}{checked.stderr}")
        plain, _, none = books["false"]
        hidden, opf, encryption = books["true"]
        check(plain[:4] == b"\x00\x01\x00\x00" and len(plain) < os.path.getsize(faces[0]) / 5 and not none,
              f"font-subset: {len(plain)} bytes of {os.path.getsize(faces[0])}")
        identifier = re.search(r'<dc:identifier id="[^"]*">([^<]*)</dc:identifier>', opf).group(1)
        key = hashlib.sha1(re.sub(r"[ \t\r\n]", "", identifier).encode()).digest()
        undone = bytes(b ^ key[i % 20] for i, b in enumerate(hidden[:1040])) + hidden[1040:]
        check(hidden[:4] != plain[:4] and undone == plain, "font-obfuscation: not the IDPF algorithm")
        check('URI="EPUB/fonts/font-1.ttf"' in encryption and 'Algorithm="http://www.idpf.org/2008/embedding"' in encryption,
              f"encryption.xml: {encryption}")
    else:
        print("SKIP: fonts-dejavu-core's DejaVu Serif faces are absent; run scripts/setup")

    # extra-css: a few rules on top of the default stylesheet, in the EPUB and the page.
    extra = os.path.join(work, "extra.css")
    with open(extra, "w") as f:
        f.write("h1 { color: #7a1f1f; }\n")
    for fmt, target in (("epub", os.path.join(work, "extra.epub")), ("html", os.path.join(work, "extra.html"))):
        run = subprocess.run([MIMEO, "convert", os.path.join(work, "person.md"), "--to", fmt, "-O", f"extra-css={extra}",
                              "-o", target], capture_output=True, text=True)
        check(run.returncode == 0, f"extra-css, {fmt}: {run.stderr}")
        if fmt == "epub":
            with zipfile.ZipFile(target) as z:
                css = z.read("EPUB/style.css").decode()
            check(css.startswith("@namespace") and css.rstrip().endswith("h1 { color: #7a1f1f; }")
                  and "line-height" in css, f"extra-css, epub: not after the default: {css[-300:]}")
        else:
            page = open(target, encoding="utf-8").read()
            check(page.find("max-width: 38em") < page.find("h1 { color: #7a1f1f; }"), "extra-css, html: not after the default")

finish("epub_details")
