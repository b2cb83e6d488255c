"""Generates one long DOCX (about 100,000 words: a title, a heading every 5,000 words,
paragraphs of bold and italic runs), deterministically. Used by scripts/bench and
tests/scripts/docx_memory.py, so both read the same document."""
import random

WORDS = "the workers who label images for machine learning systems are paid by the piece and rarely see".split()


def make(path, words=100000):
    import docx  # python3-docx; imported here so the corpus module works without it

    rng = random.Random(8)
    d = docx.Document()
    d.add_paragraph("A long article", style="Title")
    count, section = 0, 0
    while count < words:
        if count % 5000 == 0:
            section += 1
            d.add_heading("Section %d" % section, level=1)
        p = d.add_paragraph()
        for k in range(8):
            run = p.add_run(" ".join(rng.choice(WORDS) for _ in range(10)) + " ")
            run.bold = k % 3 == 1
            run.italic = k % 4 == 2
            count += 10
    d.save(path)
