"""The package's layout holds: imports run one way, no circle, no reaching into
another module's private names, and no module or function grows past its limit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "toolkit"
# Stages from the bottom up: a module imports only from its own stage or below.
STAGES = ["_util", "text", "corpus", "search", "quotes", "analyses", "show"]
TOP = len(STAGES)  # cli.py, report.py, __init__.py, __main__.py, widgets.py
MAX_MODULE_LINES = 900
MAX_FUNCTION_LINES = 90


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path) -> list[tuple[str, list[str]]]:
    """(imported module, names) of every import in a module, those inside
    functions included: an import deferred to a call still ties the two modules."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _resolve(module, node, path.name == "__init__.py")
            found.append((target, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((a.name, []) for a in node.names)
    return found


def _internal_edges() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for target, names in _imports(module, path):
            if not target.startswith("toolkit"):
                continue
            for name in names:  # "from . import x" imports the submodule x
                if f"{target}.{name}" in modules:
                    edges[module].add(f"{target}.{name}")
            if target in modules:
                edges[module].add(target)
    return edges


def _stage(module: str) -> int:
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return STAGES.index(parts[1])
    return TOP


def test_no_import_circle():
    edges = _internal_edges()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for n in sorted(edges[m]):
            if state.get(n) == 1:
                circles.append([*trail[trail.index(n) :], n])
            elif n not in state:
                visit(n, [*trail, n])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    assert not circles, "import circles: " + "; ".join(" -> ".join(c) for c in circles)


def test_imports_run_down_the_stages():
    upward = [
        f"{m} ({STAGES[_stage(m)] if _stage(m) < TOP else 'top'}) imports {n}"
        for m, targets in _internal_edges().items()
        for n in sorted(targets)
        if _stage(n) > _stage(m) and not n.startswith("toolkit.resources")
    ]
    assert not upward, "\n".join(upward)


def test_no_private_names_across_modules():
    offenders = []
    for module, path in _modules().items():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            target = _resolve(module, node, path.name == "__init__.py")
            if not target.startswith("toolkit") or target == module:
                continue
            private = [
                a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")
            ]
            if private:
                offenders.append(f"{module} takes {private} from {target}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_module_and_function_sizes(path: Path):
    rel = path.relative_to(ROOT)
    text = path.read_text("utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_MODULE_LINES, f"{rel} has {lines} lines (at most {MAX_MODULE_LINES})"
    long = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                body = body[1:]  # the docstring is documentation, not code
            if body and body[-1].end_lineno - body[0].lineno + 1 > MAX_FUNCTION_LINES:
                long.append(f"{node.name} ({body[-1].end_lineno - body[0].lineno + 1} lines)")
    assert not long, f"{rel}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"
