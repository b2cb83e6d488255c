"""Generates a realistic, deterministic corpus of articles for scripts/bench."""
import os
import random
import struct
import zlib

WORDS = (
    "workers union strike wage rent harbor depot assembly contract shift factory overtime picket "
    "council report figures market profit boss platform data machine labor city housing transport "
    "night canteen delegation leaflet march vote pension hospital school nurse driver docker teacher "
    "the a of to and in for on with by from as at that this their our is are was were will not"
).split()


def sentence(rng, words=None):
    n = words or rng.randint(8, 22)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, links, notes):
    parts = []
    for _ in range(rng.randint(3, 6)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.15:
            url = f"https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 9999)}"
            s = s[:-1] + f" (see [{rng.choice(WORDS)} report]({url}))."
            links.append(url)
        elif roll < 0.25:
            s = s[:-1] + f", *{rng.choice(WORDS)}* and **{rng.choice(WORDS)}**."
        elif roll < 0.32:
            notes.append(sentence(rng))
            s = s + f"[^n{len(notes)}]"
        parts.append(s)
    return " ".join(parts)


def article(rng, number):
    links, notes, blocks = [], [], []
    for section in range(rng.randint(3, 5)):
        blocks.append(f"## {sentence(rng, 4)[:-1]}")
        for _ in range(rng.randint(3, 5)):
            blocks.append(paragraph(rng, links, notes))
        kind = rng.random()
        if kind < 0.3:
            blocks.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(rng.randint(3, 5))))
        elif kind < 0.5:
            blocks.append("\n".join(f"{i}. {sentence(rng, 7)}" for i in range(1, rng.randint(3, 6))))
        elif kind < 0.65:
            rows = ["| Year | Figure | Change |", "|:-----|-------:|:------:|"]
            rows += [f"| {2015 + i} | {rng.randint(100, 999)} | {rng.randint(-9, 9)}% |" for i in range(4)]
            blocks.append("\n".join(rows))
        elif kind < 0.75:
            blocks.append(f"![{sentence(rng, 5)[:-1]}](chart.png)")
        elif kind < 0.9:
            blocks.append("> " + sentence(rng) + "\n>\n> --- " + rng.choice(WORDS).title())
    for i, note in enumerate(notes, start=1):
        blocks.append(f"[^n{i}]: {note}")
    front = (
        "---\n"
        f"title: \"{sentence(rng, 6)[:-1]}\"\n"
        f"author: {rng.choice(WORDS).title()} {rng.choice(WORDS).title()}\n"
        f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        "lang: en\n"
        f"slug: article-{number:05d}\n"
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n"
        f"summary: \"{sentence(rng, 12)}\"\n"
        "---\n\n"
    )
    return front + "\n\n".join(blocks) + "\n"


def png(width=60, height=40):
    rows = b"".join(b"\x00" + bytes([200, 60, 60] * width) for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def generate(folder, count, seed=2025):
    """Writes `count` articles (article-00001.md, ...) and chart.png into `folder`; returns the paths."""
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    with open(os.path.join(folder, "chart.png"), "wb") as f:
        f.write(png())
    paths = []
    for number in range(1, count + 1):
        path = os.path.join(folder, f"article-{number:05d}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(article(rng, number))
        paths.append(path)
    with open(os.path.join(folder, "issue.yaml"), "w", encoding="utf-8") as f:
        f.write("publication:\n  title: The Bench Weekly\n  url: https://bench.example.org/\n  language: en\n"
                "issue:\n  number: 1\n  date: 2025-04-14\n")
    return paths
