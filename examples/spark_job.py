"""Metrics from documents on a Spark cluster: each partition of the documents
is piped through zhibiao's stream mode, and the rows are written as Parquet,
one folder per kind.

    zhibiao docs bulletins/ > docs.jsonl
    spark-submit examples/spark_job.py docs.jsonl metrics/ [ZHIBIAO]

ZHIBIAO is the path of the zhibiao binary on the workers (default: the one on
the driver's PATH). A document that cannot be used gives an error record,
which is counted and left out.
"""
import os
import shutil
import sys

from pyspark.sql import SparkSession
from pyspark.sql.types import (
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

# The stream's records: a metric (the metrics table's columns) or an error
# record (doc_id, line, error). Giving the schema spares Spark a first pass
# through zhibiao to guess it, and keeps `error` a column when no line failed.
STREAM = StructType(
    [
        StructField("doc_id", StringType()),
        StructField("start", IntegerType()),
        StructField("end", IntegerType()),
        StructField("text", StringType()),
        StructField("kind", StringType()),
        StructField("value", DoubleType()),
        StructField("value_high", DoubleType()),
        StructField("unit", StringType()),
        StructField("qualifier", StringType()),
        StructField("direction", StringType()),
        StructField("comparison", StringType()),
        StructField("subject", StringType()),
        StructField("period", StringType()),
        StructField("sentence", StringType()),
        StructField("rule_id", StringType()),
        StructField("line", LongType()),
        StructField("error", StringType()),
    ]
)


def main(docs, out, binary):
    spark = SparkSession.builder.appName("zhibiao").getOrCreate()
    # `pipe` starts the command with an empty environment: the binary is named
    # by its path, and PATH is passed for what it runs (pdftotext).
    lines = spark.sparkContext.textFile(docs).pipe(
        f"{binary} extract --jsonl-in - --jsonl-out -",
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    records = spark.read.schema(STREAM).json(lines).cache()
    failed = records.where("error IS NOT NULL").count()
    metrics = records.where("error IS NULL").drop("line", "error")
    metrics.write.mode("overwrite").partitionBy("kind").parquet(out)
    print(f"{metrics.count()} rows written to {out}; {failed} document(s) failed")
    spark.stop()


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    binary = sys.argv[3] if len(sys.argv) == 4 else shutil.which("zhibiao")
    if binary is None:
        sys.exit("zhibiao is not on PATH: give its path as the third argument")
    main(sys.argv[1], sys.argv[2], os.path.abspath(binary))
