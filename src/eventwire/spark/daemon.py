"""The PySpark daemon with eventwire's pipeline loaded before it forks any worker.

Spark starts one Python daemon per executor and forks a Python worker from it whenever a task needs one
(often more workers than cores: a worker is handed back after the next task has asked for one). Loaded
here, the model, knowledge base and gazetteer are read once per executor and every forked worker shares
their pages copy-on-write; otherwise each worker loads its own (worker.pipeline_for), seconds of CPU and
hundreds of MB each. A job whose settings differ from the executor's defaults still loads its own lazily.

Used by `spark_session` through `spark.python.daemon.module`; pass `--conf
spark.python.daemon.module=pyspark.daemon` to turn it off.
"""

from __future__ import annotations

import gc

from pyspark import daemon

from eventwire.settings import Settings
from eventwire.spark.worker import preload

if __name__ == "__main__":
    preload(Settings())
    gc.freeze()  # the loaded objects move out of the collector's reach: its passes would dirty shared pages
    daemon.manager()
