"""Packaging promises: conda and pip install the same things; no downloads."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return re.sub(r"\s+", "", requirement.strip()).lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pip_deps = {_name(r): _spec(r) for r in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text("utf-8"))
    conda, pip = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep["pip"])
        else:
            conda[_name(dep)] = _spec(dep)
    pip_specs = {_name(r): _spec(r) for r in pip if not r.startswith("-e")}
    declared = {**{k: v for k, v in conda.items() if k not in {"python", "pip"}}, **pip_specs}
    assert declared == pip_deps
    assert "-e ." in pip  # the toolkit itself
    assert conda["python"] == "python>=" + project["requires-python"].removeprefix(">=")


def test_no_download_calls_in_code():
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("toolkit", "notebooks", "tests", "benchmarks")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in {".py", ".ipynb"}
        and p.name != "test_packaging.py"
        and re.search(r"nltk\.download\(|hf_hub_download|from_pretrained\(", p.read_text("utf-8"))
    ]
    assert offenders == []
