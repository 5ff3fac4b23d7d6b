"""Work the app repeats for the same text is done once: Chinese line breaking is kept per text.

Textual measures a paragraph's height several times per layout and draws it again at the same
width; with Chinese rules (``recovery_guide.linebreak``) that was most of our own time on a Chinese
screen. These tests pin the caches down and that they give the same answers as the work itself.
"""

from __future__ import annotations

from recovery_guide import linebreak
from recovery_guide.tui import line_breaking

PARAGRAPH = "氯胺酮还没有被批准用于治疗任何物质使用障碍。请和你的医疗人员谈谈，再决定是否开始或停止任何治疗。"


def counting(monkeypatch, module, name: str) -> list[str]:
    calls: list[str] = []
    original = getattr(module, name)

    def counted(text, *args, **kwargs):
        calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_chinese_paragraph_is_broken_once_per_width(monkeypatch):
    text = PARAGRAPH + "（一）"  # a text no other test has broken in this process
    calls = counting(monkeypatch, line_breaking, "divide")
    first = line_breaking.divide_line(text, 20)
    first.append(999)  # a caller may change its list: the next caller still gets the right one
    again = line_breaking.divide_line(text, 20)
    assert again == linebreak.divide(text, 20) and 999 not in again
    assert len(calls) == 1, "laid out twice at the same width, broken once"
    line_breaking.divide_line(text, 30)
    assert len(calls) == 2, "another width is another division"


def test_the_break_points_of_a_text_are_found_once_whatever_the_width(monkeypatch):
    text = PARAGRAPH + "（二）"
    calls = counting(monkeypatch, linebreak, "break_points")
    narrow, wide = linebreak.divide(text, 12), linebreak.divide(text, 40)
    assert len(calls) == 1, "the break points do not depend on the width"
    assert narrow != wide and max(b - a for a, b in zip([0, *narrow], narrow)) <= 6  # 12 cells: at most 6 wide characters


def test_a_language_name_is_looked_up_in_cldr_once(monkeypatch):
    """The reading screen names the language on every page turn; Babel's lookup is about 2 ms."""
    from babel import Locale

    from recovery_guide import i18n

    getattr(i18n.language_names, "cache_clear", lambda: None)()
    calls = []
    parse = Locale.parse
    monkeypatch.setattr(Locale, "parse", lambda *args, **kwargs: calls.append(args) or parse(*args, **kwargs))
    assert i18n.language_names("es") == ("Español", "Spanish")
    assert i18n.language_names("es") == ("Español", "Spanish")
    assert calls.count(("es",)) == 1, "parsed once"
