"""The Spark job: read inputs, code them with the same pipeline as `eventwire ingest` (loaded once per
executor, see daemon.py), deduplicate, and write Parquet tables with the store's columns.

Output (DIR/TABLE/*.parquet): articles, events (partitioned by event date: event_date=YYYY-MM-DD, or the
date at its precision, or 'undated'), actors, places, times, quotes, failures, and event_groups (the
deduplicated events). Rows are sorted within files, so a re-run over the same inputs writes the same rows.
"""

from __future__ import annotations

import io
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyspark import AccumulatorParam, StorageLevel
from pyspark.core.rdd import RDD
from pyspark.sql import DataFrame, Observation, SparkSession
from pyspark.sql import functions as F

from eventwire.errors import CannotRun, InvalidValue, UnreadableInput
from eventwire.model import Article, Failure
from eventwire.settings import Settings
from eventwire.spark.dedup import event_groups, story_copies, with_stories
from eventwire.spark.schema import coded_schema
from eventwire.spark.sources import (
    ReadItem,
    local_path,
    read_page,
    read_page_file,
    read_records,
    read_warc,
    split_inputs,
)
from eventwire.spark.worker import code_partition
from eventwire.store.columns import column_names
from eventwire.store.rows import source_key

WorkerStats = dict[int, dict[str, float]]
# Sort keys that make each table's files hold the same rows in the same order on every run.
SORT_KEYS = {
    "articles": ("id",), "events": ("id",), "event_groups": ("id",),
    "actors": ("article_id", "start_char", "end_char", "code", "name"),
    "places": ("article_id", "start_char", "end_char", "name"),
    "times": ("article_id", "start_char", "end_char", "value"),
    "quotes": ("article_id", "start_char", "end_char"), "failures": ("source", "stage", "reason"),
}
UNDATED = "undated"
SHOWN_FAILURES = 20  # failures a run prints (all are in OUT/failures)


@dataclass(frozen=True)
class JobOptions:
    inputs: tuple[str, ...]
    out: str
    published: str | None = None
    settings: Settings = field(default_factory=Settings)
    partitions: int | None = None  # coding tasks; default: 4 per core Spark offers


@dataclass(frozen=True)
class JobSummary:
    articles: int
    stories: int
    events: int
    event_groups: int
    failures: int
    seconds: float
    # Per Python worker pid: peak_rss_mb, articles, pipeline_load_s, pipeline_loads, pipeline_loaded_by (pid).
    workers: WorkerStats
    phases: dict[str, float] = field(default_factory=dict)  # seconds: read_and_code, stories, write_with_...


class _WorkerStatsParam(AccumulatorParam[WorkerStats]):
    """Merges the workers' reports: articles by sum; the rest (peak memory, load time, pipelines loaded so
    far) by maximum."""

    def zero(self, value: WorkerStats) -> WorkerStats:
        return {}

    def addInPlace(self, value1: WorkerStats, value2: WorkerStats) -> WorkerStats:
        for pid, stats in value2.items():
            mine = value1.setdefault(pid, {})
            for key, number in stats.items():
                mine[key] = mine.get(key, 0.0) + number if key == "articles" else max(mine.get(key, 0.0), number)
        return value1


# Python workers hold the pipeline (~0.8 GB resident, shared with the daemon): PySpark's shuffle merger counts
# that against spark.python.worker.memory (512m by default) and so spilled every batch of the dedup shuffles
# to disk. This leaves the merger the default's room for data beside the pipeline.
PYTHON_WORKER_MEMORY = "2g"
# In local mode the driver JVM is the executor and shares the cores with the Python workers, which do nearly
# all the work: C2's compiler threads took 10-13 s of CPU per job (more than the JVM's own tasks), so a
# local JVM compiles with C1 only.
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"


def spark_session(master: str | None = None, conf: dict[str, str] | None = None) -> SparkSession:
    """A session for `eventwire spark run`. Under spark-submit the master and confs come from it; run
    directly, the default is local[*] with this Python (and its eventwire) for the workers. `conf` wins
    over eventwire's defaults."""
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if master is None and not under_submit:
        master = "local[*]"
    local = master is not None and master.startswith("local")
    if local and "PYSPARK_PYTHON" not in os.environ:
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = (SparkSession.builder.appName("eventwire").config("spark.ui.showConsoleProgress", "false")
               .config("spark.python.daemon.module", "eventwire.spark.daemon")  # the pipeline loaded per executor
               .config("spark.python.worker.memory", PYTHON_WORKER_MEMORY))
    if local and not under_submit:  # this process starts the JVM: its options still apply
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
    if master is not None:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_items(spark: SparkSession, inputs: tuple[str, ...], published: str | None) -> RDD[ReadItem]:
    sc = spark.sparkContext
    split = split_inputs(inputs)
    parts: list[RDD[ReadItem]] = []
    local_pages = [p for p in split.pages if "://" not in p]
    remote_pages = [p for p in split.pages if "://" in p]
    if local_pages:  # read by the tasks themselves, as local WARC and record files are: no JVM round trip
        slices = min(len(local_pages), 4 * sc.defaultParallelism)
        parts.append(sc.parallelize(local_pages, slices).map(lambda path: read_page_file(path, published)))
    if remote_pages:  # through Hadoop's binary-file source (hdfs://, s3a://)
        pages = spark.read.format("binaryFile").load(remote_pages)
        parts.append(pages.select("path", "content").rdd.map(
            lambda row: read_page(local_path(row["path"]), bytes(row["content"]), published)))
    local_warcs = [w for w in split.warcs if "://" not in w]
    remote_warcs = [w for w in split.warcs if "://" in w]
    if local_warcs:  # streamed record by record from the file: a 1 GB crawl file never sits in memory
        parts.append(sc.parallelize(local_warcs, len(local_warcs)).flatMap(_read_warc_file(published)))
    if remote_warcs:  # through Hadoop (hdfs://, s3a://): the whole file's bytes reach the worker
        parts.append(sc.binaryFiles(",".join(remote_warcs)).flatMap(_read_warc_bytes(published)))
    if split.records:  # JSONL, CSV, feeds: one task reads a file as `ingest` does
        parts.append(sc.parallelize(split.records, len(split.records)).flatMap(_read_records(published)))
    failed = [ReadItem(m, 0, Failure(source=m, stage="ingest", reason="no such file")) for m in split.missing]
    failed += [ReadItem(u, 0, Failure(source=u, stage="ingest", reason="JSONL, CSV and feed files are read from "
                                      "local or shared paths only, not through Hadoop")) for u in split.unsupported]
    if failed:
        parts.append(sc.parallelize(failed, 1))
    return sc.union(parts) if parts else sc.parallelize([], 1)


def _read_warc_file(published: str | None) -> Callable[[str], Iterator[ReadItem]]:
    def read(path: str) -> Iterator[ReadItem]:
        with open(path, "rb") as stream:
            yield from read_warc(path, stream, published)
    return read


def _read_records(published: str | None) -> Callable[[str], Iterator[ReadItem]]:
    def read(path: str) -> Iterator[ReadItem]:
        yield from read_records(path, published)
    return read


def _read_warc_bytes(published: str | None) -> Callable[[tuple[str, bytes]], Iterator[ReadItem]]:
    def read(pair: tuple[str, bytes]) -> Iterator[ReadItem]:
        yield from read_warc(pair[0], io.BytesIO(pair[1]), published)
    return read


def _order(item: ReadItem) -> tuple[str, int]:
    return item.source, item.position


def _later(a: ReadItem, b: ReadItem) -> ReadItem:
    return a if _order(a) > _order(b) else b


def _earlier(a: ReadItem, b: ReadItem) -> ReadItem:
    return a if _order(a) < _order(b) else b


def _id_partition(article_id: str) -> int:
    return zlib.crc32(article_id.encode("utf-8"))  # Python's str hash differs per process


def _identity(item: ReadItem) -> str:
    """The store's identity of an input: its URL (else file path); a failure is its own."""
    if isinstance(item.payload, Article):
        return source_key(item.payload)
    return f"failure\0{item.source}\0{item.position}"


def _text_identity(item: ReadItem) -> str:
    return item.payload.id if isinstance(item.payload, Article) else _identity(item)


def one_per_article(items: RDD[ReadItem], partitions: int) -> RDD[ReadItem]:
    """The store's rules for repeats, in input order: a later page at a stored URL replaces the earlier one;
    a text already stored (same article id) adds nothing. Failures pass through. The shuffle also spreads
    articles evenly over `partitions` coding tasks."""
    latest = items.keyBy(_identity).reduceByKey(_later).values()
    return (latest.keyBy(_text_identity)
            .reduceByKey(_earlier, numPartitions=partitions, partitionFunc=_id_partition).values())


def _write(df: DataFrame, out: str, table: str, partitions: int) -> None:
    """Rows sorted within each file. The coded rows keep the coding tasks' partitions (by article id hash),
    which are the same on every run; events are laid out by date and event groups come out of an
    aggregation, so those two are partitioned explicitly."""
    path = out.rstrip("/") + "/" + table  # not pathlib: it would fold s3a:// into s3a:/
    keys = SORT_KEYS[table]
    if table == "events":
        dated = df.withColumn("event_date", F.coalesce(F.col("date"), F.lit(UNDATED)))
        # Spark's partitioned writer sorts by the partition column unless the rows already are: sort by it first.
        (dated.repartition("event_date").sortWithinPartitions("event_date", *keys)
         .write.mode("overwrite").partitionBy("event_date").parquet(path))
        return
    if table == "event_groups":
        df = df.repartition(partitions, keys[0])
    df.sortWithinPartitions(*keys).write.mode("overwrite").parquet(path)


def run_job(spark: SparkSession, options: JobOptions) -> JobSummary:
    started = time.perf_counter()
    sc = spark.sparkContext
    partitions = options.partitions or max(2, 4 * sc.defaultParallelism)
    items = read_items(spark, options.inputs, options.published)
    stats = sc.accumulator({}, _WorkerStatsParam())
    settings = options.settings
    coded_rdd = one_per_article(items, partitions).mapPartitions(
        lambda part: code_partition(part, settings, stats.add))
    coded = spark.createDataFrame(coded_rdd, coded_schema(), verifySchema=False).persist(
        StorageLevel.MEMORY_AND_DISK)
    try:
        # One action codes every partition into the cache; every later step reads the cache. Without it,
        # the first query's concurrent stages would each run the pipeline over the same inputs.
        totals = {row["kind"]: (row["items"], row["events"]) for row in coded.groupBy("kind").agg(
            F.count(F.lit(1)).alias("items"), F.sum(F.size("events")).alias("events")).collect()}
        phases = {"read_and_code": time.perf_counter() - started}
        articles = coded.where(F.col("kind") == "article").select("order_source", "order_position", "article.*")
        copies = story_copies(articles)
        articles = with_stories(spark, articles, copies).select(*column_names("articles")).persist(
            StorageLevel.MEMORY_AND_DISK)
        phases["stories"] = time.perf_counter() - started - phases["read_and_code"]
        tables: dict[str, DataFrame] = {"articles": articles}
        for table in ("events", "actors", "places", "times", "quotes"):
            tables[table] = coded.select(F.explode(table).alias("row")).select("row.*")
        tables["failures"] = coded.where(F.col("kind") == "failure").select("failure.*")
        groups = Observation("event_groups")  # counted as they are written, not by another query
        tables["event_groups"] = event_groups(tables["events"], articles).observe(groups, F.count(F.lit(1)).alias("n"))
        for table, df in tables.items():
            _write(df, options.out, table, partitions)
        phases["write_with_event_groups"] = time.perf_counter() - started - sum(phases.values())
        summary = JobSummary(
            articles=totals.get("article", (0, 0))[0], stories=totals.get("article", (0, 0))[0] - len(copies),
            events=totals.get("article", (0, 0))[1], event_groups=int(groups.get["n"]),
            failures=totals.get("failure", (0, 0))[0], seconds=round(time.perf_counter() - started, 2),
            workers=dict(stats.value), phases={k: round(v, 2) for k, v in phases.items()},
        )
        articles.unpersist()
    finally:
        coded.unpersist()
    return summary


# --- `run`: what `eventwire spark run` and the spark-submit entry (spark/__main__.py) share ----------------

def parse_confs(pairs: Sequence[str]) -> dict[str, str]:
    """Spark settings given as KEY=VALUE; anything else is an InvalidValue naming it."""
    confs = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InvalidValue(f"'{pair}' is not KEY=VALUE")
        confs[key.strip()] = value.strip()
    return confs


def run(options: JobOptions, master: str | None = None, confs: dict[str, str] | None = None) -> JobSummary:
    """The job in a session of its own (spark-submit's master when `master` is None, else local[*])."""
    session = spark_session(master, confs or {})
    try:
        return run_job(session, options)
    finally:
        session.stop()


@dataclass(frozen=True)
class RunReport:
    """What a run tells its user: the first failures (source, "stage: reason"), how many more there are, and
    one summary line."""

    failures: tuple[tuple[str, str], ...]
    more: str | None
    summary: str


def run_report(summary: JobSummary, out: str) -> RunReport:
    """The report of a finished run; failures are read back from a local output folder (CannotRun if it
    cannot be read)."""
    from eventwire.spark.views import open_parquet

    failures: tuple[tuple[str, str], ...] = ()
    more = None
    if summary.failures and "://" not in out:
        try:
            con = open_parquet(Path(out))
        except UnreadableInput as exc:  # what the query would read is not there: it cannot run
            raise CannotRun(str(exc)) from exc
        failures = tuple((source, f"{stage}: {reason}") for source, stage, reason in con.execute(
            "SELECT source, stage, reason FROM failures ORDER BY source LIMIT ?", [SHOWN_FAILURES]).fetchall())
        if summary.failures > SHOWN_FAILURES:
            more = f"... and {summary.failures - SHOWN_FAILURES} more in {out}/failures"
    peak = max((w["peak_rss_mb"] for w in summary.workers.values()), default=0.0)
    line = (f"coded in {summary.seconds:.1f}s: {summary.articles} articles ({summary.stories} stories), "
            f"{summary.events} event mentions in {summary.event_groups} events, {summary.failures} failures; "
            f"{len(summary.workers)} Python workers, peak {peak:.0f} MB each. Output: {out}")
    return RunReport(failures, more, line)
