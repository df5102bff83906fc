#!/usr/bin/env python3
"""Keystroke latency through the protocol: edit -> diagnostics, as an editor sees it.

Usage: bench/keystroke.py --server CMD [--mode push|pull] [--edits N] FILE

Opens FILE in the server, then types a word at the end of its middle line, one character a
didChange (as `lsp-eval latency` does), and times each edit until the diagnostics of that version
arrive: with --mode push, the textDocument/publishDiagnostics of the version; with --mode pull
(LSP 3.17), the answer to the textDocument/diagnostic request sent right after the change, naming
the resultId of the last answer. A time stops when the message's last byte is read, before the
client parses it (parsing is the client's cost, not the protocol's). Also prints the server's CPU
time per edit (from /proc) and the bytes of diagnostics per edit. Only the standard library.
"""
import argparse
import json
import os
import queue
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path


class Client:
    def __init__(self, cmd, pull):
        self.proc = subprocess.Popen(shlex.split(cmd), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        caps = {"textDocument": {"publishDiagnostics": {"versionSupport": True}}}
        if pull:
            caps["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
        self.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                    "capabilities": caps})
        self.notify("initialized", {})

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put((time.perf_counter(), None, 0))
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = out.read(length)
            self.inbox.put((time.perf_counter(), body, len(body)))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, wait=True):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m) if wait else None

    def wait(self, pred, timeout=120):
        deadline = time.perf_counter() + timeout
        while True:
            stamp, body, size = self.inbox.get(timeout=max(0.001, deadline - time.perf_counter()))
            if body is None:
                sys.exit("the server closed its output")
            msg = json.loads(body)
            if "id" in msg and "method" in msg:  # a request from the server: answer null
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            if pred(msg):
                return stamp, msg, size

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()


def units16(s):
    return len(s.encode("utf-16-le")) // 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--server", default="build/factline serve --debounce-ms 0")
    ap.add_argument("--mode", choices=("push", "pull"), default="pull")
    ap.add_argument("--edits", type=int, default=100)
    args = ap.parse_args()
    path = Path(args.file)
    text = path.read_text(encoding="utf-8")
    pull = args.mode == "pull"
    c = Client(args.server, pull)
    uri = path.resolve().as_uri()
    is_version = lambda v: lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                                      and m["params"]["uri"] == uri
                                      and m["params"].get("version") == v)
    t0 = time.perf_counter()
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown" if path.suffix == ".md" else "plaintext",
        "version": 1, "text": text}})
    result_id = None
    if pull:
        stamp, msg, _ = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        result_id = msg["result"]["resultId"]
        count = len(msg["result"]["items"])
    else:
        stamp, msg, _ = c.wait(is_version(1))
        count = len(msg["params"]["diagnostics"])
    first = stamp - t0
    mid = text.count("\n") // 2
    col = units16(text.split("\n")[mid])
    times, sizes, full = [], [], 0
    cpu0 = c.cpu_seconds()
    for i in range(args.edits):
        version = i + 2
        t = time.perf_counter()
        c.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": mid, "character": col},
                                          "end": {"line": mid, "character": col}},
                                "text": "x" if i % 6 != 5 else " "}]})
        col += 1
        if pull:
            stamp, msg, size = c.request("textDocument/diagnostic", {
                "textDocument": {"uri": uri}, "previousResultId": result_id})
            report = msg["result"]
            result_id = report["resultId"]
            full += report["kind"] == "full"
        else:
            stamp, msg, size = c.wait(is_version(version))
            full += 1
        times.append(stamp - t)
        sizes.append(size)
    cpu = (c.cpu_seconds() - cpu0) / args.edits
    c.close()
    times.sort()
    sizes.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"mode={args.mode} bytes={len(text.encode())} words={len(text.split())} "
          f"diagnostics={count} open_to_diagnostics_ms={first * 1000:.1f} "
          f"edit_to_diagnostics_ms p50={p(0.5):.3f} p90={p(0.9):.3f} max={times[-1] * 1000:.3f} "
          f"server_cpu_ms_per_edit={cpu * 1000:.3f} message_bytes_p50={sizes[len(sizes) // 2]} "
          f"full_reports={full} edits={args.edits} loadavg={os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
