#!/usr/bin/env python3
"""What is large in a wasm module: sections, data segments, and code by function and by crate.

    python3 scripts/bench/wasm-size.py FILE.wasm [--top N] [--data-names OUT_DIR]

Sizes are raw bytes and gzip -9 of each part on its own (a part's share of the whole module's
gzip is about its own gzip size). Function names come from the module's name section (the
wasm before wasm-opt keeps it; after wasm-opt, functions are counted but not named).
It also lists the generic functions compiled many times (one copy per type or closure: sorts,
hash tables, iterator adapters), the first place to look for code to share.
With --data-names, the word lists are found in the data section by their bytes: build.rs's
files in OUT_DIR (the build's `target/.../build/storydiff-*/out`) and the lists the crate
includes from data/ (the Bloom filter, the stop words); the rest is what is left.
"""
import gzip, os, re, sys
from collections import defaultdict

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i

def sections(b):
    assert b[:4] == b"\0asm"
    i = 8
    while i < len(b):
        sid = b[i]; n, j = leb(b, i + 1)
        yield sid, b[j:j + n]
        i = j + n

NAMES = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
         7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

def gz(x): return len(gzip.compress(bytes(x), 9))

def func_names(body):
    i = 0; names = {}
    while i < len(body):
        kind = body[i]; n, j = leb(body, i + 1); sub = body[j:j + n]; i = j + n
        if kind == 1:
            count, k = leb(sub, 0)
            for _ in range(count):
                idx, k = leb(sub, k); ln, k = leb(sub, k)
                names[idx] = sub[k:k + ln].decode("utf-8", "replace"); k += ln
    return names

def demangle_crate(name):
    m = re.match(r"_ZN(\d+)(\w+)", name)
    if m:
        return m.group(2)[: int(m.group(1))]
    m = re.search(r"([a-z_][a-z0-9_]*)::", name)
    return m.group(1) if m else "(other)"

def short(name):
    name = re.sub(r"17h[0-9a-f]{16}E$", "", name)
    parts, i = [], 0
    if name.startswith("_ZN"):
        i = 3
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit(): j += 1
            n = int(name[i:j]); parts.append(name[j:j + n]); i = j + n
        return "::".join(parts)
    return name

LEGACY = {"$LT$": "<", "$GT$": ">", "$C$": ",", "$u20$": " ", "$RF$": "&", "$BP$": "*", "$u7b$": "{",
          "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$u27$": "'", "..": "::"}

def readable(name):
    """A legacy-mangled path ($LT$, $u20$, ..) as Rust writes it."""
    for k, v in LEGACY.items(): name = name.replace(k, v)
    return name[1:] if name.startswith("_<") else name

def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    b = open(path, "rb").read()
    print(f"{path}: {len(b):,} bytes raw, {gz(b):,} gzip -9")
    imports = 0; names = {}; code = data = None
    for sid, body in sections(b):
        label = NAMES.get(sid, str(sid))
        if sid == 0:
            ln, k = leb(body, 0); cname = body[k:k + ln].decode(); label += f" ({cname})"
            if cname == "name": names = func_names(body[k + ln:])
        if sid == 2:
            cnt, k = leb(body, 0)
            for _ in range(cnt):
                for _f in range(2):
                    ln, k = leb(body, k); k += ln
                kind = body[k]; k += 1
                if kind == 0: imports += 1; _, k = leb(body, k)
                elif kind == 1: k += 1; fl, k = leb(body, k); _, k = leb(body, k); k = leb(body, k)[1] if fl & 1 else k
                elif kind == 2: fl, k = leb(body, k); _, k = leb(body, k); k = leb(body, k)[1] if fl & 1 else k
                elif kind == 3: k += 2
        if sid == 10: code = body
        if sid == 11: data = body
        print(f"  section {label:<28} {len(body):>10,} raw {gz(body):>9,} gz")
    if data is not None:
        cnt, k = leb(data, 0); segs = []
        for _ in range(cnt):
            fl, k = leb(data, k)
            if fl == 0:
                while data[k] != 0x0b: k += 1
                k += 1
            elif fl == 2:
                _, k = leb(data, k)
                while data[k] != 0x0b: k += 1
                k += 1
            ln, k = leb(data, k); segs.append(data[k:k + ln]); k += ln
        print(f"  data: {cnt} segments")
        if "--data-names" in sys.argv:
            data_names(segs, sys.argv[sys.argv.index("--data-names") + 1])
    if code is not None:
        cnt, k = leb(code, 0); funcs = []
        for n in range(cnt):
            ln, j = leb(code, k); funcs.append((imports + n, code[j:j + ln])); k = j + ln
        by_crate = defaultdict(lambda: [0, bytearray(), 0])
        for idx, body in funcs:
            c = demangle_crate(names.get(idx, "(unnamed)")) if names else "(unnamed)"
            e = by_crate[c]; e[0] += len(body); e[1] += body; e[2] += 1
        print(f"  code by crate ({cnt} functions):")
        for c, (size, blob, n) in sorted(by_crate.items(), key=lambda x: -x[1][0])[:20]:
            print(f"    {c:<30} {n:>6} fns {size:>10,} raw {gz(blob):>9,} gz")
        if names:
            print(f"  largest functions:")
            for idx, body in sorted(funcs, key=lambda f: -len(f[1]))[:top]:
                print(f"    {len(body):>8,}  {short(names.get(idx, '?'))[:110]}")
            # Generic code compiled once per type or closure: the same name, several copies.
            families = defaultdict(lambda: [0, bytearray(), 0])
            for idx, body in funcs:
                name = re.sub(r"(::h[0-9a-f]{16}|17h[0-9a-f]{16}E|\.\d+)$", "", readable(short(names.get(idx, "?"))))
                e = families[name]; e[0] += len(body); e[1] += body; e[2] += 1
            many = sorted(((n, f) for n, f in families.items() if f[2] > 1), key=lambda x: -x[1][0])
            print(f"  copies of one generic function ({sum(f[2] for _, f in many)} functions in {len(many)} families,"
                  f" {sum(f[0] for _, f in many):,} raw):")
            for name, (size, blob, n) in many[:top]:
                print(f"    {size:>8,} raw {gz(blob):>7,} gz {n:>4} copies  {name[:100]}")

def data_names(segs, out_dir):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    lists = {}  # name -> its parts (a list is searched for part by part)
    for f in sorted(os.listdir(out_dir)):
        if f.endswith((".packed", ".sorted")):
            name = "stop words" if f.startswith("stopwords-") else f
            lists.setdefault(name, []).append(open(os.path.join(out_dir, f), "rb").read())
    lists["words.bloom"] = [open(os.path.join(root, "data/lexicon/words.bloom"), "rb").read()]
    if "stop words" not in lists:  # builds before the stop words were packed
        stop = os.path.join(root, "data/stopwords")
        lists["stop words"] = [open(os.path.join(stop, f), "rb").read()
                               for f in sorted(os.listdir(stop)) if f.endswith(".txt")]
    rest = bytearray(b"".join(segs))
    print("  data by list (found by their bytes):")
    for name, parts in lists.items():
        found = 0
        for part in parts:
            i = rest.find(part)
            if i >= 0 and part:
                del rest[i:i + len(part)]; found += 1
        if found:
            blob = b"".join(parts)
            print(f"    {name:<30} {len(blob):>10,} raw {gz(blob):>9,} gz")
    print(f"    {'rest (code data, tables, strings)':<30} {len(rest):>10,} raw {gz(rest):>9,} gz")

main()
