"""Ingest throughput (run by `make bench`; never a timed unit test).

Corpus: the 121 real HTML pages of ../shared/data/article-extraction. Measured in one run:
- HTML: eventwire's page reader (trafilatura tuned + headline + language) beside trafilatura's default
  extract() on the same bytes in the same order, pages/s and their ratio. Both are warmed up on the whole
  corpus first (one-time start-up such as the language model or dateparser's locale data, which htmldate
  loads on the first page whose date it must parse, is not page reading), then timed in alternation,
  ROUNDS times each, keeping each side's fastest round, in wall-clock and in CPU time (the process's own:
  other jobs on the shared cores slow the wall clock of either side by chance, not its CPU time; the ratio
  is taken from CPU time, the wall-clock ratio is recorded beside it);
- scraped text: the same pages rendered to text with their chrome, through the scraped-text cleaner;
- WARC and JSONL: the same pages packed into a WARC.GZ file and a JSON-lines dump, read by iter_articles;
- the parse floor: bare spaCy on the extracted texts, so the ingest cost reads as a share of the parse.
Results go to bench/results/ingest.json, with the machine's load average around the HTML rounds (its two
cores are shared with other work: read the ratio, not the seconds).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import platform
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "data" / "article-extraction"


def pages() -> list[tuple[str, str, bytes]]:
    gold = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    return [(key, item.get("url", ""), gzip.decompress((PAGES / "html" / f"{key}.html.gz").read_bytes()))
            for key, item in sorted(gold.items())]


ROUNDS = 3


def timed(label: str, count: int, work: object) -> dict[str, float]:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    print(f"{label}: {count} in {seconds:.2f}s ({count / seconds:.1f}/s)")
    return {"seconds": round(seconds, 3), "per_second": round(count / seconds, 1)}


def write_warc(path: Path, corpus: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for key, url, html in corpus:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url or f"https://example.org/{key}", "response",
                                                          payload=io.BytesIO(html), http_headers=headers))


def main() -> None:
    import spacy
    import trafilatura

    from eventwire.evaluation.render import render_page_text
    from eventwire.ingest.inputs import iter_articles
    from eventwire.ingest.options import IngestOptions
    from eventwire.ingest.sources import article_from_bytes
    from eventwire.ingest.text import clean_scraped_text
    from eventwire.settings import Settings

    corpus = pages()
    n = len(corpus)
    texts: list[str] = []

    def eventwire_html() -> None:
        texts[:] = [article_from_bytes(key, html, url=url or None, content_type="text/html").text
                    for key, url, html in corpus]

    def trafilatura_default() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _, url, html in corpus:
                trafilatura.extract(html, url=url or None)

    rendered = [render_page_text(html.decode("utf-8", errors="replace")) for _, _, html in corpus]
    results: dict[str, object] = {"pages": n, "python": platform.python_version()}
    eventwire_html()  # warm-up of both sides, untimed
    trafilatura_default()
    html_times: dict[str, list[float]] = {"eventwire": [], "trafilatura": []}
    html_cpu: dict[str, list[float]] = {"eventwire": [], "trafilatura": []}
    load_at_start = os.getloadavg()
    for _ in range(ROUNDS):
        for side, work in (("eventwire", eventwire_html), ("trafilatura", trafilatura_default)):
            started, cpu_started = time.perf_counter(), time.process_time()
            work()
            html_times[side].append(time.perf_counter() - started)
            html_cpu[side].append(time.process_time() - cpu_started)
    for key, side in (("html_eventwire", "eventwire"), ("html_trafilatura_default", "trafilatura")):
        seconds, cpu = min(html_times[side]), min(html_cpu[side])
        rounds = " ".join(f"{s:.2f}" for s in html_times[side])
        cpu_rounds = " ".join(f"{s:.2f}" for s in html_cpu[side])
        print(f"html, {side}: {n} in {seconds:.2f}s ({n / seconds:.1f}/s), CPU {cpu:.2f}s; "
              f"rounds {rounds}, CPU {cpu_rounds}")
        results[key] = {"seconds": round(seconds, 3), "per_second": round(n / seconds, 1),
                        "cpu_seconds": round(cpu, 3)}
    results["html_load_average"] = {"at_start": [round(x, 2) for x in load_at_start],
                                    "at_end": [round(x, 2) for x in os.getloadavg()]}
    results["scraped_text_cleaner"] = timed("scraped text", n, lambda: [clean_scraped_text(t) for t in rendered])
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "pages.warc.gz"
        write_warc(warc, corpus)
        results["warc"] = timed("warc.gz", n, lambda: list(iter_articles([str(warc)], IngestOptions(languages=()))))
        dump = Path(tmp) / "pages.jsonl"
        dump.write_text("".join(json.dumps({"url": url, "text": html.decode("utf-8", errors="replace")}) + "\n"
                                for _, url, html in corpus), encoding="utf-8")
        results["jsonl_of_html"] = timed("jsonl (html bodies)", n,
                                         lambda: list(iter_articles([str(dump)], IngestOptions(languages=()))))
    nlp = spacy.load(Settings().model)
    list(nlp.pipe(texts[:3]))
    results["parse_floor"] = timed("spaCy parse of the extracted texts", n,
                                   lambda: list(nlp.pipe(texts, batch_size=16)))
    html_s = results["html_eventwire"]["seconds"]  # type: ignore[index]
    results["ratio_html_eventwire_to_trafilatura"] = round(
        results["html_eventwire"]["cpu_seconds"] / results["html_trafilatura_default"]["cpu_seconds"], 2)  # type: ignore[index]
    results["ratio_html_eventwire_to_trafilatura_wall_clock"] = round(
        html_s / results["html_trafilatura_default"]["seconds"], 2)  # type: ignore[index]
    results["ratio_html_ingest_to_parse"] = round(html_s / results["parse_floor"]["seconds"], 2)  # type: ignore[index]
    out = ROOT / "bench" / "results" / "ingest.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
