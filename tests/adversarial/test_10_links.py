"""Item 10: no link or image in content, and no writer emits a URL that loads anything.

``![p](https://example.org/track.png)`` in a body reached the printed Markdown as an image a viewer
would fetch (the handout promised no network). The loader and ``check`` now refuse links, images,
autolinks and HTML in any content text, at the line that holds them; the Markdown writer escapes the
brackets of any body text, and the HTML writer escapes it all.
"""

from __future__ import annotations

import re

import pytest

from recovery_guide.guide_content.folder import load_guide
from recovery_guide.guide_content.yaml_source import ContentError
from recovery_guide.render.html import HtmlWriter
from recovery_guide.render.markdown import MarkdownWriter
from recovery_guide.view.blocks import BulletList, Heading, ListItem, Paragraph
from tests.helpers import ONE_LINE, line_of, replace_once, run

TRACKERS = [
    "![p](https://example.org/track.png)",
    "[read more](http://example.org/x)",
    "<https://example.org/auto>",
    '<img src="https://example.org/a.png">',
    "</p><script>",
]
SENTENCE = "Ketamine is a medicine."
LOADS = re.compile(r"(?<!\\)!\[|(?<!\\)\]\(|(?<!\\)\]\[|(?<!\\)<(?:img|script|https?:|a\s)")
"""An image, a link, an autolink or a tag as a Markdown viewer reads it (escaped, it is text)."""
HTML_LOADS = re.compile(r"<(?:img|script|iframe|link|a\s)|\b(?:src|href)=\"(?!#)")
"""A tag or an address a browser would load or follow (the page's own links go to its own sources: ``#source-1``)."""


def _plant(content, text: str):
    return replace_once(content / "en" / "screens" / "02-ketamine-basics.yaml", SENTENCE, f"{SENTENCE} {text}")


@pytest.mark.parametrize("tracker", TRACKERS)
def test_the_loader_refuses_a_link_or_image_at_its_line(content_copy, tracker):
    path = _plant(content_copy, tracker)
    with pytest.raises(ContentError) as raised:
        load_guide("en", content_copy)
    message = str(raised.value)
    assert ONE_LINE.match(message) and ": body: " in message and "not allowed" in message, message
    assert raised.value.line == line_of(path, tracker), "the line that holds it, not the body's first line"


def test_brackets_that_make_no_link_are_text(content_copy):
    _plant(content_copy, "[b]x[/b] [/] [at=10:30] [a][b]")
    assert "[b]x[/b] [/] [at=10:30] [a][b]" in load_guide("en", content_copy).page("ketamine-basics").body


def test_a_link_reference_definition_is_refused(content_copy):
    replace_once(content_copy / "en" / "screens" / "02-ketamine-basics.yaml", "  ## What ketamine is\n", "  ## What ketamine is\n  [ref]: https://example.org/track.png\n")
    with pytest.raises(ContentError, match="not allowed"):
        load_guide("en", content_copy)


@pytest.mark.slow
def test_check_reports_an_image_in_a_body_and_fails(content_copy):
    path = _plant(content_copy, TRACKERS[0])
    result = run("check", "--content", str(content_copy))
    assert result.returncode != 0
    assert f"02-ketamine-basics.yaml:{line_of(path, 'track.png')}: body:" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("tracker", TRACKERS)
def test_no_writer_emits_a_url_to_load_from_body_text(tracker):
    blocks = [Heading(2, f"Title {tracker}"), Paragraph((f"Text {tracker}", "**bold** stays")), BulletList((ListItem("-", (f"item {tracker}",)),))]
    for writer, loads in ((MarkdownWriter(), LOADS), (HtmlWriter(), HTML_LOADS)):
        written = "\n".join(writer.write(block) for block in blocks)
        assert not loads.search(written), f"{type(writer).__name__}: {written}"
        assert "bold" in written
