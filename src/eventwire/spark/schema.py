"""Spark schemas of the store's tables, mapped from the DuckDB column types (columns.py)."""

from __future__ import annotations

from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DateType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
    TimestampNTZType,
)

from eventwire.errors import SchemaMismatch
from eventwire.store.columns import store_columns

_SCALARS: dict[str, DataType] = {
    "VARCHAR": StringType(), "BOOLEAN": BooleanType(), "INTEGER": IntegerType(), "BIGINT": LongType(),
    "DOUBLE": DoubleType(), "DATE": DateType(),
    # Parquet has no unsigned 64-bit type Spark writes; MinHash values are below 2**32 and fit a signed long.
    "UBIGINT": LongType(),
    # The store's TIMESTAMP is without time zone; NTZ keeps Spark from shifting it by the session zone.
    "TIMESTAMP": TimestampNTZType(),
}


def spark_type(duckdb_type: str) -> DataType:
    if duckdb_type.endswith("[]"):
        return ArrayType(spark_type(duckdb_type[:-2]))
    if duckdb_type not in _SCALARS:
        raise SchemaMismatch(f"no Spark type for the store's column type {duckdb_type}")
    return _SCALARS[duckdb_type]


def table_schema(table: str) -> StructType:
    return StructType([StructField(c.name, spark_type(c.duckdb_type), True) for c in store_columns()[table]])


def coded_schema() -> StructType:
    """One row per input item, as worker.code_partition yields it: an article with its extracted rows, or
    a failure."""
    return StructType([
        StructField("kind", StringType(), False),
        StructField("order_source", StringType(), False),
        StructField("order_position", LongType(), False),
        StructField("article", table_schema("articles"), True),
        *(StructField(table, ArrayType(table_schema(table)), False)
          for table in ("events", "actors", "places", "times", "quotes")),
        StructField("failure", table_schema("failures"), True),
    ])
