"""Writing one clustering test set of tests/eval/clusters/ (the layout every build script there
shares: the source, then one article per line group) and telling what each split holds."""

import json
import sys


def write_set(path, source, articles):
    """Writes `articles` (dicts with at least `split`, `event` and `text`) under `source` to
    `path`, and prints to stderr, per split, its reports, its events, how many of those have two
    or more reports and the median length of a report."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{\n"source": ' + json.dumps(source) + ',\n"articles": [\n')
        f.write(",\n".join(json.dumps(a, ensure_ascii=False, indent=0) for a in articles))
        f.write("\n]\n}\n")
    for split in ("dev", "heldout"):
        s = [a for a in articles if a["split"] == split]
        if not s:
            continue
        events = {}
        for a in s:
            events.setdefault(a["event"], []).append(a)
        multi = sum(1 for v in events.values() if len(v) > 1)
        chars = sorted(len(a["text"]) for a in s)
        print(f"{split}: {len(s)} reports, {len(events)} events, {multi} with two or more reports, "
              f"median {chars[len(chars) // 2]} characters", file=sys.stderr)
