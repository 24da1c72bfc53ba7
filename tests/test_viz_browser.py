"""The offline page in a real headless Chromium, with the network off.

Run: ``scripts/ensure-chromium && .venv/bin/python -m pytest -m browser tests/test_viz_browser.py``
(``$CHROMIUM`` overrides /usr/bin/chromium).  Chromium runs in its own empty
network namespace (``unshare -n``) when the machine allows it, and always with
background networking off and every host name unresolvable.  The page writes
what it drew into ``#gg-status`` (``data-ready``, ``data-total``,
``data-visible`` ...) and ``--dump-dom`` reads it back after the layout settles.
"""

from __future__ import annotations

import html as htmlmod
import os
import random
import re
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest

from govgraph.facts import read_facts
from govgraph.graph.network import build_network
from govgraph.graph.viz import render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
EVIL = '</script><script>document.title="PWNED"</script>"\'{x}\\ <b>&amp;'
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=127.0.0.1:9", "--hide-scrollbars", "--window-size=1400,900",
]


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} missing: run scripts/ensure-chromium")
    return CHROMIUM


@pytest.fixture(scope="module")
def netns():
    """['unshare', '-n'] when an empty network namespace is available, else []."""
    u = shutil.which("unshare")
    if u and subprocess.run([u, "-n", "true"], capture_output=True).returncode == 0:
        return [u, "-n"]
    return []


@pytest.fixture()
def browse(chromium, netns, tmp_path):
    """browse(page, hash="", screenshot=None, budget_ms=30000) -> (status attrs, dom)."""
    n = [0]

    def run(page: Path, hash: str = "", screenshot: Path | None = None, budget_ms: int = 30000):
        n[0] += 1
        profile = tmp_path / f"profile{n[0]}"
        url = page.resolve().as_uri() + (("#" + hash) if hash else "")
        out = [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
        cmd = [*netns, chromium, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}", *out, url]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        assert p.returncode == 0, p.stderr[-2000:]
        if screenshot:
            return None, None
        m = re.search(r'<div id="gg-status"([^>]*)>', p.stdout)
        assert m, p.stdout[-2000:]
        attrs = {k: htmlmod.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', m.group(1))}
        return attrs, p.stdout

    return run


@pytest.fixture(scope="module")
def gold_graph():
    evil = {"kind": "membership", "doc": "阳政办〔2018〕9号", "group": "汉阳区两江流域生态环境治理PPP项目领导小组",
            "member": EVIL, "member_type": "person", "role": "成员",
            "evidence": {"text": "<img src=x onerror=\"document.title='PWNED'\">", "start": 0, "end": 5}}
    return build_network(list(read_facts(ROOT / "data" / "gold")) + [evil])


@pytest.fixture(scope="module")
def gold_page(gold_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "gold.html"
    stats = render_html(gold_graph, path, title=EVIL)
    return path, stats


def _png_pixels(path: Path, pillow: bool = True) -> tuple[int, int, list[tuple]]:
    """(width, height, RGB pixels) of an 8-bit RGB/RGBA PNG; Pillow when present, else zlib."""
    try:
        from PIL import Image
    except ImportError:
        Image = None
    if not pillow:
        Image = None
    if Image is not None:
        im = Image.open(path).convert("RGB")
        return im.width, im.height, list(im.get_flattened_data() if hasattr(im, "get_flattened_data") else im.getdata())
    data = path.read_bytes()
    pos, idat, w, h, bpp = 8, b"", 0, 0, 3
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, prev, pixels, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), [], 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        pixels += [tuple(line[j:j + 3]) for j in range(0, stride, bpp)]
        prev = line
    return w, h, pixels


# ----------------------------------------------------------------- tests


def test_draws_every_node_offline(browse, gold_page):
    path, stats = gold_page
    st, dom = browse(path)
    assert st["error"] == ""
    assert st["ready"] == "1"  # stabilised, physics switched off
    assert int(st["total"]) == stats["nodes"] == 331
    assert int(st["drawn"]) == int(st["positions"]) == int(st["visible"]) == stats["nodes"]
    assert int(st["edges-visible"]) == stats["edges"]
    assert st["resources"] == "0"  # nothing was fetched
    # the hostile name neither ran nor opened an element: it shows as text
    text = EVIL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f"<title>{text}</title>" in dom and f'<h1 id="gg-title">{text}</h1>' in dom
    assert f'<option value="{text.replace(chr(34), "&quot;")}">' in dom  # search box entry
    start = dom.index("<script>/**\n * vis-network")
    rest = dom[:start] + dom[dom.index("</script>", start) + 9:]
    assert len(re.findall(r"<script\b", rest)) == 2 and "<img" not in rest


def test_type_filter_from_hash(browse, gold_page, gold_graph):
    path, _ = gold_page
    st, _ = browse(path, hash="types=person,group")
    want = sum(1 for _, d in gold_graph.nodes(data=True) if d["type"] in ("person", "group"))
    assert (st["ready"], int(st["visible"]), int(st["drawn"])) == ("1", want, want) == ("1", 53, 53)
    pairs = {(u, v) for u, v, d in gold_graph.edges(data=True)
             if gold_graph.nodes[u]["type"] in ("person", "group") and gold_graph.nodes[v]["type"] in ("person", "group")}
    assert int(st["edges-visible"]) == len(pairs)
    assert int(st["total"]) == 331  # hidden, not removed


def test_notice_filter_and_search_from_hash(browse, gold_page, gold_graph):
    path, _ = gold_page
    doc = "阳政办〔2018〕9号"
    st, _ = browse(path, hash="doc=" + quote(doc))
    want = sum(1 for _, d in gold_graph.nodes(data=True) if doc in d["docs"])
    assert int(st["visible"]) == want and st["filter"].endswith("|" + doc)
    st, _ = browse(path, hash="q=" + quote(EVIL))
    assert st["selected"] == "person:" + EVIL and st["error"] == ""
    st, _ = browse(path, hash="q=" + quote("许才"))
    assert st["selected"] == "person:许才勇"


def test_screenshot_not_blank(browse, gold_graph, tmp_path):
    page = tmp_path / "xu.html"
    render_html(gold_graph, page, focus="许才勇")
    shot = tmp_path / "xu.png"
    browse(page, screenshot=shot)
    w, h, px = _png_pixels(shot)
    assert (w, h) == (1400, 900)
    assert _png_pixels(shot, pillow=False) == (w, h, px)  # the no-Pillow decoder agrees
    assert len(set(px)) > 200  # text, shapes, anti-aliasing: far from a blank page
    graph_area = [p for i, p in enumerate(px) if i % w > 300]  # right of the side panel
    coloured = sum(1 for r, g, b in graph_area if max(r, g, b) - min(r, g, b) > 60)
    assert coloured > 2000  # the red person, orange groups, purple post, blue unit


def test_real_extraction_page(browse, tmp_path):
    loaders = pytest.importorskip("govgraph.loaders")
    if not hasattr(loaders, "extract_paths"):
        pytest.skip("govgraph.loaders.extract_paths not there yet")
    res = loaders.extract_paths([ROOT / "data" / "000_69f8c657212cfd7a.txt"])
    G = build_network(res.facts, res.notices)
    page = tmp_path / "real.html"
    stats = render_html(G, page)
    st, _ = browse(page)
    assert st["ready"] == "1" and st["error"] == "" and st["resources"] == "0"
    assert int(st["drawn"]) == int(st["total"]) == stats["nodes"] == G.number_of_nodes()
    doc = "阳政办〔2018〕9号"
    st, _ = browse(page, hash="types=person,group,post,unit&doc=" + quote(doc))
    want = sum(1 for _, d in G.nodes(data=True) if d["type"] in ("person", "group", "post", "unit") and doc in d["docs"])
    assert int(st["visible"]) == want > 20


def _synthetic(n_people=300, n_units=200, n_groups=40, n_tasks=460, seed=1):
    r = random.Random(seed)
    facts = [{"kind": "unit", "name": f"单位{i}", "aliases": [], "parent": None, "unit_type": "department"} for i in range(n_units)]
    docs = [f"测〔2020〕{i}号" for i in range(10)]
    for i in range(n_people):
        facts.append({"kind": "post", "doc": r.choice(docs), "person": f"人{i}", "unit": f"单位{r.randrange(n_units)}",
                      "title": "局长", "as_of": "2020-01-01"})
    for g in range(n_groups):
        d = r.choice(docs)
        facts.append({"kind": "group", "doc": d, "group": f"小组{g}"})
        facts += [{"kind": "membership", "doc": d, "group": f"小组{g}", "member": f"人{i}", "member_type": "person",
                   "role": "成员"} for i in r.sample(range(n_people), 8)]
    for t in range(n_tasks):
        us = r.sample(range(n_units), 3)
        facts.append({"kind": "task", "doc": r.choice(docs), "ref": str(t), "text": f"任务{t}", "lead": [f"单位{us[0]}"],
                      "responsible": [f"单位{u}" for u in us[1:]], "due": None})
    return facts


def test_a_thousand_nodes(browse, tmp_path):
    G = build_network(_synthetic())
    assert G.number_of_nodes() > 1000
    page = tmp_path / "big.html"
    stats = render_html(G, page)
    t0 = time.monotonic()
    st, _ = browse(page, budget_ms=120000)
    assert st["ready"] == "1" and int(st["drawn"]) == stats["nodes"] == G.number_of_nodes()
    assert time.monotonic() - t0 < 90
    st, _ = browse(page, hash="types=unit", budget_ms=120000)
    assert int(st["visible"]) == 200


class _Cdp:
    """Just enough of the DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, cmd: list[str]):
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()

        def fds():  # runs in the child: the pipe ends become fds 3 and 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.proc = subprocess.Popen(cmd, preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf, self._id, self.session = b"", 0, None

    def send(self, method: str, params: dict | None = None, timeout: float = 30):
        import json
        import select

        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        end = time.monotonic() + timeout
        while True:
            while b"\0" not in self._buf:
                ready, _, _ = select.select([self._r], [], [], max(0.0, end - time.monotonic()))
                assert ready, f"no answer to {method}"
                chunk = os.read(self._r, 1 << 20)
                assert chunk, "chromium closed the pipe"
                self._buf += chunk
            raw, self._buf = self._buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:
                assert "error" not in reply, reply["error"]
                return reply["result"]

    def eval(self, expr: str):
        return self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})["result"].get("value")

    def close(self):
        os.close(self._w)
        os.close(self._r)
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def test_hover_tooltip_shows_evidence_as_text(chromium, netns, tmp_path):
    import json

    page = tmp_path / "xu.html"
    render_html(build_network([{
        "kind": "membership", "doc": "D1", "group": "某领导小组", "member": "许才勇", "member_type": "person",
        "role": "副组长", "evidence": {"text": "许才勇<img src=x onerror=alert(1)>同志任副组长", "start": 0, "end": 9}}]),
        page, focus="许才勇")
    cdp = _Cdp([*netns, chromium, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={tmp_path / 'cdp'}", "about:blank"])
    try:
        target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        cdp.session = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        cdp.send("Page.navigate", {"url": page.as_uri()})
        for _ in range(150):
            if cdp.eval("(document.getElementById('gg-status') || {dataset: {}}).dataset.ready") == "1":
                break
            time.sleep(0.1)
        node = json.dumps("person:许才勇")
        x, y = cdp.eval(
            f"(function(){{var n = govgraph.network, p = n.canvasToDOM(n.getPositions([{node}])[{node}]);"
            "var r = document.getElementById('gg-network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top];})()")
        for dx in (0, 1, 2):
            cdp.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y})
            time.sleep(0.3)
        tip = None
        for _ in range(30):
            tip = cdp.eval("(function(){var t = document.querySelector('.vis-tooltip');"
                           "return t && t.style.visibility === 'visible' ? [t.innerText, t.querySelectorAll('img,script').length] : null})()")
            if tip:
                break
            time.sleep(0.1)
    finally:
        cdp.close()
    assert tip, "no tooltip on hover"
    text, injected = tip
    assert "许才勇<img src=x onerror=alert(1)>同志任副组长" in text and "— D1" in text
    assert injected == 0
