"""Makes one JATS article of about a megabyte from a published one
(fixtures/jats-published/jbb-545651.xml: MathML, a table, figures, cross-references and
references), by repeating its body's sections with their ids made unique, so the
benchmark reads the shapes real articles have, at the size the target names."""
import copy
import os
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "fixtures", "jats-published", "jbb-545651.xml")
XLINK = "http://www.w3.org/1999/xlink"
MML = "http://www.w3.org/1998/Math/MathML"


def _renamed(element, suffix, body_ids):
    """Gives every id the copy defines, and every rid pointing at one of them, a suffix."""
    for node in element.iter():
        if node.get("id") in body_ids:
            node.set("id", node.get("id") + suffix)
        if node.get("rid") in body_ids:
            node.set("rid", node.get("rid") + suffix)


def make(path, size=1_000_000):
    ET.register_namespace("xlink", XLINK)
    ET.register_namespace("mml", MML)
    root = ET.parse(SOURCE).getroot()
    body = root.find("body")
    sections = list(body)
    body_ids = {node.get("id") for s in sections for node in s.iter() if node.get("id")}
    copies = 1
    while len(ET.tostring(root)) < size:
        for section in sections:
            twin = copy.deepcopy(section)
            _renamed(twin, f"-{copies}", body_ids)
            body.append(twin)
        copies += 1
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(ET.tostring(root))
