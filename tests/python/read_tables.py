"""Runs the README's "Reading the tables" block on a run's output folder and
checks what it read: the types the README promises, every row, and missing
values as missing. Then validates the data package with frictionless.

Usage: python read_tables.py README.md OUTPUT_FOLDER
"""
import csv
import re
import subprocess
import sys
from pathlib import Path

readme, out = Path(sys.argv[1]), sys.argv[2]
section = readme.read_text(encoding="utf-8").split("## Reading the tables", 1)[1]
block = re.search(r"```python\n(.*?)```", section, re.S).group(1)

with open(Path(out) / "metrics.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))

# Each reader in the block, run one at a time: each line that assigns
# `metrics` is checked before the next replaces it.
setup = [line for line in block.splitlines() if not line.startswith(("metrics =", "documents ="))]
scope = {}
exec("\n".join(setup).replace('OUT = "output"', f"OUT = {out!r}"), scope)
readers = [line for line in block.splitlines() if line.startswith(("metrics =", "documents ="))]
assert len(readers) == 5, readers
for line in readers:
    exec(line, scope)
    name = line.split(" =")[0]
    table = scope[name]
    library = type(table).__module__.split(".")[0]
    if name == "documents":
        column = table["doc_id"].to_list()
        assert all(isinstance(v, str) for v in column), (line, column)
        continue
    assert len(table) == len(rows), (line, len(table), len(rows))
    values = table["value"].to_list()
    assert [float(r["value"]) for r in rows] == [float(v) for v in values], line
    assert all(isinstance(v, float) for v in values), (line, values[:5])
    for column in ("doc_id", "period"):
        got = table[column].to_list()
        want = [r[column] for r in rows]
        as_text = [None if v is None or v != v else v for v in got]
        assert as_text == [w or None for w in want], (line, column, got[:5], want[:5])
    subjects = table["subject"].to_list()
    missing = [v is None or v != v for v in subjects]
    assert missing == [r["subject"] == "" for r in rows], (line, library)
    print(f"ok  {library:7} {line[:60]}")

report = subprocess.run(
    [str(Path(sys.executable).parent / "frictionless"), "validate", "datapackage.json"],
    cwd=out, capture_output=True, text=True,
)
print(report.stdout[-2000:])
assert report.returncode == 0, report.stdout + report.stderr
print("ok  frictionless validate datapackage.json")
