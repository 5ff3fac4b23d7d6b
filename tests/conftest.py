"""Shared fixtures: the packaged guide, a scratch copy of the content, a clean language state, and
each of PyYAML's loaders. Shared helper functions live in ``tests/helpers.py``."""

from __future__ import annotations

import sys

# Keep compiled bytecode between runs, even where PYTHONDONTWRITEBYTECODE is set (as on the team's
# shared machine): without it every xdist worker compiles the package again and pytest rewrites
# every test module's asserts again, about 5 s of CPU per worker per run (collection: 8.0 s of CPU
# instead of 3.1 s). Set before the imports below, so the package's own modules are kept too.
sys.dont_write_bytecode = False

import functools  # noqa: E402  (after the bytecode setting, on purpose)
import gc  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

# Hypothesis profiles, loaded here, before any test module makes its ``@settings``: a property test
# that names no ``max_examples`` takes the profile's. "ci" (the default: CI and the quick loop) runs
# 50 examples a test, "thorough" 400, for a run before a release
# (``HYPOTHESIS_PROFILE=thorough python -m pytest -m slow``). Derandomized with no example database:
# every run of a profile tries the same examples, so CI never fails on a new one by chance.
settings.register_profile(
    "ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("thorough", settings.get_profile("ci"), max_examples=400)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

from recovery_guide import i18n  # noqa: E402
from recovery_guide.guide_content import folder as _folder  # noqa: E402
from recovery_guide.paths import content_dir  # noqa: E402
from recovery_guide import session as _session  # noqa: E402

GC_THRESHOLDS = (50_000, 20, 10)
"""Python's cyclic garbage collector, less often than its default (700, 10, 10) in the test processes.

A test process holds far more than a reader's app: every language's guide, every test module, and
pytest's own records. A full collection walks all of it (0.1 to 0.2 s of CPU each), and with the
default thresholds a Pilot test's allocations set one off about once per test: a third of the CPU of
the Pilot tests was the collector (measured on tests/test_welcome_first_view.py: 5.7 s of 16.8 s).
Collected less often, the same garbage is still freed (each app's cycles when a younger generation
is collected), at about 35 to 60 MB more memory per worker. Nothing the tests check depends on when a
cycle is freed: what runs in a reader's app keeps Python's defaults."""
gc.set_threshold(*GC_THRESHOLDS)

_load_guide_afresh = _folder.load_guide


@functools.cache
def _packaged_folder(root: Path) -> _folder.ContentFolder:
    """One folder per packaged root, its English read once for every translation laid over it."""
    return _folder.ContentFolder(root)


@functools.cache
def _packaged_guide(language: str, root: Path) -> object:
    return _packaged_folder(root).guide(language)


def load_guide(language: str = "en", root: Path | None = None, warn=None):
    """``load_guide`` as the tests call it, each packaged language built once per worker.

    The model is frozen, so a guide can be shared; building one again from the parsed files is about
    25 ms (English) to 45 ms (a translation) of CPU, and the tests call it over a thousand times (each
    Pilot test, each language). A call with a folder of its own (a content copy a test changed) or
    with ``warn`` (a test that listens to warnings) loads afresh. Installed over the module's own
    function here, before any test module imports it."""
    if root is None and warn is None:
        return _packaged_guide(language, content_dir())
    return _load_guide_afresh(language, root, warn)


_folder.load_guide = load_guide


def _session_folder(root: Path | None = None, warn=None) -> _folder.ContentFolder:
    """The folder a ``Session`` makes for itself when given none: the packaged one, shared.

    Each Session made its own, so every test that switches language built the English and the
    translation again (overlay and cross-checks), though nothing on disk had changed. Installed as
    ``session.ContentFolder`` only: a folder a test makes itself still loads on its own."""
    if root is None and warn is None:
        return _packaged_folder(content_dir())
    return _folder.ContentFolder(root, warn)


_session.ContentFolder = _session_folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first: spread over the workers from the start, none is left running alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def english_ui(monkeypatch, tmp_path_factory):
    """Tests see the guide in English with no region, whatever the machine's locale says.

    Saved data goes to a fresh temporary folder, never the real user's, and no clinic file applies.
    """
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "RECOVERY_GUIDE_CLINIC"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def guide():
    return load_guide("en")


@pytest.fixture(scope="session")
def packaged_report():
    """``check`` of the packaged content, run once for every test that only reads its report (each
    run is about a second of CPU). ``tests/test_audit.py`` runs the command itself end to end."""
    from recovery_guide.audit import check_content

    return check_content()


@pytest.fixture(scope="session", autouse=True)
def parsed_once():
    """Content YAML parsed once per session: the same bytes (by the same loader) give the same node
    tree and data without PyYAML again (``yaml_source.each_file_parsed_once``, which ``check`` uses
    within one run). Hundreds of tests load the guide or check a copy of it; a file a test changed
    is parsed afresh, as its bytes differ, and a file that fails to parse is never kept, so every
    error is still found by PyYAML. Tests that count parses turn it off (``test_preparsed.no_parsing``)."""
    from recovery_guide.guide_content.yaml_source import each_file_parsed_once

    with each_file_parsed_once():
        yield


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def content_copy_of(tmp_path: Path):
    """``content_copy_of("en", "es")``: a writable copy of the packaged content with only those languages.

    For a test that changes one language and asserts only what ``check`` says about that language:
    ``check`` reads every translation in the folder (about 0.2 s of CPU each), and the others would
    only be checked again, unchanged."""

    def copy(*languages: str) -> Path:
        source, target = content_dir(), tmp_path / "content"

        def other_languages(folder: str, names: list[str]) -> list[str]:
            if Path(folder) != source:
                return []
            return [name for name in names if name not in languages and (source / name / "language.yaml").is_file()]

        shutil.copytree(source, target, ignore=other_languages)
        return target

    return copy


@pytest.fixture(params=["C", pytest.param("pure Python", marks=pytest.mark.slow)])
def yaml_loader(request, monkeypatch):
    """Run a test with PyYAML's C loader (most installs) and with its pure-Python fallback (slow)."""
    import yaml

    from recovery_guide.guide_content import yaml_source

    if request.param == "C" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    monkeypatch.setattr(yaml_source, "SafeLoader", yaml.CSafeLoader if request.param == "C" else yaml.SafeLoader)
    return request.param


