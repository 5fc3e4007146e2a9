"""The optional parts of nightlegs: a missing extra gives one line naming it, never a traceback.

The missing module is simulated by putting ``None`` in ``sys.modules`` for it (and its loaded
submodules), which makes importing it raise ``ModuleNotFoundError`` as on a machine without it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from nightlegs._extras import EXTRAS, needs_extra
from nightlegs.diary.storage import open_store
from nightlegs.errors import MissingExtraError

ROOT = Path(__file__).parents[1]


def _hide(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make ``import name`` (and of its submodules) fail as if it were not installed."""
    for loaded in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
        monkeypatch.setitem(sys.modules, loaded, None)
    monkeypatch.setitem(sys.modules, name, None)


def _requirement_name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower()


@pytest.mark.parametrize("module", ["pyarrow", "distributed", "dask"])
def test_batch_without_its_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    run_cli: Callable[..., tuple[int, str, str]],
    module: str,
) -> None:
    (tmp_path / "night.edf").write_bytes(b"0       ")
    out = tmp_path / "results.parquet"
    _hide(monkeypatch, module)
    code, printed, err = run_cli("analyze-batch", str(tmp_path / "*.edf"), "--out", str(out))
    assert code == 2
    assert printed == "", "nothing (no progress bar) before the missing extra is named"
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "nightlegs analyze-batch" in lines[0]
    assert f"{module} is not installed" in lines[0]
    assert 'pip install "nightlegs[batch]"' in lines[0]
    assert not out.exists()


def test_postgres_without_its_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _hide(monkeypatch, "psycopg")
    with pytest.raises(MissingExtraError) as caught:
        open_store("postgresql://nightlegs:secret@127.0.0.1:9/nightlegs")
    message = str(caught.value)
    assert "PostgreSQL" in message and "psycopg is not installed" in message
    assert 'pip install "nightlegs[postgres]"' in message
    assert "secret" not in message


def test_sqlite_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "psycopg")
    store = open_store("sqlite://")
    store.close()


def test_a_module_of_no_extra_stays_an_import_error() -> None:
    with pytest.raises(ModuleNotFoundError) as caught, needs_extra("batch", "a feature"):
        import nightlegs_no_such_module  # type: ignore[import-not-found]  # noqa: F401
    assert not isinstance(caught.value, MissingExtraError)


def test_an_unknown_extra_is_refused() -> None:
    with pytest.raises(ValueError, match="expected one of batch, postgres"):  # noqa: SIM117
        with needs_extra("gpu", "a feature"):
            pass


def test_extras_match_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    optional = project["optional-dependencies"]
    assert set(EXTRAS) == set(optional) - {"test", "bench"}
    required = {_requirement_name(r) for r in project["dependencies"]}
    for extra, modules in EXTRAS.items():
        listed = {_requirement_name(r) for r in optional[extra]}
        assert not listed & required, f"{extra}: also a required dependency"
        assert set(modules) <= listed | {"distributed"}, extra  # dask[distributed] brings it


def test_the_test_script_installs_every_extra() -> None:
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    installed = re.search(r'pip install .*"\.\[([a-z,]+)\]"', script)
    assert installed is not None
    assert set(EXTRAS) | {"test"} <= set(installed.group(1).split(","))
