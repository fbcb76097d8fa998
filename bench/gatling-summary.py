"""Prints count, p50/p95/p99 and throughput per request from Gatling HTML reports, with p95 as a
ratio to the trivial endpoint measured in the same run."""
import pathlib
import re
import sys

ROW = re.compile(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', re.S)
CELL = re.compile(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>')

for report in sorted(pathlib.Path(sys.argv[1]).glob("*/index.html")):
    html = report.read_text()
    rows = {}
    for name, rest in ROW.findall(html):
        cells = {int(c): v for c, v in CELL.findall(rest)}
        rows[name] = cells
    print(f"### {report.parent.name}")
    trivial = rows.get("trivial (health)")
    print("| request | count | KO | p50 ms | p95 ms | p99 ms | req/s | p95 ÷ trivial p95 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, c in rows.items():
        p95 = float(c[10])
        ratio = f"{p95 / max(float(trivial[10]), 1):.1f}" if trivial else "-"
        print(f"| {name} | {c[2]} | {c[4]} | {c[8]} | {c[10]} | {c[11]} | {c[6]} | {ratio} |")
    print()
