"""GFM as GitHub renders it, on the spec's own examples where it has them: the tagfilter
(spec 6.11) under both raw HTML policies, and `--fragment`, which keeps the footnotes at its end."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from checks import MIMEO, check, finish  # noqa: E402

# The GFM spec's tagfilter example (https://github.github.com/gfm/#disallowed-raw-html-extension-).
TAGFILTER_IN = "<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>\n"
TAGFILTER_OUT = ("<p><strong> &lt;title> &lt;style> <em></p>\n<blockquote>\n"
                 "  &lt;xmp> is disallowed.  &lt;XMP> is also disallowed.\n</blockquote>")


def convert(work, name, markdown, *options):
    source = os.path.join(work, name + ".md")
    with open(source, "w", encoding="utf-8") as f:
        f.write(markdown)
    target = os.path.join(work, name + ".html")
    run = subprocess.run([MIMEO, "convert", source, "--to", "html", "--fragment", "-o", target, *options],
                         capture_output=True, text=True, timeout=60)
    check(run.returncode == 0, f"{name}: convert failed: {run.stderr}")
    return (open(target, encoding="utf-8").read() if run.returncode == 0 else ""), run.stderr


with tempfile.TemporaryDirectory() as work:
    page, stderr = convert(work, "tagfilter", TAGFILTER_IN, "-O", "raw-html=keep")
    check(TAGFILTER_OUT in page, f"tagfilter, raw HTML kept: not the spec's output:\n{page}")
    check(":1: warning[tagfilter]: 4 raw HTML tags" in stderr and "the first is <title>" in stderr,
          f"tagfilter: not named with its count and line: {stderr}")
    page, stderr = convert(work, "sanitized", TAGFILTER_IN, "-O", "raw-html=sanitize")
    check("&lt;title&gt; &lt;style&gt;" in page and "&lt;xmp&gt; is disallowed" in page and "<title" not in page
          and "<style" not in page, f"tagfilter, raw HTML sanitized: the tags are not text:\n{page}")
    page, stderr = convert(work, "unfiltered", TAGFILTER_IN, "-O", "raw-html=keep", "-I", "tagfilter=false")
    check("<title> <style>" in page and "tagfilter" not in stderr, f"-I tagfilter=false: still filtered:\n{page}")
    # Tags that only begin like a filtered one, and code, are left alone.
    page, _ = convert(work, "near", "<titled>x</titled> and `<title>`\n", "-O", "raw-html=keep")
    check("<titled>x</titled>" in page and "<code>&lt;title&gt;</code>" in page, f"tagfilter too eager:\n{page}")

    # The footnotes of a fragment follow its text, and every reference finds its note.
    page, _ = convert(work, "notes", "Text.[^a] More.[^b]\n\n[^a]: One.\n[^b]: Two.\n")
    for note in ("One.", "Two."):
        check(note in page, f"fragment: note {note!r} dropped:\n{page}")
    for ref in ("notes-fn1", "notes-fn2"):
        check(f'href="#{ref}"' in page and f'id="{ref}"' in page, f"fragment: reference #{ref} has no note:\n{page}")

finish("markdown_gfm_details")
