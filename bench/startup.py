#!/usr/bin/env python3
"""Times `factline serve` from process start to its answer to `initialize` (median of 20 runs)."""
import json, statistics, subprocess, sys, time

def once(binary):
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()
    length = None
    while True:
        line = p.stdout.readline().strip()
        if not line:
            break
        k, _, v = line.partition(b":")
        if k.lower() == b"content-length":
            length = int(v)
    p.stdout.read(length)
    elapsed = time.perf_counter() - t0
    p.kill()
    p.wait()
    return elapsed * 1000

times = sorted(once(sys.argv[1]) for _ in range(20))
print(f"start_to_initialize_ms p50={statistics.median(times):.1f} min={times[0]:.1f} max={times[-1]:.1f}")
