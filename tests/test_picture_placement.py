"""A picture stands next to the words about its study, not ahead of the whole screen.

An independent review (PEMAT item 16) found the alcohol screen's first and biggest picture was the weak
1997 study (66 against 24 in 100, not randomised), shown before any text, while the trial with a
placebo found no clear drop; and the opioid screen showed three pictures of different outcomes one
after another. A result's ``after_section`` puts its picture at the end of a body section.
"""

from __future__ import annotations

import pytest

from recovery_guide.audit import check_content
from recovery_guide.guide_content.folder import ContentFolder, load_guide
from recovery_guide.render.text import guide_text
from recovery_guide.view.blocks import Heading, IconArray
from recovery_guide.view.pages import page_view



def _section_of_each_picture(language: str, page_id: str) -> dict[str, int]:
    """Each picture's result id → how many top-level body headings come before it (0: above the body)."""
    guide = load_guide(language)
    blocks = page_view(guide, guide.page(page_id)).blocks
    top = min(block.level for block in blocks if isinstance(block, Heading))
    placed, headings = {}, 0
    for block in blocks:
        if isinstance(block, Heading) and block.level == top:
            headings += 1
        elif isinstance(block, IconArray):
            placed[block.result.id] = headings
    return placed


@pytest.mark.parametrize("language", ["en", "de", "zh_Hans"])
def test_each_research_picture_sits_in_the_section_about_its_study(language):
    assert _section_of_each_picture(language, "research-alcohol") == {"alcohol-aa-kelly-2020": 4}
    assert _section_of_each_picture(language, "research-opioids") == {"opioids-xbot-2018": 4, "opioids-methadone-deaths": 8}
    assert _section_of_each_picture(language, "research-cocaine") == {"cocaine-dakwar-2019": 1}


def test_the_printed_alcohol_screen_tells_the_placebo_trial_first_and_the_1997_study_in_words_only():
    """Review r16 (PEMAT 16): the 1997 study (not randomised, no placebo) is said in words, with both
    groups' numbers and its design, and has no picture; the one picture (AA) comes with the options."""
    text = guide_text(load_guide("en"), "US")
    screen = text[text.index("Step 5 of 14") : text.index("Step 6 of 14")]
    assert screen.index("Grabski, 2022.") < screen.index("Krupitsky, 1997.") < screen.index("Side effects in these trials")
    studies = " ".join(screen[screen.index("Krupitsky, 1997.") : screen.index("Side effects in these trials")].split())
    assert "about 66 in 100" in studies and "about 24 in 100" in studies and "not randomised" in studies
    assert "66 in 100                      24 in 100" not in screen and "= stayed off alcohol" not in screen, "no picture, no legend"


def test_a_picture_with_no_section_stands_under_the_key_points(content_copy_of):
    """Step 9's picture was the last with no ``after_section`` (review r15 took it out), so a copy shows the rule."""
    content = content_copy_of("en")
    path = content / "en" / "screens" / "07-research-cocaine.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    after_section: 1\n", "", 1), encoding="utf-8")
    guide = load_guide("en", root=content)
    kinds = [type(block).__name__ for block in page_view(guide, guide.page("research-cocaine")).blocks]
    assert kinds[:2] == ["KeyPoints", "IconArray"], kinds


def test_no_two_pictures_of_different_outcomes_follow_each_other():
    guide = load_guide("en")
    for page in guide.pages:
        blocks = page_view(guide, page).blocks
        for before, after in zip(blocks, blocks[1:]):
            assert not (isinstance(before, IconArray) and isinstance(after, IconArray)), (page.id, before.result.id, after.result.id)


def test_a_section_number_beyond_the_body_fails_loading_with_its_line(content_copy_of):
    content = content_copy_of("en")
    path = content / "en" / "screens" / "05-research-alcohol.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    after_section: 4\n", "    after_section: 12\n", 1), encoding="utf-8")
    problems = [str(problem) for problem in check_content(ContentFolder(content)).problems]
    assert any(f"{path}:" in problem and "after_section" in problem and "5 sections" in problem for problem in problems), problems
