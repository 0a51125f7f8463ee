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
    # conda users get the [dask] extra too (conda-forge's dask includes distributed)
    extras = project["optional-dependencies"]["dask"]
    pip_deps = {
        _name(r): _spec(r).replace("[distributed]", "") for r in [*project["dependencies"], *extras]
    }
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


def test_browser_test_tools_come_with_the_test_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "playwright" in {_name(r) for r in project["optional-dependencies"]["test"]}
    # users run `voila notebooks/00-explorer-dashboard.ipynb` after the main install
    assert "voila" in {_name(r) for r in project["dependencies"]}


def test_nothing_downloads_a_browser_or_installs_extensions_by_hand():
    files = [
        ROOT / ".ci" / "run",
        ROOT / "postBuild",
        *sorted((ROOT / "tests" / "e2e").glob("*.py")),
    ]
    offenders = [
        str(p.relative_to(ROOT))
        for p in files
        if re.search(r"playwright\s+install|labextension\s+install", p.read_text("utf-8"))
    ]
    assert offenders == []


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text("utf-8")
    command = (
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'
    )
    assert f"\n{command}\n" in readme
    lines = [line for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines() if line]
    assert lines[-1] == command


def test_binder_builds_from_the_root_environment_and_installs_the_toolkit():
    # repo2docker would prefer a binder/ or .binder/ folder over the root files
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    assert (ROOT / "environment.yml").is_file()
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    commands = [
        line.strip()
        for line in post_build.read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert any(re.fullmatch(r"python -m pip install (--\S+ )*-e \.", c) for c in commands)


def test_readme_binder_badge_opens_the_getting_started_notebook():
    from urllib.parse import parse_qs, urlparse

    readme = (ROOT / "README.md").read_text("utf-8")
    links = re.findall(r"\]\((https://mybinder\.org/v2/[^)\s]+)\)", readme)
    assert len(links) == 1
    labpath = parse_qs(urlparse(links[0]).query)["labpath"]
    assert labpath == ["notebooks/01-getting-started-kwic.ipynb"]
    assert (ROOT / labpath[0]).is_file()


def test_spreadsheet_export_comes_with_the_toolkit():
    """``hits.to_excel(...)`` must work after a plain install, not only with the
    test extra: pandas writes .xlsx through openpyxl."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert "openpyxl" in {_name(r) for r in project["dependencies"]}


def test_dask_extra_is_tested():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert extras["dask"][0] in extras["test"]  # CI installs [test] and runs the Dask tests
