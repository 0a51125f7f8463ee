"""Tables on disk: Parquet files that read back with the dtypes they were written with.

pandas writes most columns to Parquet and reads them back as they were
(categoricals with all their categories, ``Int32``, strings, dates). Columns of
Python objects are the exception: pyarrow reads strings back as ``str`` and
lists as numpy arrays. Such columns are written as Arrow values and read back as
the Python objects they were (``None`` stays ``None``, a list stays a list); a
column whose values pyarrow cannot store in one type (numbers and strings mixed,
say) is written as JSON text and decoded on reading.

Files are written to a temporary name and renamed, so a reader never sees half a
file and two processes writing the same file leave one whole copy.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["atomic_path", "read_frame", "read_frame_and_meta", "write_frame"]

_META_KEY = b"toolkit"


def atomic_path(path: Path) -> Path:
    """A temporary name beside ``path`` to write to before renaming it to ``path``."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")


def write_frame(frame: pd.DataFrame, path: Path, *, meta: dict[str, Any] | None = None) -> None:
    """Write ``frame`` (index dropped) to a Parquet file that :func:`read_frame`
    reads back with the same columns, dtypes and values; ``meta`` is kept with it.

    Examples
    --------
    >>> import tempfile
    >>> frame = pd.DataFrame({"tags": [["a"], None], "n": pd.array([1, None], dtype="Int32")})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_frame(frame, Path(d) / "t.parquet")
    ...     back = read_frame(Path(d) / "t.parquet")
    >>> back["tags"].tolist(), str(back["n"].dtype)
    ([['a'], None], 'Int32')
    """
    frame = frame.reset_index(drop=True)
    plain: dict[str, Any] = {}
    objects, as_json, categories = [], [], {}
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype) and _string_categories(column.dtype):
            cats = column.dtype.categories
            categories[name] = {
                "categories": cats.tolist(),
                "ordered": bool(column.dtype.ordered),
                "object": cats.dtype == object,
            }
            plain[name] = pd.Series(column.cat.codes.to_numpy(np.int32))
            continue
        if column.dtype != object:
            plain[name] = column
            continue
        values = column.tolist()
        try:
            pa.array(values)
            objects.append(name)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError):
            as_json.append(name)
            values = [json.dumps(v, default=str, ensure_ascii=False) for v in values]
        plain[name] = pd.Series(values, dtype=object)
    stored = pd.DataFrame(plain, columns=frame.columns)
    stored.attrs = frame.attrs
    table = pa.Table.from_pandas(stored, preserve_index=False)
    extra = {"objects": objects, "json": as_json, "categories": categories, "meta": meta or {}}
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), _META_KEY: json.dumps(extra).encode()}
    )
    tmp = atomic_path(path)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_frame(path: Path, *, columns: list[str] | None = None) -> pd.DataFrame:
    """The frame :func:`write_frame` wrote (only ``columns``, when given)."""
    return read_frame_and_meta(path, columns=columns)[0]


def read_frame_and_meta(
    path: Path, *, columns: list[str] | None = None
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The frame :func:`write_frame` wrote, and the ``meta`` written with it."""
    table = pq.read_table(path, columns=columns)
    raw = (table.schema.metadata or {}).get(_META_KEY)
    extra = json.loads(raw) if raw else {"objects": [], "json": [], "meta": {}}
    cats = extra.get("categories", {})
    special = set(extra["objects"]) | set(extra["json"]) | set(cats)
    names = table.column_names
    rest = [n for n in names if n not in special]
    frame = table.select(rest).to_pandas() if rest else pd.DataFrame(index=range(table.num_rows))
    out = {}
    for name in names:
        if name in cats:
            spec = cats[name]
            index = pd.Index(spec["categories"], dtype=object if spec["object"] else None)
            dtype = pd.CategoricalDtype(index, ordered=spec["ordered"])
            codes = table.column(name).to_numpy()
            out[name] = pd.Series(pd.Categorical.from_codes(codes, dtype=dtype))
        elif name in special:
            values = table.column(name).to_pylist()
            if name in extra["json"]:
                values = [json.loads(v) for v in values]
            array = np.empty(len(values), dtype=object)
            array[:] = values
            out[name] = pd.Series(array, dtype=object, copy=False)
        else:
            out[name] = frame[name]
    result = pd.DataFrame(out, columns=names)
    result.attrs = frame.attrs
    return result, extra["meta"]


def _string_categories(dtype: pd.CategoricalDtype) -> bool:
    cats = dtype.categories
    return (cats.dtype == object and all(isinstance(c, str) for c in cats)) or (
        isinstance(cats.dtype, pd.StringDtype)
    )
