#!/usr/bin/env python3
"""Measures sitegen serve's save-to-reload time: appends to a content file, then waits for
the live-reload message on the WebSocket, as a browser tab would.

    scripts/bench/serve-latency.py SITE_DIR [RUNS]

Starts `.build/release/sitegen serve` on a free loopback port with a copy of SITE_DIR, so
the site itself is never edited, and prints the median and the slowest time.
"""
import os, shutil, socket, statistics, subprocess, sys, tempfile, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def open_socket(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall((f"GET /__sitegen/reload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        reply += sock.recv(1)
    assert reply.startswith(b"HTTP/1.1 101"), reply
    return sock

def read_text(sock):
    head = sock.recv(2, socket.MSG_WAITALL)
    return sock.recv(head[1] & 0x7F, socket.MSG_WAITALL).decode()

def main():
    source, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20
    binary = os.path.join(os.path.dirname(__file__), "../../.build/release/sitegen")
    with tempfile.TemporaryDirectory() as scratch:
        site = os.path.join(scratch, "site")
        os.makedirs(site)
        shutil.copy(os.path.join(source, "site.yaml"), site)
        for folder in ("content", "Templates"):
            shutil.copytree(os.path.join(source, folder), os.path.join(site, folder))
        events = sorted(f for f in os.listdir(os.path.join(site, "content/events")) if f.endswith(".md"))
        target = os.path.join(site, "content/events", events[0])
        port = free_port()
        server = subprocess.Popen([binary, "serve", "--source", site, "--port", str(port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            while "Serving" not in server.stdout.readline():
                pass
            sock = open_socket(port)
            times = []
            for run in range(runs):
                time.sleep(0.2)
                start = time.perf_counter()
                with open(target, "a") as f:
                    f.write(f"\nÆndring {run}.\n")
                assert read_text(sock) == "reload"
                times.append((time.perf_counter() - start) * 1000)
            print(f"save-to-reload over {runs} saves of {os.path.basename(target)}: "
                  f"median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms")
        finally:
            server.terminate()
            server.wait()

if __name__ == "__main__":
    main()
