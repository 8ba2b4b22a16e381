#!/usr/bin/env python3
"""A real httpbin on loopback for the HTTP tests: no traffic leaves the machine.

Usage
    scripts/httpbin_server.py                 serve; print the base URL once ready
    scripts/httpbin_server.py -- CMD ARG ...  serve while CMD runs, with the base URL in
                                              AWAITPAD_HTTPBIN; exit with CMD's status

Test programs name the server https://httpbin.org, as a reader would write them. With
AWAITPAD_HTTPBIN set, the recorder (record_cpython.py) and the checker
(check_programs.py) run them with that URL replaced by the local server's
(local_source) and write the outputs back in terms of httpbin.org (placeholder_output),
so a recording does not depend on the port the server got.

Debian's python3-httpbin under gunicorn with threads, so concurrent requests overlap
(four requests of /delay/1 take about one second, not four). The port is picked by the
system. Serving alone, the server stops when stdin closes or on SIGTERM, so a test
runner that dies takes it along.
"""
import os
import re
import signal
import subprocess
import sys
import threading

# Debian's packages (httpbin, gunicorn, flask) belong to Debian's own Python.
DEBIAN_PYTHON = "/usr/bin/python3"
PLACEHOLDER_URL = "https://httpbin.org"
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


def local_source(text, base_url):
    """Program text with httpbin.org replaced by the local server at `base_url`."""
    return text.replace(PLACEHOLDER_URL, base_url)


def placeholder_output(data, base_url):
    """Output bytes with the local server named httpbin.org again."""
    host = base_url.encode().split(b"//", 1)[1]
    return (data.replace(base_url.encode(), PLACEHOLDER_URL.encode())
            .replace(host, PLACEHOLDER_URL.encode().split(b"//", 1)[1]))


def start():
    """Starts gunicorn; returns (process, base URL) once it listens."""
    server = subprocess.Popen(
        [DEBIAN_PYTHON, "-m", "gunicorn", "--threads", "32", "--bind", "127.0.0.1:0",
         "--log-level", "info", "httpbin:app"],
        stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in server.stderr:
        match = LISTENING.search(line)
        if match:
            # Keep draining the log, or gunicorn blocks once the pipe fills.
            threading.Thread(target=server.stderr.read, daemon=True).start()
            return server, match.group(1)
    server.wait()
    sys.exit(f"httpbin_server: gunicorn exited ({server.returncode}) before listening; "
             "is python3-httpbin installed?")


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()


def main(argv):
    server, url = start()
    signal.signal(signal.SIGTERM, lambda *_: (stop(server), sys.exit(0)))
    try:
        if argv[:1] == ["--"]:
            environment = dict(os.environ, AWAITPAD_HTTPBIN=url)
            return subprocess.call(argv[1:], env=environment)
        print(url, flush=True)
        sys.stdin.read()  # until the parent closes our stdin or goes away
        return 0
    finally:
        stop(server)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
