#!/usr/bin/env python3
"""interact.py URL JSONL [PNG] — hover and click claims in headless Chromium; the panel follows.

Talks the DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated
JSON), so no Node or driver is needed. For a sample of marks (one per kind, and nested ones)
it moves the mouse to the mark's centre, and checks that the field panel shows the claim the
pointer is over, with kind, modality and text equal to the JSONL claim. Then it clicks one
mark, moves to another, and checks the panel stayed on the clicked claim. PNG gets a
screenshot of the page with that claim pinned."""
import base64, fcntl, json, os, select, shutil, subprocess, sys, tempfile, time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000", "--remote-debugging-pipe"]


class Browser:
    def __init__(self, url):
        cmd_r, self.cmd_w = os.pipe()
        self.resp_r, resp_w = os.pipe()
        # move the child's ends above 10, so that putting them on 3 and 4 overwrites neither
        low = (cmd_r, resp_w)
        cmd_r, resp_w = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in low)
        for fd in low:
            os.close(fd)

        def fds():   # in the child: dup2 clears close-on-exec, so Chromium gets 3 and 4
            os.dup2(cmd_r, 3)
            os.dup2(resp_w, 4)
        self.profile = profile = tempfile.mkdtemp()
        self.proc = subprocess.Popen(["chromium", *FLAGS, f"--user-data-dir={profile}", url],
                                     preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(resp_w)
        self.buf, self.next_id, self.session = b"", 0, None
        self.deadline = time.time() + 60

    def send(self, method, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self.buf:
                left = self.deadline - time.time()
                if left <= 0 or not select.select([self.resp_r], [], [], left)[0]:
                    raise TimeoutError(method)
                chunk = os.read(self.resp_r, 1 << 16)
                if not chunk:
                    raise EOFError("chromium closed the pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expr):
        r = self.send("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr[:60]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def attach(self):
        for _ in range(100):
            pages = [t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page"]
            if pages:
                break
            time.sleep(0.1)
        self.session = self.send("Target.attachToTarget", targetId=pages[0]["targetId"],
                                 flatten=True)["sessionId"]
        for _ in range(200):
            if self.js("document.readyState === 'complete' && document.body.hasAttribute('data-ready')"):
                return
            time.sleep(0.1)
        raise TimeoutError("the page did not finish loading")

    def mouse(self, kind, x, y):
        extra = {"button": "left", "clickCount": 1} if kind != "mouseMoved" else {}
        self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)

    def close(self):
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


# Scroll mark N (in document order) into view; its first box's centre, and the claim that
# the browser itself finds at that point (the innermost mark there).
LOCATE = """(function(n){var m=document.querySelectorAll('mark.cl')[n];m.scrollIntoView({block:'center'});
var r=m.getClientRects()[0],x=r.left+r.width/2,y=r.top+r.height/2,
h=document.elementFromPoint(x,y),hm=h&&h.closest('mark.cl'),a=hm&&hm.closest('article');
return {x:x,y:y,claim:hm&&hm.getAttribute('data-claim'),doc:a&&a.getAttribute('data-doc')};})(%d)"""
PANEL = """(function(){var p=document.getElementById('panel'),o={head:p.querySelector('h3').textContent};
p.querySelectorAll('tr').forEach(function(tr){o[tr.cells[0].textContent]=tr.cells[1].textContent;});
return o;})()"""


def main():
    url, jsonl = sys.argv[1], sys.argv[2]
    claims = {(c["doc"], str(c["id"])): c for c in map(json.loads, open(jsonl, encoding="utf-8"))}
    b = Browser(url)
    errors, tried = [], 0
    try:
        b.attach()
        # one mark per kind, plus every mark that sits inside another (overlapping claims)
        sample = b.js("""(function(){var seen={},out=[];document.querySelectorAll('mark.cl').forEach(function(m,i){
            var k=m.className.match(/k-(\\w+)/)[1];
            if(!seen[k]||m.parentElement.closest('mark.cl')){seen[k]=1;out.push(i);}});return out;})()""")
        for n in sample[:40]:
            at = b.js(LOCATE % n)
            if not at["claim"]:
                continue
            b.mouse("mouseMoved", at["x"], at["y"])
            panel = b.js(PANEL)
            want = claims.get((at["doc"], at["claim"]))
            tried += 1
            if not want:
                errors.append(f"mark {n}: claim {at['claim']} of {at['doc']} is not in the JSONL")
            elif (panel.get("head") != f"{at['doc']} · claim #{at['claim']}"
                  or panel.get("kind") != want["kind"] or panel.get("modality") != want["modality"]
                  or panel.get("text") != want["text"]):
                errors.append(f"hover on mark {n} (claim #{at['claim']}): panel shows {panel}")
        # click pins a claim: moving over another mark leaves the panel alone
        first, second = b.js(LOCATE % sample[0]), None
        b.mouse("mousePressed", first["x"], first["y"])
        b.mouse("mouseReleased", first["x"], first["y"])
        for n in sample[1:]:
            second = b.js(LOCATE % n)
            if second["claim"] and (second["doc"], second["claim"]) != (first["doc"], first["claim"]):
                break
        first = b.js(LOCATE % sample[0])   # scrolled away and back
        b.mouse("mousePressed", first["x"], first["y"])
        b.mouse("mouseReleased", first["x"], first["y"])
        b.js(LOCATE % n)
        b.mouse("mouseMoved", second["x"], second["y"])
        head = b.js(PANEL)["head"]
        if head != f"{first['doc']} · claim #{first['claim']}":
            errors.append(f"after a click on claim #{first['claim']}, hovering #{second['claim']} "
                          f"changed the panel to {head!r}")
        if len(sys.argv) > 3:   # what a reader sees with a claim pinned
            b.js(LOCATE % sample[0])
            shot = b.send("Page.captureScreenshot", format="png")["data"]
            with open(sys.argv[3], "wb") as f:
                f.write(base64.b64decode(shot))
    finally:
        b.close()
    if tried < 8:
        errors.append(f"only {tried} marks could be hovered")
    for e in errors[:15]:
        print("  " + e)
    print(f"  hovered {tried} marks, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
