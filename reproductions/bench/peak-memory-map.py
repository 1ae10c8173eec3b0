"""Summarises one /proc/<pid>/smaps sample: resident MiB per mapped file (libraries, the CDS archive) and for anonymous
memory, then the largest anonymous mappings (the Java heap, glibc's arenas of 64 MiB, metaspace) with their sizes.
Usage: /usr/bin/python3 reproductions/bench/peak-memory-map.py <smaps file> [rows, default 12]"""
import re
import sys
from collections import Counter

if len(sys.argv) < 2:
    sys.exit(__doc__)
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 12
mappings = []
for line in open(sys.argv[1]):
    m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$", line)
    if m:
        mappings.append([int(m.group(2), 16) - int(m.group(1), 16), re.sub(r".*/", "", m.group(3)) or "[anon]", 0])
    elif line.startswith("Rss:") and mappings:
        mappings[-1][2] = int(line.split()[1])
by_name = Counter()
for _, name, rss in mappings:
    by_name[name] += rss
print(f"resident {sum(by_name.values()) / 1024:.0f} MiB")
print("\n| mapping | resident MiB |\n|---|---|")
for name, rss in by_name.most_common(rows):
    print(f"| {name} | {rss / 1024:.1f} |")
print("\n| largest anonymous mappings: size MiB | resident MiB |\n|---|---|")
for size, _, rss in sorted((m for m in mappings if m[1] in ("[anon]", "[heap]")), key=lambda m: -m[2])[:rows]:
    print(f"| {size / 2**20:.1f} | {rss / 1024:.1f} |")
