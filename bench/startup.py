"""Start-up benchmark (run by `make bench`; never a timed unit test): a cold one-article `eventwire extract`
against the spaCy model's own load time, each a fresh process, measured alternately so that both see the same
machine load; the median of RUNS each. Issue 20 asks the difference to stay within 1.5 s.

Also split in-process: import of spaCy, model load, and each of eventwire's resources (knowledge base,
gazetteer, matchers, lexicon), so that a regression shows where it is.
Results go to bench/results/startup.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "protest_tbilisi.txt"
RUNS = 5
MODEL_ONLY = "import spacy\nfrom eventwire.settings import Settings\nspacy.load(Settings().model)\n"
SPLIT = """
import json, time
t = time.perf_counter(); marks = {}
def mark(name):
    global t
    now = time.perf_counter(); marks[name] = round(now - t, 3); t = now
import spacy; mark("import_spacy")
from eventwire import pipeline as p; from eventwire.settings import Settings; s = Settings(); mark("import_eventwire")
nlp = p.load_nlp(s); mark("model_load")
kb = p.load_actor_kb(s.actor_files); mark("actor_kb")
gazetteer = p.load_gazetteer(); mark("gazetteer")
p.build_actor_matcher(kb, nlp); mark("actor_matcher")
p.build_place_matcher(gazetteer, nlp); mark("place_matcher")
p.load_lexicon(s.lexicons); p.load_code_table(); p.load_relevance_model(); mark("lexicon_codes_relevance")
print(json.dumps(marks))
"""


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    exe = shutil.which("eventwire") or str(Path(sys.executable).parent / "eventwire")
    timed([exe, "extract", str(ARTICLE)])  # the per-user caches (cache.py) are written by a first run
    model, cold = [], []
    for _ in range(RUNS):
        model.append(timed([sys.executable, "-c", MODEL_ONLY]))
        cold.append(timed([exe, "extract", str(ARTICLE), "--published", "2024-02-08"]))
    split = json.loads(subprocess.run([sys.executable, "-c", SPLIT], check=True, capture_output=True,
                                      text=True).stdout)
    result = {
        "runs": RUNS,
        "model_only_process_s": round(statistics.median(model), 2),
        "cold_extract_one_article_s": round(statistics.median(cold), 2),
        "cold_extract_over_model_s": round(statistics.median(c - m for c, m in zip(cold, model, strict=True)), 2),
        "in_process_split_s": split,
    }
    out = ROOT / "bench" / "results" / "startup.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
