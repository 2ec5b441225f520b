"""Spark's split of its inputs follows the input formats' rows (no Spark session needed)."""

from __future__ import annotations

from pathlib import Path

from eventwire.spark.sources import split_inputs


def test_spark_split_follows_the_rows_streamed_told_by_name_or_a_page(tmp_path: Path) -> None:
    names = {"crawl.warc.gz": "warcs", "dump.jsonl": "records", "a.tsv": "records", "feed.rss": "records",
             "page.html": "pages", "story.txt": "pages"}
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    split = split_inputs([str(tmp_path), "s3a://bucket/c.jsonl", "s3a://bucket/c.warc"])
    for name, group in names.items():
        assert str((tmp_path / name).resolve()) in getattr(split, group)
    assert split.unsupported == ["s3a://bucket/c.jsonl"] and "s3a://bucket/c.warc" in split.warcs
