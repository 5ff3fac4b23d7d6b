"""Issue 15, item 17: one rule for a language folder. ``languages`` listed a folder named
``..hidden`` (it has a language.yaml) that ``--lang`` refused; now what is listed is exactly what
``--lang`` accepts, and ``check`` says which folder it ignored."""

from __future__ import annotations

import shutil

import pytest

from recovery_guide.cli import UserError, resolve_language
from recovery_guide.guide_content.folder import ContentFolder
from tests.helpers import run

MISNAMED = ["..hidden", ".es", "EN", "es-MX", "es x"]


@pytest.fixture
def odd_folders(content_copy):
    for name in MISNAMED:
        shutil.copytree(content_copy / "es", content_copy / name)
    shutil.copytree(content_copy / "es", content_copy / "es_419")  # a real code: listed and accepted
    return content_copy


def test_every_listed_language_is_accepted_and_no_other(odd_folders):
    folder = ContentFolder(odd_folders)
    listed = folder.languages()
    assert "es_419" in listed
    assert not set(MISNAMED) & set(listed), listed
    for code in listed:
        assert resolve_language(code, folder) == code
    with pytest.raises(UserError):
        resolve_language("..hidden", folder)
    for name in MISNAMED:  # EN and es-MX are read as the codes en and es_MX, which serve en and es
        try:
            assert resolve_language(name, folder) in listed
        except UserError:
            pass


@pytest.mark.slow
def test_the_languages_command_and_check_agree_with_lang(odd_folders):
    listed = run("languages", "--content", str(odd_folders))
    assert listed.returncode == 0, listed.stderr
    codes = [line.split()[0] for line in listed.stdout.splitlines()[1:]]
    assert "..hidden" not in codes and "es_419" in codes
    assert run("print", "--content", str(odd_folders), "--lang", "..hidden").returncode == 2
    checked = run("check", "--content", str(odd_folders))
    assert f"{odd_folders / '..hidden' / 'language.yaml'}:1: (file): the folder name '..hidden' is not a language code" in checked.stdout, checked.stdout
