#!/usr/bin/env python3
"""check_dom.py DOM JSONL [TEXT...] — the page as Chromium rendered it has every claim.

DOM is `chromium --dump-dom` of claimc's HTML (the DOM after the page's script ran); JSONL
is claimc --format jsonl of the same inputs; each TEXT is an input file whose article's text
must read exactly as the file (so splitting overlapping marks lost and doubled nothing).
Checked: every claim has a highlighted <mark> (id d<N>-c<ID>, data-claim=ID) whose pieces
read exactly as the claim's text and whose title the script filled in; no mark without a
claim; no element the input could have injected. Exit 1 with the differences."""
import json, sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []

    def content(self):
        return "".join(c if isinstance(c, str) else c.content() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def classes(self):
        return self.attrs.get("class", "").split()


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def main():
    tree = Tree()
    tree.feed(open(sys.argv[1], encoding="utf-8").read())
    claims = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
    texts = sys.argv[3:]
    errors = []
    nodes = list(tree.root.walk())
    body = next((n for n in nodes if n.tag == "body"), None)
    articles = [n for n in nodes if n.tag == "article" and "doc" in n.classes()]
    marks = [n for n in nodes if n.tag == "mark" and "cl" in n.classes()]
    if not body or body.attrs.get("data-ready") != str(len(marks)) or not marks:
        errors.append(f"the page's script did not run over every mark (data-ready="
                      f"{body and body.attrs.get('data-ready')!r}, {len(marks)} marks)")
    scripts = [n for n in nodes if n.tag == "script"]
    if len(scripts) != 1 + len(articles) or any(n.tag in ("img", "iframe", "object") for n in nodes):
        errors.append(f"{len(scripts)} script elements for {len(articles)} articles, or an "
                      f"injected element: text was not escaped")
    by_doc = {a.attrs.get("data-doc"): a for a in articles}
    index = {a.attrs.get("data-doc"): a.attrs.get("id", "")[1:] for a in articles}
    seen = set()
    for c in claims:
        art = by_doc.get(c["doc"])
        if art is None:
            errors.append(f"no article for {c['doc']}")
            continue
        pieces = [n for n in art.walk() if n.tag == "mark" and n.attrs.get("data-claim") == str(c["id"])]
        first = [n for n in pieces if n.attrs.get("id") == f"d{index[c['doc']]}-c{c['id']}"]
        where = f"{c['doc']} #{c['id']} {c['kind']}"
        if not first or f"k-{c['kind']}" not in first[0].classes():
            errors.append(f"{where}: no highlighted mark")
            continue
        got = "".join(p.content() for p in pieces)
        if got != c["text"]:
            errors.append(f"{where}: mark reads {got!r}, claim text {c['text']!r}")
        if not first[0].attrs.get("title", "").startswith(f"#{c['id']} {c['kind']} "):
            errors.append(f"{where}: the script gave no tooltip ({first[0].attrs.get('title')!r})")
        seen.add((c["doc"], str(c["id"])))
    for a in articles:
        for m in a.walk():
            if m.tag == "mark" and (a.attrs.get("data-doc"), m.attrs.get("data-claim")) not in seen:
                errors.append(f"mark {m.attrs.get('data-claim')} in {a.attrs.get('data-doc')} has no claim")
    for path in texts:
        art = by_doc.get(path)
        div = next((n for n in art.walk() if n.tag == "div" and "text" in n.classes()), None) if art else None
        want = open(path, encoding="utf-8", errors="replace").read().replace("\r\n", "\n").replace("\r", "\n")
        if div is None or div.content() != want:
            errors.append(f"{path}: the article's text is not the file's text")
    for e in errors[:20]:
        print("  " + e)
    print(f"  {len(claims)} claims, {len(marks)} marks, {len(articles)} articles, {len(errors)} problems")
    return 1 if errors or not claims else 0


if __name__ == "__main__":
    sys.exit(main())
