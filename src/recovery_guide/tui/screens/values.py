"""What matters to me (``w``): the reader rates how much a few things matter. Never scored.

Each item is its words and its rating words as radio choices, "(•)" chosen and "( )" not, so the
choice shows without colour. Keyboard only: Up and Down move between the items, Left and Right (or
1 to 4) choose, 0 skips, Enter or Escape closes. The reader may add one item of their own (typed,
so shown as plain text, never markup). Every change goes to the session at once (kept only if the
reader turned saving on) and is written once the reader leaves the row or the screen, or quits, not
on every arrow key; nothing here adds the answers up or suggests anything from them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from recovery_guide import wording
from recovery_guide.i18n import _
from recovery_guide.key_names import with_keys
from recovery_guide.model import Values
from recovery_guide.my_questions import MAX_TEXT
from recovery_guide.tui.base import GuideModal, report_problem
from recovery_guide.tui.keys import VALUES_KEYS, bindings
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.choice_marks import mark
from recovery_guide.tui.widgets.key_bar import KeyBar

OWN = "own"
"""The row id of the reader's own item (item ids come from the content and are never this)."""


class ValueRow(Static, can_focus=True):
    """One item: its words, then each rating word with its mark, and "Not sure / skip"."""

    def __init__(self, item_id: str, text: str, values: Values, level: str | None) -> None:
        super().__init__(id=f"value-{item_id}", markup=False)
        self.item_id, self.text, self.values, self.level = item_id, text, values, level

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        lines = Text()
        lines.append(self.text, style="bold")
        for level in self.values.levels:
            lines.append(f"\n{mark(level.id == self.level)} {level.text}")
        lines.append(f"\n{mark(self.level is None)} {skip_words()}")
        self.update(lines)


def skip_words() -> str:
    return _("Not sure / skip")


class ValuesBody(VerticalScroll, inherit_bindings=False):
    """The scrolling items without the arrow keys of a scroll box: on this screen the arrows move
    between items and choose (the focused item is always scrolled into view)."""


class ValuesScreen(GuideModal):
    """Closes with nothing: the answers are in the session as soon as they are chosen."""

    CSS_PATH = [*GuideModal.CSS_PATH, "values.tcss"]
    BINDINGS = bindings(VALUES_KEYS)

    def compose(self) -> ComposeResult:
        values, answers = self.guide.values, self.session.my_values
        with Vertical(id="dialog"):
            with ValuesBody(id="values-body"):
                yield Static(values.intro, id="values-intro", markup=False)
                yield Static(with_keys(_("{up} {down}: move. {left} {right}, or 1 to 4: choose. 0: skip. {enter}: close.")), id="values-hint", markup=False)
                for item in values.items:
                    yield ValueRow(item.id, item.text, values, answers.ratings.get(item.id))
                yield Static(_("Something else that matters to me (you can leave this empty):"), id="own-value-label", markup=False)
                yield Input(answers.own_text, id="own-value", max_length=MAX_TEXT, placeholder=with_keys(_("Type here, then press {enter}")))
                yield ValueRow(OWN, _("How much it matters"), values, answers.own_level)
        yield KeyBar()

    def on_mount(self) -> None:
        self._title()
        self.query(ValueRow).first().focus()

    async def language_changed(self) -> None:
        """Same answers (they are ids), same place, the words in the new language."""
        self._commit_own()
        await super().language_changed()
        self._title()

    def _title(self) -> None:
        self.query_one("#dialog").border_title = plain(wording.what_matters_to_me())

    # --- the keys --------------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        stops = [*self.query(ValueRow)]
        stops.insert(len(stops) - 1, self.query_one("#own-value", Input))  # the typing line sits above its own level
        here = self.focused
        index = stops.index(here) if here in stops else -1
        target = min(max(index + step, 0), len(stops) - 1)
        if here is self.query_one("#own-value", Input):
            self._commit_own()
        stops[target].focus()
        stops[target].scroll_visible(animate=False)

    def action_level(self, step: int) -> None:
        """Left: less (from the first word to skip); Right: more (from skip to the first word)."""
        row = self.focused
        if not isinstance(row, ValueRow):
            return
        ids = [None, *(level.id for level in row.values.levels)]
        index = ids.index(row.level) if row.level in ids else 0
        self._choose(row, ids[min(max(index + step, 0), len(ids) - 1)])

    def action_pick(self, number: int) -> None:
        """1 to 4 choose that rating word; 0 skips."""
        row = self.focused
        if not isinstance(row, ValueRow):
            return
        levels = row.values.levels
        if number == 0:
            self._choose(row, None)
        elif number <= len(levels):
            self._choose(row, levels[number - 1].id)

    def _choose(self, row: ValueRow, level: str | None) -> None:
        if row.item_id == OWN:
            problem = self.session.set_own_value(self.query_one("#own-value", Input).value, level, save=False)
            level = self.session.my_values.own_level  # with nothing typed there is nothing to rate: show what is kept
        else:
            problem = self.session.rate_value(row.item_id, level, save=False)
        row.level = level
        row.show()
        report_problem(self, problem)

    def on_descendant_blur(self, event) -> None:
        """Leaving a row writes its rating (held back while the arrows step through the words)."""
        if isinstance(event.widget, ValueRow):
            report_problem(self, self.session.save_held())

    def on_unmount(self) -> None:
        """However the screen goes (closed, or the app quits over it), nothing chosen is left unwritten."""
        self.session.save_held()

    def _commit_own(self) -> None:
        typed = self.query("#own-value")
        if typed:
            own_row = self.query_one(f"#value-{OWN}", ValueRow)
            report_problem(self, self.session.set_own_value(typed.first(Input).value, own_row.level))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter on the typing line keeps the words and goes on to how much they matter."""
        event.stop()
        self._commit_own()
        self.query_one(f"#value-{OWN}", ValueRow).focus()

    def action_close(self) -> None:
        self._commit_own()
        report_problem(self, self.session.save_held())
        self.dismiss()
