"""The Ray executor: the document-local stages on a Ray cluster (``--executor ray``).

Imported only when asked for (``pip install "corearchive[ray]"``). Each Ray worker is an
actor that builds and opens the local stages once (models load once per worker), then runs
chunks of documents sent round-robin; results come back in input order and the ordered
stages (``dedup``) and the sinks run in this process, exactly as with the local pool, so a
Ray run gives the same records and duplicate decisions as a local one.

Without ``--address`` a local Ray instance with ``workers`` CPUs is started (and stopped at
the end); with ``--address`` the run joins that cluster (``auto`` for the one ``ray start``
made on this machine).
"""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

import ray
from ray.exceptions import RayActorError, WorkerCrashedError

from .document import Document
from .executor import (
    ChunkResult,
    InlineExecutor,
    RemoteExecutor,
    WorkerLost,
    WorkerSpec,
    start_ray,
)


@ray.remote
class _StageActor:
    """One Ray worker: the local stages, opened once."""

    def __init__(self, spec: WorkerSpec) -> None:
        from .executor import build_local

        self.part = build_local(spec)

    def run(self, docs: list[Document]) -> ChunkResult:
        from .executor import shed

        return shed(self.part.run(docs))

    def close(self) -> None:
        for st in self.part.stages:
            st.close()


class RayExecutor(RemoteExecutor):
    """Chunks of documents to ``workers`` Ray actors, in input order."""

    def __init__(
        self, workers: int, spec: WorkerSpec, inline: InlineExecutor, address: str | None = None
    ) -> None:
        super().__init__(workers, spec, inline)
        self.address = address
        self.actors: list[Any] = []
        self._started_ray = False
        self._next = itertools.count()

    def open(self) -> None:
        # (the cluster is joined before any input is read: a wrong --address is told at
        # once, not mid-run, and not missed by a run too small to reach the workers)
        self._started_ray = start_ray(ray, self.workers, self.address) or self._started_ray

    def _actors(self) -> list[Any]:
        self._started_ray = start_ray(ray, self.workers, self.address) or self._started_ray
        if not self.actors:
            actor_cls: Any = _StageActor  # @ray.remote made it an actor class
            self.actors = [actor_cls.remote(self.spec) for _ in range(self.workers)]
        return self.actors

    def submit(self, chunk: list[Document]) -> Any:
        actors = self._actors()
        return actors[next(self._next) % len(actors)].run.remote(chunk)

    def wait(self, handle: Any) -> ChunkResult:
        try:
            result: ChunkResult = ray.get(handle)
        except (RayActorError, WorkerCrashedError) as exc:
            raise WorkerLost(str(exc)) from exc
        return result

    def restart(self) -> None:
        for actor in self.actors:
            ray.kill(actor)
        self.actors = []

    def abort(self) -> None:
        self.restart()
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False

    def shutdown(self) -> None:
        if self.actors:
            # A dead actor has nothing left to close.
            with contextlib.suppress(RayActorError, WorkerCrashedError):
                ray.get([a.close.remote() for a in self.actors])
            for actor in self.actors:
                ray.kill(actor)
            self.actors = []
        if self._started_ray:
            ray.shutdown()
            self._started_ray = False
