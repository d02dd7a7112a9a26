"""Serves a folder on 127.0.0.1 like `python3 -m http.server`, adding the HTTP headers its
`_headers` file names (the Netlify/Cloudflare Pages format: a path, or a path ending in `*`,
then indented `Name: value` lines). Usage: python3 scripts/serve.py PORT DIR"""
import functools
import http.server
import os
import sys


def read_rules(path):
    rules, current = [], None
    if not os.path.exists(path):
        return rules
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = (line.strip(), [])
            rules.append(current)
        elif current is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            current[1].append((name.strip(), value.strip()))
    return rules


def matches(pattern, path):
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    rules = read_rules(os.path.join(root, "_headers"))

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            path = self.path.split("?", 1)[0]
            for pattern, headers in rules:
                if matches(pattern, path):
                    for name, value in headers:
                        self.send_header(name, value)
            super().end_headers()

    handler = functools.partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving HTTP on 127.0.0.1 port {server.server_address[1]}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
