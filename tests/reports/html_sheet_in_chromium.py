#!/usr/bin/env python3
"""The HTML review sheet in headless Chromium, driven over the DevTools protocol (a pipe).

Builds a sheet with `factline check --format html` from example drafts, opens it, and fails on
any console error, uncaught exception or failed load; checks that every finding written down in
EXPECTED below (read off the drafts and the bundled record by hand, not taken from the binary) is
marked in the draft over its words and has its record card (a finding) or its line in the verified
list (a verified claim) with its status, numbered through the whole sheet; that the page is laid
out (cards beside the text, a place for the decision on each card, the suggested fix and file:line
in the checklist, front matter and headings not shown raw, no date said twice in a message); that
in print layout, at the default paper's printable width, nothing is clipped or spills over; takes a
full-page screenshot and prints it to PDF, and reports the PDF's page count. Usage:
  html_sheet_in_chromium.py FACTLINE_BINARY OUT_DIR DRAFT...
(the drafts: examples/hearing-draft.md, then examples/call-report.txt). A missing browser is a
skip (exit 77), or under CI=true a failure.
Standard library only. Closes with 'N passed, N failed'.
"""
import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

TIMEOUT = 60

# What the review sheet of the two example drafts must show, in draft order: the claim's words as
# the draft has them and the verdict against the bundled record. Written down by reading the
# drafts beside the record (facts/bundled), so that a wrong verdict fails here even when the JSON
# report shares it.
EXPECTED = {
    "hearing-draft.md": [
        ("more than three hours", "wrong"),            # the hearing ran about five hours
        ("huge mistake", "verified"),                  # said on the call of 4 April
        ("Nearly half the US Senate", "verified"),
        ("44 senators", "verified"),
        ("78 million Facebook users", "wrong"),        # up to 87 million
        ("We didn't take a broad enough view of our responsibility, and that was a big mistake,",
         "verified"),
        ("It was my mistake, and I'm sorry. I started Facebook, I run it, and I'm responsible for "
         "what happens here.", "verified"),
        ("Absolutely,", "verified"),
        ("My top priority has always been our social mission of connecting people, building "
         "community and bringing the world together,", "altered"),  # "closer together"
        ("This is going to be a never-ending battle. You never fully solve security.",
         "misattributed"),                             # Zuckerberg's words, not Cambridge Analytica's
        ("4.5 per cent", "verified"),
        ("two years", "verified"),
    ],
    "call-report.txt": [
        ("We didn't do enough", "verified"),
        ("We didn't do enough. We didn't focus enough on preventing abuse,", "verified"),
        ("311,127 Australians", "verified"),
        ("87 million users", "verified"),
        ("as many as one in 50 local users", "verified"),
        ("We never put out the 50 million number, that was somebody else,", "altered"),  # "other parties"
        ("This is going to be a never-ending battle. You never fully solve security. It's an arms "
         "race,", "verified"),
    ],
}


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    reason = "chromium not found: run sh scripts/install-deps (Debian package chromium)"
    if os.environ.get("CI", "") not in ("", "false", "0"):
        sys.exit(f"FAILED: {reason} (under CI every test must run)")
    print("FACTLINE-SKIP: " + reason)  # exit 77: the test's SKIP_RETURN_CODE
    sys.exit(77)


class DevTools:
    """CDP over --remote-debugging-pipe: requests on fd 3, answers and events on fd 4, NUL-framed."""

    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The child must see the pipes as its fds 3 and 4. dup2 clears close-on-exec on just those
        # two; copying both first keeps one from overwriting the other.
        def child_fds():
            r, w = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.events = []
        self.replies = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while True:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                break
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self.cond:
                    if "id" in msg:
                        self.replies[msg["id"]] = msg
                    else:
                        self.events.append(msg)
                    self.cond.notify_all()

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        with self.cond:
            while self.next_id not in self.replies:
                if not self.cond.wait(deadline - time.time()):
                    raise TimeoutError(method)
            reply = self.replies.pop(self.next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def wait_event(self, method, session):
        deadline = time.time() + TIMEOUT
        with self.cond:
            while True:
                for e in self.events:
                    if e["method"] == method and e.get("sessionId") == session:
                        return e
                if not self.cond.wait(deadline - time.time()):
                    raise TimeoutError(method)

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def png_size_and_colours(data):
    """Width, height and how many distinct colours a sample of rows holds (a blank page has one)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 4
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            channels = {2: 3, 6: 4, 0: 1, 4: 2}.get(colour, 4)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    colours = set()
    for row in range(0, height, max(1, height // 200)):
        line = raw[row * stride + 1:(row + 1) * stride]  # filtered bytes: enough to tell variety
        colours.update(line[i:i + channels] for i in range(0, len(line), channels * 7))
    return width, height, len(colours)


def main():
    binary, out_dir, drafts = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    out_dir.mkdir(parents=True, exist_ok=True)
    sheet = out_dir / "review-sheet.html"
    run = subprocess.run([binary, "check", "--format", "html", "--output", str(sheet), *drafts])
    assert run.returncode in (0, 1), f"factline check exited {run.returncode}"
    # Findings are numbered 1, 2, ... and verified claims V1, V2, ... through the whole sheet.
    expected, counters = [], {"n": 0, "v": 0}
    for draft in drafts:
        for claim, status in EXPECTED[Path(draft).name]:
            kind = "v" if status == "verified" else "n"
            counters[kind] += 1
            expected.append((f"{kind}{counters[kind]}", claim, status))
    verified = counters["v"]

    passed, failed = 0, 0

    def check(ok, what):
        nonlocal passed, failed
        print(("ok     " if ok else "FAILED ") + what)
        if ok:
            passed += 1
        else:
            failed += 1

    profile = tempfile.mkdtemp(prefix="factline-chromium-")
    tools = DevTools(find_chromium(), profile)
    try:
        target = tools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = tools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(domain + ".enable", session=session)
        tools.call("Emulation.setDeviceMetricsOverride",
                   {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                   session=session)
        nav = tools.call("Page.navigate", {"url": sheet.resolve().as_uri()}, session=session)
        check("errorText" not in nav, f"the sheet loads ({nav.get('errorText', 'no error')})")
        tools.wait_event("Page.loadEventFired", session)

        probe = """(() => {
          const cards = [...document.querySelectorAll('article.card, ol.verified li')]
            .map(c => [c.id, c.dataset.status]);
          // A finding's words: the text of its marks, without the footnote numbers they start with.
          const marks = {};
          for (const m of document.querySelectorAll('mark[data-finding]')) {
            const words = m.cloneNode(true);
            words.querySelectorAll('sup').forEach(s => s.remove());
            marks[m.dataset.finding] = (marks[m.dataset.finding] || '') + words.textContent;
          }
          const firstCard = document.querySelector('article.card');
          const firstText = firstCard && firstCard.closest('.row').querySelector('.text');
          const rows = [...document.querySelectorAll('table.checklist tbody tr')]
            .map(tr => [...tr.cells].map(td => td.textContent));
          return JSON.stringify({
            cards, marks, rows,
            title: document.title,
            besideText: firstCard && firstText ?
              firstCard.getBoundingClientRect().left > firstText.getBoundingClientRect().right : false,
            decisions: [...document.querySelectorAll('article.card')]
              .filter(c => c.querySelector('.decision')).length,
            where: [...document.querySelectorAll('article.card .where')].map(w => w.textContent),
            messages: [...document.querySelectorAll('article.card .msg, table.checklist td')]
              .map(m => m.textContent),
            texts: [...document.querySelectorAll('.row .text')].map(t => t.textContent),
            counts: [...document.querySelectorAll('ul.counts li')].map(li => li.textContent),
            height: document.documentElement.scrollHeight,
          });
        })()"""
        page = json.loads(tools.call("Runtime.evaluate", {"expression": probe, "returnByValue": True},
                                     session=session)["result"]["value"])
        cards = {cid: status for cid, status in page["cards"]}
        for cid, claim, status in expected:
            check(cards.get(cid) == status,
                  f"claim {cid} {claim[:40]!r} is listed, {status} (found {cards.get(cid)})")
            # The mark holds the claim's words (with its quotation marks, or the attribution of a
            # misattributed quote), not the whole paragraph.
            marked = " ".join(page["marks"].get(cid, "").split())
            check(claim in marked and len(marked) < 2 * len(claim) + 30,
                  f"claim {cid} is marked over {claim[:40]!r} (marked {ascii(marked)})")
        check(len(cards) == len(expected), f"{len(cards)} claims listed for {len(expected)} expected")
        findings = len(expected) - verified
        check(page["besideText"], "records stand beside the draft's text")
        check(page["decisions"] == findings,
              f"every finding's card has a place for the decision ({page['decisions']}/{findings})")
        check(len(page["rows"]) == findings and
              all(row[0] == str(i + 1) for i, row in enumerate(page["rows"])),
              f"the checklist lists the {findings} findings, numbered 1 to {findings}")
        names = [Path(d).name for d in drafts]
        check(all(re.fullmatch(r".+:\d+", row[2]) and Path(row[2].rsplit(":", 1)[0]).name in names
                  for row in page["rows"]),
              f"the checklist says where as file:line ({[row[2] for row in page['rows']]})")
        check(all(":" in w and Path(w.split(":")[0]).name in names for w in page["where"]),
              f"each card says where as file:line ({page['where'][:2]})")
        fixes = [row[4] for row in page["rows"]]
        check(any("87 million" in f for f in fixes) and any("Attribute to Mark Zuckerberg" in f for f in fixes),
              f"the checklist carries the suggested fixes ({fixes})")
        raw = [t for t in page["texts"]
               if t.lstrip().startswith(("---", "#")) or 'title: "' in t or "\n---" in t]
        check(not raw, f"no front matter or heading shown raw ({raw[:2]})")
        dates = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|"
                           r"September|October|November|December) \d{4}")
        repeated = [m for m in page["messages"] if len(dates.findall(m)) != len(set(dates.findall(m)))]
        check(not repeated, f"no message says its date twice ({repeated[:1]})")
        check(any(c.startswith(str(verified)) for c in page["counts"] if "verified" in c),
              f"the summary counts {verified} verified claims ({page['counts']})")

        # Print layout at the printable width of Chromium's default paper (US Letter, 8.5 in, less
        # the sheet's 12 mm margins): no element reaches past the page, none clips its content.
        printable = int(8.5 * 96 - 2 * 12 / 25.4 * 96)
        tools.call("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
        tools.call("Emulation.setDeviceMetricsOverride",
                   {"width": printable, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
                   session=session)
        clip_probe = """(() => {
          const W = document.documentElement.clientWidth, bad = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
            if (r.right > W + 1 || r.left < -1) bad.push(name + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
            else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
              bad.push(name + ' clips ' + el.scrollWidth + ' > ' + el.clientWidth);
          }
          return JSON.stringify({W, scroll: document.documentElement.scrollWidth, bad: bad.slice(0, 5)});
        })()"""
        printed = json.loads(tools.call("Runtime.evaluate",
                                        {"expression": clip_probe, "returnByValue": True},
                                        session=session)["result"]["value"])
        check(not printed["bad"] and printed["scroll"] <= printed["W"],
              f"nothing clipped in print at {printable}px ({printed})")
        tools.call("Emulation.setEmulatedMedia", {"media": ""}, session=session)
        tools.call("Emulation.setDeviceMetricsOverride",
                   {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                   session=session)

        shot = tools.call("Page.captureScreenshot",
                          {"format": "png", "captureBeyondViewport": True,
                           "clip": {"x": 0, "y": 0, "width": 1280,
                                    "height": min(page["height"], 6000), "scale": 1}},
                          session=session)
        png = base64.b64decode(shot["data"])
        (out_dir / "review-sheet.png").write_bytes(png)
        width, height, colours = png_size_and_colours(png)
        check(width == 1280 and height > 900, f"screenshot is {width}x{height}")
        check(colours > 20, f"the screenshot is not blank ({colours} colours sampled)")

        pdf = base64.b64decode(tools.call("Page.printToPDF", {"printBackground": True},
                                          session=session)["data"])
        (out_dir / "review-sheet.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        check(pdf.startswith(b"%PDF") and pages >= 1, "the sheet prints to PDF")
        print(f"pages: {pages} (US Letter, the default paper) for {', '.join(names)}")

        time.sleep(0.3)  # late console messages
        with tools.cond:
            events = list(tools.events)
        errors = []
        for e in events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                errors.append(p["exceptionDetails"].get("text", "exception"))
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                errors.append(json.dumps(p.get("args")))
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                errors.append(p["entry"]["text"])
            elif e["method"] == "Network.loadingFailed":
                errors.append("load failed: " + p.get("errorText", ""))
        check(not errors, "no console errors" + ("" if not errors else ": " + "; ".join(errors)))
    finally:
        tools.close()
        shutil.rmtree(profile, ignore_errors=True)

    print(f"screenshot: {out_dir / 'review-sheet.png'}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
