"""A Dask worker plugin that loads jieba's dictionary when a worker starts (or restarts), as the local pool's
initializer does, so no file pays for it inside its time limit."""
from __future__ import annotations

from distributed import WorkerPlugin

from pipeline.batch.work import warm_up


class WarmUp(WorkerPlugin):
    """Load jieba's dictionary in each worker as it joins the cluster."""
    name = "gongwen-warm-up"

    def setup(self, worker) -> None:
        """Given the worker joining, load the dictionary in its process."""
        warm_up()
