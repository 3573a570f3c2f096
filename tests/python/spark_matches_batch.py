"""Runs examples/spark_job.py in Spark's local mode on documents written by
`zhibiao docs`, and checks that its rows are the batch's rows.

Usage: python spark_matches_batch.py ZHIBIAO DOCS_JSONL BATCH_METRICS_CSV WORK_FOLDER
"""
import csv
import subprocess
import sys
from pathlib import Path

import pyarrow.dataset as ds

binary, docs, batch_csv, work = sys.argv[1:5]
job = Path(__file__).resolve().parents[2] / "examples" / "spark_job.py"
out = Path(work) / "spark-metrics"
run = subprocess.run(
    [sys.executable, str(job), docs, str(out), binary], capture_output=True, text=True
)
assert run.returncode == 0, run.stdout + run.stderr[-3000:]
print(run.stdout.strip())


def key(doc_id, start, end, kind, value, subject, period):
    return (doc_id, int(start), int(end), kind, float(value), subject or "", period or "")


spark_rows = ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()
spark = sorted(
    key(r["doc_id"], r["start"], r["end"], r["kind"], r["value"], r["subject"], r["period"])
    for r in spark_rows
)
with open(batch_csv, encoding="utf-8-sig", newline="") as f:
    batch = sorted(
        key(r["doc_id"], r["start"], r["end"], r["kind"], r["value"], r["subject"], r["period"])
        for r in csv.DictReader(f)
    )
assert spark == batch, f"{len(spark)} rows from Spark, {len(batch)} from the batch"
print(f"ok  Spark's {len(spark)} rows equal the batch's")
