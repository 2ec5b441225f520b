"""Deduplication as Spark steps, with the store's rules (store/dedup.py):

- stories: MinHash LSH with the store's bands finds candidate pairs (a join per band, in Spark); a pair is
  a copy when its estimated Jaccard similarity reaches the store's threshold. Stories are then assigned
  as `Store.save` assigns them, in input order: an article joins the story of its most similar earlier
  article, else starts its own. Only the near-duplicate pairs reach the driver, not the corpus.
- event groups: mentions merged by `group_key`, with the columns and counts of the store's `event_groups`
  view; where the view takes any value, this takes the earliest report's, so re-runs write the same rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from datasketch import MinHashLSH
from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

from eventwire.store.dedup import NEAR_DUPLICATE_THRESHOLD, NUM_PERM

Order = tuple[str, int]


def candidate_pairs(signatures: DataFrame, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> DataFrame:
    """(left, right, similarity) for every pair sharing an LSH band whose similarity reaches `threshold`.
    `signatures` has columns id and minhash."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)  # the store's band layout for this threshold
    bands = F.array(*[F.concat_ws(",", F.slice("minhash", start + 1, end - start).cast("array<string>"))
                      for start, end in lsh.hashranges])
    banded = signatures.select("id", F.posexplode(bands).alias("band", "key"))
    left, right = banded.alias("l"), banded.alias("r")
    pairs = (left.join(right, (F.col("l.band") == F.col("r.band")) & (F.col("l.key") == F.col("r.key"))
                       & (F.col("l.id") < F.col("r.id")))
             .select(F.col("l.id").alias("left"), F.col("r.id").alias("right")).distinct())
    sig_l = signatures.select(F.col("id").alias("left"), F.col("minhash").alias("ml"))
    sig_r = signatures.select(F.col("id").alias("right"), F.col("minhash").alias("mr"))
    # MinHash.jaccard: the share of equal hash values.
    same = F.aggregate(F.zip_with("ml", "mr", lambda x, y: F.when(x == y, 1).otherwise(0)), F.lit(0),
                       lambda acc, x: acc + x)
    return (pairs.join(sig_l, "left").join(sig_r, "right")
            .select("left", "right", (same / F.size("ml")).alias("similarity"))
            .where(F.col("similarity") >= threshold))


def stories_from_pairs(pairs: Iterable[tuple[str, str, float]], order: dict[str, Order]) -> dict[str, str]:
    """Article id -> story id for the articles in `pairs`, as Store.save assigns them in input order: the
    story of the most similar earlier article (the earliest on a tie), else the article's own id."""
    neighbours: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for left, right, similarity in pairs:
        neighbours[left].append((similarity, right))
        neighbours[right].append((similarity, left))
    story: dict[str, str] = {}
    for article in sorted(neighbours, key=lambda a: (order[a], a)):
        earlier = [(sim, other) for sim, other in neighbours[article] if other in story]
        if earlier:
            best = min(earlier, key=lambda e: (-e[0], order[e[1]], e[1]))
            story[article] = story[best[1]]
        else:
            story[article] = article
    return story


def story_copies(articles: DataFrame) -> dict[str, str]:
    """Article id -> story id for the articles that copy an earlier one (every other article is its own
    story); `articles` has id, order_source, order_position and minhash."""
    pairs = candidate_pairs(articles.select("id", "minhash"))
    orders = articles.select("id", "order_source", "order_position")
    rows = (pairs.join(orders.withColumnRenamed("id", "left"), "left")
            .select("left", "right", "similarity", F.struct("order_source", "order_position").alias("lo"))
            .join(orders.withColumnRenamed("id", "right"), "right")
            .select("left", "right", "similarity", "lo", F.struct("order_source", "order_position").alias("ro"))
            .collect())
    order: dict[str, Order] = {}
    for row in rows:
        order[row["left"]] = (row["lo"][0], row["lo"][1])
        order[row["right"]] = (row["ro"][0], row["ro"][1])
    story = stories_from_pairs(((r["left"], r["right"], r["similarity"]) for r in rows), order)
    return {article: first for article, first in story.items() if article != first}


def with_stories(spark: SparkSession, articles: DataFrame, copies: dict[str, str]) -> DataFrame:
    """`articles` with story_id set. The copies are few: broadcast, so the articles keep their partitions."""
    mapping = spark.createDataFrame(sorted(copies.items()), "id string, story_of string")
    return (articles.join(F.broadcast(mapping), "id", "left")
            .withColumn("story_id", F.coalesce("story_of", "id")).drop("story_of"))


def event_groups(events: DataFrame, articles: DataFrame) -> DataFrame:
    """The store's `event_groups` view (store/schema.py), over the events and articles tables."""
    e = events.alias("e")
    a = articles.select("id", "story_id", "site", "url", "published").alias("a")
    joined = e.join(a, F.col("e.article_id") == F.col("a.id"))
    published_last = F.coalesce(F.col("a.published"), F.lit("~"))  # the view sorts unknown dates last
    earliest = F.struct(published_last, F.col("e.article_id"), F.col("e.id"))

    def first(name: str) -> Column:
        return F.min_by(F.col(f"e.{name}"), earliest).alias(name)

    return joined.groupBy(F.col("e.group_key").alias("id")).agg(
        F.min("e.date").alias("date"), first("date_precision"),
        F.min("e.date_start").alias("date_start"), F.max("e.date_end").alias("date_end"),
        first("source_code"), first("source_name"), first("source_country"),
        first("target_code"), first("target_name"), first("target_country"),
        F.mode("e.cameo", deterministic=True).alias("cameo"), first("cameo_root"),
        F.mode("e.plover", deterministic=True).alias("plover"),
        first("quad_class"), F.avg("e.goldstein").alias("goldstein"),
        first("place_name"), F.avg("e.lat").alias("lat"), F.avg("e.lon").alias("lon"),
        first("place_country"), first("admin1"), first("place_feature"),
        F.bool_and("e.negated").alias("negated"), F.bool_and("e.hypothetical").alias("hypothetical"),
        F.max("e.confidence").alias("confidence"), F.max("e.fatalities").alias("fatalities"),
        F.bool_or("e.political").alias("political"),
        F.count(F.lit(1)).alias("num_mentions"),
        # Distinct counts as set sizes (both leave nulls out): two count_distinct made Spark expand every row
        # three times and aggregate twice, with a shuffle each.
        F.size(F.collect_set("a.story_id")).cast("long").alias("num_articles"),
        F.size(F.collect_set("a.site")).cast("long").alias("num_sources"),
        F.transform(F.array_sort(F.collect_list(F.struct(published_last, F.col("e.article_id"),
                                                         F.col("e.evidence_start"), F.col("e.sentence")))),
                    lambda x: x["sentence"]).alias("evidence"),
        F.array_sort(F.collect_set("e.article_id")).alias("article_ids"),
        F.min("a.url").alias("source_url"),
    )
