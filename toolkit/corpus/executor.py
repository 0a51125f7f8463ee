"""Where the partitions of a stored corpus are worked on: this process, local
worker processes, or a Dask cluster.

Work on a store is a list of tasks, each a plain function of a partition's path
and a few options (:mod:`toolkit.corpus.store`): nothing large is sent to a
worker, which reads its partition from disk. :func:`set_executor` chooses where
tasks run:

* ``"processes"`` (the default): worker processes on this machine, one per CPU
  core (``workers=`` to say how many);
* ``"serial"``: one task after the other in this process;
* a ``dask.distributed.Client`` (or a scheduler's address, ``"tcp://host:8786"``):
  the tasks run on that Dask cluster, which must see the store at the same path.
  Dask reschedules the tasks of a worker that is lost, so a result is complete
  however many workers fail along the way. Install it with
  ``pip install "newsdiscourse-toolkit[dask]"``.

Results come back in task order whatever the executor, so the combined tables do
not depend on where they were computed.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, redirect_stdout
from typing import Any

__all__ = ["current_executor", "in_task", "run_tasks", "set_executor"]

_NAMES = ("serial", "processes")
_state: dict[str, Any] = {"executor": "processes", "workers": None}
_pool: dict[str, Any] = {}
_task = threading.local()


class _Setting:
    """What :func:`set_executor` returns: the setting is made at once, and a
    ``with`` block puts the previous one back at its end."""

    def __init__(self, previous: dict[str, Any], owned: Any = None):
        self._previous = previous
        self._owned = owned  # a client made here for a scheduler's address

    def __enter__(self) -> _Setting:
        return self

    def __exit__(self, *exc: object) -> None:
        _set(self._previous)
        if self._owned is not None:
            self._owned.close()

    def __repr__(self) -> str:
        return f"<executor {describe(_state['executor'])}>"


def set_executor(executor: Any = "processes", *, workers: int | None = None) -> _Setting:
    """Choose where the partitions of stored corpora are worked on.

    Parameters
    ----------
    executor : {"processes", "serial"}, a dask.distributed.Client, or an address
        ``"processes"`` (default): local worker processes; ``"serial"``: this
        process; a Dask ``Client``, or the address of a Dask scheduler
        (``"tcp://10.0.0.5:8786"``), to run on that cluster.
    workers : int, optional
        With ``"processes"``, how many worker processes (default: one per CPU core).

    Returns
    -------
    An object that also works as a context manager: ``with
    toolkit.set_executor("serial"): ...`` sets the executor for the block only
    (and closes the client it made for a scheduler's address at the end).

    Raises
    ------
    ValueError
        For another name, or a number of workers below 1.
    ImportError
        For a scheduler address when Dask is not installed (the message gives the
        install command).

    Examples
    --------
    >>> import toolkit
    >>> with toolkit.set_executor("serial"):
    ...     toolkit.current_executor()
    'serial'
    >>> toolkit.current_executor()
    'processes'
    """
    owned = None
    if isinstance(executor, str) and executor not in _NAMES:
        if "://" not in executor:
            raise ValueError(
                f"executor={executor!r}: use 'processes', 'serial', a dask.distributed.Client "
                "or a Dask scheduler's address such as 'tcp://127.0.0.1:8786'"
            )
        executor = owned = _client(executor)
    elif not isinstance(executor, str) and not _is_client(executor):
        raise ValueError(
            f"executor={executor!r} is not 'processes', 'serial' or a dask.distributed.Client"
        )
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise ValueError(f"workers={workers!r} must be a whole number, 1 or more")
    previous = dict(_state)
    _set({"executor": executor, "workers": workers})
    return _Setting(previous, owned)


def current_executor() -> Any:
    """The executor set by :func:`set_executor`: ``"processes"``, ``"serial"`` or
    a Dask client."""
    return _state["executor"]


def describe(executor: Any) -> str:
    """A short description of an executor, for messages."""
    if isinstance(executor, str):
        return executor
    address = getattr(getattr(executor, "scheduler", None), "address", None)
    return f"Dask cluster at {address}" if address else "Dask cluster"


def in_task() -> bool:
    """True inside a task run by :func:`run_tasks` (work there is not split
    again over more processes)."""
    return bool(getattr(_task, "active", False))


def run_tasks(
    function: Callable[..., Any],
    tasks: Iterable[tuple],
    *,
    desc: str,
    total: int | None = None,
    progress: bool = True,
) -> list[Any]:
    """``[function(*args) for args in tasks]``, run by the current executor.

    ``function`` must be a module-level function (it is sent to workers by
    name) and ``tasks`` small argument tuples. ``tasks`` may be a generator:
    tasks are then made as workers become free, so that the work waiting is
    bounded (the store is written this way while its source is being read).
    A progress bar counts the tasks done when ``progress`` and there are many,
    or always on a Dask cluster.
    """
    executor = _state["executor"]
    if total is None and isinstance(tasks, list | tuple):
        total = len(tasks)
    if isinstance(tasks, list | tuple) and len(tasks) < 2 and executor == "processes":
        executor = "serial"  # one task: no worker needed
    if in_task() or executor == "serial" or (executor == "processes" and _n_workers() < 2):
        return [_call(function, args) for args in _bar(tasks, desc, total, progress)]
    if executor == "processes":
        return _run_local(function, tasks, desc=desc, total=total, progress=progress)
    return _run_dask(executor, function, tasks, desc=desc, progress=progress)


# ------------------------------------------------------------------ helpers


def _call(function: Callable[..., Any], args: tuple) -> Any:
    before = getattr(_task, "active", False)
    _task.active = True
    try:
        return function(*args)
    finally:
        _task.active = before


def task_entry(function: Callable[..., Any], args: tuple) -> Any:
    """What a worker runs: ``function(*args)``, marked as inside a task."""
    return _call(function, args)


def _bar(items: Iterable, desc: str, total: int | None, progress: bool) -> Iterable:
    n = total if total is not None else (len(items) if hasattr(items, "__len__") else None)
    if not progress or (n is not None and n < 2):
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, total=n, unit="part", leave=False)


def _n_workers() -> int:
    if _state["workers"] is not None:
        return int(_state["workers"])
    if multiprocessing.current_process().daemon:
        return 1  # a daemonic process (a Dask worker, say) may not start children
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _local_pool() -> ProcessPoolExecutor:
    n = _n_workers()
    pool = _pool.get("pool")
    if pool is None or _pool.get("workers") != n:
        _shutdown()
        methods = multiprocessing.get_all_start_methods()
        # a fork server starts each worker from a clean process, so no thread of
        # this one (a Jupyter kernel's, pyarrow's) is copied into a worker
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        pool = ProcessPoolExecutor(n, mp_context=context)
        _pool.update(pool=pool, workers=n)
    return pool


def _shutdown() -> None:
    pool = _pool.pop("pool", None)
    _pool.pop("workers", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(_shutdown)


def _run_local(
    function: Callable[..., Any],
    tasks: Iterable[tuple],
    *,
    desc: str,
    total: int | None,
    progress: bool,
) -> list[Any]:
    """Tasks on the local worker processes, at most two per worker waiting; a
    pool broken by a lost worker is started again once and the lost tasks run
    again."""
    results: dict[int, Any] = {}
    todo: dict[int, tuple] = {}
    with _main_script_hidden():
        _run_attempts(function, tasks, todo, results, desc, total, progress)
    return [results[i] for i in range(len(results))]


def _run_attempts(
    function: Callable[..., Any],
    tasks: Iterable[tuple],
    todo: dict[int, tuple],
    results: dict[int, Any],
    desc: str,
    total: int | None,
    progress: bool,
) -> None:
    for attempt in (1, 2):
        pool = _local_pool()
        source: Iterator[tuple[int, tuple]] = (
            iter(sorted(todo.items())) if attempt == 2 else iter(enumerate(tasks))
        )
        try:
            _drain(pool, function, source, todo, results, desc, total, progress)
            break
        except BrokenProcessPool:
            _shutdown()
            if attempt == 2:
                raise


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start workers without running the main script or module again in them.

    Python starts a worker (spawned, or from a fork server) by importing the
    program's main module again, so a plain ``python script.py`` without ``if
    __name__ == "__main__":`` would run twice. The tasks here are functions of
    the toolkit, never of the main module, so the main module's path and name
    are hidden from the workers while they start.
    """
    main = sys.modules.get("__main__")
    saved = {k: getattr(main, k) for k in ("__file__", "__spec__") if hasattr(main, k)}
    if main is not None:
        if "__file__" in saved:
            del main.__file__
        main.__spec__ = None
    try:
        yield
    finally:
        if main is not None:
            for key, value in saved.items():
                setattr(main, key, value)


def _drain(
    pool: ProcessPoolExecutor,
    function: Callable[..., Any],
    source: Iterator[tuple[int, tuple]],
    todo: dict[int, tuple],
    results: dict[int, Any],
    desc: str,
    total: int | None,
    progress: bool,
) -> None:
    bar = _counter(desc, total, progress)
    running: dict[Future, int] = {}
    limit = 2 * _pool["workers"]
    try:
        for i, args in source:
            todo[i] = args
            running[pool.submit(task_entry, function, args)] = i
            while len(running) >= limit:
                _collect(running, todo, results, bar)
        while running:
            _collect(running, todo, results, bar)
    finally:
        if bar is not None:
            bar.close()


def _collect(running: dict[Future, int], todo: dict[int, tuple], results: dict, bar: Any) -> None:
    done, _ = wait(list(running), return_when=FIRST_COMPLETED)
    for future in done:
        i = running.pop(future)
        results[i] = future.result()
        todo.pop(i, None)
        if bar is not None:
            bar.update(1)


def _counter(desc: str, total: int | None, progress: bool) -> Any:
    if not progress or (total is not None and total < 2):
        return None
    from tqdm.auto import tqdm

    return tqdm(desc=desc, total=total, unit="part", leave=False)


def _run_dask(
    client: Any,
    function: Callable[..., Any],
    tasks: Iterable[tuple],
    *,
    desc: str,
    progress: bool,
) -> list[Any]:
    """Tasks on a Dask cluster. A list of tasks is submitted at once and followed
    with Dask's progress bar; a generator (the batches of a store being written)
    is read as the cluster keeps up, a few tasks per worker waiting."""
    from distributed import as_completed

    token = uuid.uuid4().hex[:8]
    futures = []
    if isinstance(tasks, list | tuple):
        futures = [
            client.submit(task_entry, function, args, key=f"{desc}-{token}-{i}", pure=False)
            for i, args in enumerate(tasks)
        ]
        if progress and len(futures) >= 2:
            from distributed import progress as dask_progress

            if _in_terminal():  # Dask's text bar, on stderr so that stdout keeps the table
                with redirect_stdout(sys.stderr):
                    dask_progress(futures, notebook=False)
            else:
                dask_progress(futures)
    else:
        limit = max(2 * len(client.scheduler_info().get("workers", {})), 2)
        pending = as_completed()
        bar = _counter(desc, None, progress)
        for i, args in enumerate(tasks):
            future = client.submit(
                task_entry, function, args, key=f"{desc}-{token}-{i}", pure=False
            )
            futures.append(future)
            pending.add(future)
            while pending.count() >= limit:
                next(pending)
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
    results = client.gather(futures)
    for future in futures:
        future.release()
    return list(results)


def _in_terminal() -> bool:
    try:
        from IPython import get_ipython

        return get_ipython() is None
    except ImportError:
        return True


def _is_client(obj: Any) -> bool:
    return hasattr(obj, "submit") and hasattr(obj, "gather") and hasattr(obj, "scheduler_info")


def _client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ImportError(
            f"running on the Dask scheduler {address} needs Dask: "
            'pip install "newsdiscourse-toolkit[dask]"'
        ) from None
    return Client(address)


def _set(state: dict[str, Any]) -> None:
    if state.get("workers") != _state.get("workers"):
        _shutdown()
    _state.update(state)
