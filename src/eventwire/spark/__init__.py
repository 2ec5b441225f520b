"""eventwire on Apache Spark: the same stages inside Spark partitions, Parquet out, dedup as a Spark step.

Modules that need pyspark (`job`, `schema`, `dedup`) are imported only by the Spark commands; `columns`,
`rows`, `sources`, `worker` and `views` are plain Python, so `eventwire query --parquet` works without
Spark installed.
"""
