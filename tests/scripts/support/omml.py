"""Office Math equations as Word writes them (each m:r with its Cambria Math w:rPr, every
structure with its m:ctrlPr), and a DOCX holding them: one inline in a sentence, the rest
each its own math paragraph. Used by docx_math.py."""
import zipfile

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')
FONT = '<w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>'
CTRL = '<m:ctrlPr><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/><w:i/></w:rPr></m:ctrlPr>'


def r(text, sty=None, nor=False):
    pr = ""
    if sty or nor:
        pr = "<m:rPr>" + ("<m:nor/>" if nor else "") + (f'<m:sty m:val="{sty}"/>' if sty else "") + "</m:rPr>"
    return f'<m:r>{pr}{FONT}<m:t xml:space="preserve">{text}</m:t></m:r>'


def arg(content, tag="e"):
    return f"<m:{tag}>{content}</m:{tag}>"


def structure(name, properties, *parts):
    return f"<m:{name}><m:{name}Pr>{properties}{CTRL}</m:{name}Pr>{''.join(parts)}</m:{name}>"


def frac(num, den, kind=None):
    return structure("f", f'<m:type m:val="{kind}"/>' if kind else "", arg(num, "num"), arg(den, "den"))


def sup(base, s):
    return structure("sSup", "", arg(base), arg(s, "sup"))


def subsup(base, s, p):
    return structure("sSubSup", "", arg(base), arg(s, "sub"), arg(p, "sup"))


def rad(x, degree=None):
    return structure("rad", '<m:degHide m:val="1"/>' if degree is None else "", arg(degree or "", "deg"), arg(x))


def nary(chr, lower, upper, body):
    return structure("nary", f'<m:chr m:val="{chr}"/>' if chr else "", arg(lower, "sub"), arg(upper, "sup"), arg(body))


def delimited(*items, begin=None, end=None):
    pr = (f'<m:begChr m:val="{begin}"/>' if begin is not None else "") + (f'<m:endChr m:val="{end}"/>' if end is not None else "")
    return structure("d", pr, *(arg(i) for i in items))


def func(name, argument):
    return structure("func", "", arg(name, "fName"), arg(argument))


def matrix(rows):
    cells = "".join("<m:mr>" + "".join(arg(c) for c in row) + "</m:mr>" for row in rows)
    return (f'<m:m><m:mPr><m:mcs><m:mc><m:mcPr><m:count m:val="{len(rows[0])}"/><m:mcJc m:val="center"/></m:mcPr>'
            f"</m:mc></m:mcs>{CTRL}</m:mPr>{cells}</m:m>")


EQUATIONS = {
    "quadratic": r("x=") + frac(r("−b±") + rad(sup(r("b"), r("2")) + r("−4ac")), r("2a")),
    "sum": nary("∑", r("i=1"), r("n"), r("i")) + r("=") + frac(r("n") + delimited(r("n+1")), r("2")),
    "integral": nary(None, r("0"), r("∞"), sup(r("e"), r("−") + sup(r("x"), r("2"))) + r("dx")) + r("=")
    + frac(rad(r("π")), r("2")),
    "matrix": delimited(matrix([[r("a"), r("b")], [r("c"), r("d")]])),
    "limit": func(structure("limLow", "", arg(r("lim", sty="p")), arg(r("x→0"), "lim")),
                  frac(func(r("sin", sty="p"), r("x")), r("x"))) + r("=1"),
    "accents": structure("acc", "", arg(r("x"))) + r("+") + structure("bar", '<m:pos m:val="top"/>', arg(r("a")))
    + r("+") + structure("groupChr", "", arg(r("a+b"))),
    "scripts": structure("sPre", "", arg(r("1"), "sub"), arg(r("2"), "sup"), arg(r("X"))) + r("+")
    + subsup(r("x"), r("i"), r("2")),
    "root": rad(r("8"), degree=r("3")) + r("=2"),
    "aligned": structure("eqArr", "", arg(r("a=b+c")), arg(r("d=3.14"))),
    "text": r("f") + delimited(r("x")) + r("=1") + r(" if ", nor=True) + r("x>0"),
    "boxed": structure("borderBox", "", arg(r("E=m") + sup(r("c"), r("2")))),
    "linear": frac(r("a"), r("b"), kind="lin"),
    "brackets": delimited(r("x"), r("y"), begin="[", end="]"),
}


def write_docx(path):
    names = list(EQUATIONS)
    body = ('<w:p><w:r><w:t xml:space="preserve">The roots are </w:t></w:r><m:oMath>' + EQUATIONS[names[0]]
            + '</m:oMath><w:r><w:t xml:space="preserve"> in a sentence.</w:t></w:r></w:p>')
    for name in names[1:]:
        body += ('<w:p><m:oMathPara><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr><m:oMath>'
                 + EQUATIONS[name] + "</m:oMath></m:oMathPara></w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
                f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Equations</w:t></w:r></w:p>{body}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
                   'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)
    return names
