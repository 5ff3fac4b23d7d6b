"""The reading screen: contents beside the text, one guide screen at a time."""

from __future__ import annotations

from typing import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.content import Content
from textual.widgets import Button, Markdown, OptionList, Static
from textual.widgets._markdown import MarkdownBlock, MarkdownHeader, MarkdownParagraph
from textual.widgets.option_list import Option

from recovery_guide import wording
from recovery_guide.i18n import _, in_language, language_names
from recovery_guide.model import Question, PageKind
from recovery_guide.my_questions import EntryKind, MyQuestions
from recovery_guide.tui.widgets.banner import Banner
from recovery_guide.tui.base import GuideScreen, banner_text, report_problem
from recovery_guide.tui.keys import READER_KEYS, TERM_MEANING, bindings
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.reading_page import ReadingPage
from recovery_guide.tui.screens.dialogs import TextPrompt
from recovery_guide.view.pages import page_view
from recovery_guide.search import Match, find_span, option_parts, part_holds
from recovery_guide.tui.widgets.guide_markdown import GuideMarkdown, OneWidgetList
from recovery_guide.tui.widgets.key_list import KeyList
from recovery_guide.tui.widgets.provider_questions import ProviderQuestions
from recovery_guide.tui.widgets.timeline import TimelineView
from recovery_guide.tui.widgets.at_a_glance import AtAGlanceView
from recovery_guide.tui.widgets.urgency_tiers import UrgencyTiersView
from recovery_guide.tui.widgets.key_bar import KeyBar


HIT_STYLE = "bold reverse underline"
"""How the words a search found are marked in the text: by shape as well as colour (monochrome too)."""


def wrapped_line(text: Content, offset: int, width: int) -> int:
    """The line (from 0) that character ``offset`` of ``text`` is on, once wrapped at ``width`` cells."""
    seen = 0
    lines = text.wrap(max(width, 1))
    for number, line in enumerate(lines):
        seen = text.plain.find(line.plain.strip(), seen) + len(line.plain.strip()) if line.plain.strip() else seen
        if offset < seen:
            return number
    return max(len(lines) - 1, 0)


class TermList(KeyList):
    """The glossary words used on this screen; Enter opens a word's meaning over the text."""

    BINDINGS = bindings((TERM_MEANING,))


class ReadingPane(VerticalScroll, can_focus=True, inherit_bindings=False):
    """The text. Up and down scroll it; left and right are left free to turn the page."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    def blocks(self) -> list[Widget]:
        """The blocks of the text from top to bottom: each box, and each heading, paragraph and list of the Markdown."""
        blocks: list[Widget] = []
        for child in self.children:
            if not child.display:
                continue
            if isinstance(child, Markdown):
                blocks += [block for block in child.children if block.display]
            else:
                blocks.append(child)
        return blocks

    def top_anchor(self) -> tuple[int, int]:
        """Where the reader is: the block at the top of the view (its place in ``blocks``) and how many
        lines of it are above the view. The same place in a translation is the same block."""
        for position, block in enumerate(self.blocks()):
            top, bottom = self._lines_of(block)
            if bottom > 0:
                return position, max(0, -top)
        return 0, 0

    def scroll_to_anchor(self, anchor: tuple[int, int]) -> None:
        """Put the block of ``anchor`` back at the top of the view (the same lines into it, if it still has them)."""
        position, lines_above = anchor
        blocks = self.blocks()
        if not blocks:
            return
        top, bottom = self._lines_of(blocks[min(position, len(blocks) - 1)])
        into = min(lines_above, max(bottom - top - 1, 0))
        self.scroll_to(y=self.scroll_y + top + into, animate=False, immediate=True)

    def _lines_of(self, block: Widget) -> tuple[int, int]:
        """The block's first line (the space above it included) and the line after its last, counted from the top of the view."""
        region = block.region
        view_top = self.content_region.y
        return region.y - block.styles.margin.top - view_top, region.bottom - view_top

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling moves the focused item on screen: keep the terminal cursor on it."""
        super().watch_scroll_y(old_value, new_value)
        self.app.call_after_refresh(self.app.follow_focus)


def contents_entry(number: int, title: str) -> Table:
    """A contents row: the number, then the title; a title that wraps keeps its lines aligned after the number."""
    entry = Table.grid(padding=(0, 1, 0, 0))
    entry.add_column(justify="right", no_wrap=True, width=3)
    entry.add_column(ratio=1, overflow="fold")
    entry.add_row(f"{number}.", Text(title))
    return entry


class ContentsList(KeyList):
    """The list of screens. Up and down choose, Enter opens; left and right still turn the page."""

    BINDINGS = [Binding("enter", "select", "Open", show=False)]


class ReaderScreen(GuideScreen):
    """Shows one guide screen; the contents list, progress and banner stay in place around it.

    Below 80 columns the contents list is hidden so the text keeps a readable width; ``c`` then
    shows the list in place of the text until a screen is chosen (or Escape).
    """

    CSS_PATH = ["reader.tcss", "../widgets/icon_array.tcss", "../widgets/urgency_tiers.tcss", "../widgets/at_a_glance.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]

    BINDINGS = bindings(READER_KEYS)

    index: reactive[int] = reactive(1, init=False)
    """Position of the screen being read, 0-based, in reading order."""

    def __init__(self, start: int = 1) -> None:
        super().__init__()
        self.showing_english = False
        """True while the reader looks at the English original of a translated screen (``e``)."""
        self.set_reactive(ReaderScreen.index, start)

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield ContentsList(*self._contents_options(), id="contents")
            with ReadingPane(id="reading"):
                yield Static(id="progress", markup=False)
                yield Static(id="translation-note", markup=False)
                yield Static(id="title", markup=False)
                yield Static(id="evidence", markup=False)
                yield Static(id="key-points", markup=False)
                yield TimelineView(id="timeline", markup=False)
                yield GuideMarkdown(id="body", open_links=False)
                # The pictures after the words about them, as on paper (where each stands after its own
                # section): under the key points they came before the studies they show, and the alcohol
                # screen's AA picture stood above the ketamine trials (independent reviews r15 and r16).
                # The body stays one Markdown (glossary marks, search landings), so they follow all of it.
                yield Vertical(id="results")
                yield AtAGlanceView(id="glance")
                yield Vertical(id="options")
                yield UrgencyTiersView(id="tiers")
                # Each box's heading is its first line, not its border title: a border title is cut at the
                # box's width, and these are long in some languages (a heading wraps instead).
                with Vertical(id="words"):
                    yield Static(id="words-heading", classes="box-heading", markup=False)
                    yield TermList(id="term-list")
                with Vertical(id="self-check"):
                    yield Static(id="self-check-heading", classes="box-heading", markup=False)
                    yield Static(id="self-check-text", markup=False)
                    yield Button(plain(wording.check_your_understanding()), id="self-check-button", compact=True)
                with Vertical(id="values-offer"):
                    yield Static(id="values-offer-heading", classes="box-heading", markup=False)
                    yield Static(id="values-offer-text", markup=False)
                    yield Button(plain(wording.what_matters_to_me()), id="values-button", compact=True)
                yield GuideMarkdown(id="extra", open_links=False)
                with Vertical(id="ask"):
                    yield Static(id="ask-heading", classes="box-heading", markup=False)
                    yield ProviderQuestions(id="questions")
                    yield Static(id="ask-count", markup=False)
                yield Static(id="meta", markup=False)
        yield Banner(banner_text(self.session.clinic))
        yield KeyBar()

    def _contents_options(self) -> list[Option]:
        return [Option(contents_entry(number, screen.title), id=screen.id) for number, screen in enumerate(self.guide.pages, start=1)]

    async def on_mount(self) -> None:
        self.app.region_changed_signal.subscribe(self, self.region_changed)
        self.app.my_questions_changed_signal.subscribe(self, self._my_questions_changed, immediate=True)
        await self.show_current()
        self.query_one(ReadingPane).focus()

    def _my_questions_changed(self, _my_questions: MyQuestions) -> None:
        if self.is_mounted:
            self.show_questions()

    async def language_changed(self) -> None:
        """Re-render in place: same screen, same section at the top of the text, same focus."""
        pane = self.query_one(ReadingPane)
        anchor = pane.top_anchor()
        contents = self.query_one(ContentsList)
        contents.clear_options()
        contents.add_options(self._contents_options())
        # Built once in compose, so given their words again here (the rest is filled by show_current).
        self.query_one(Banner).update(banner_text(self.session.clinic))
        self.query_one("#self-check-button", Button).label = plain(wording.check_your_understanding())
        self.query_one("#values-button", Button).label = plain(wording.what_matters_to_me())
        self.showing_english = False
        await self.show_current(keep_scroll=True)
        # The translation has the same blocks, of other heights: the same block goes back to the top.
        self.call_after_refresh(pane.scroll_to_anchor, anchor)
        self.call_after_refresh(self.keep_focus_useful)

    def show_self_check(self) -> None:
        """At the end of a main topic, offer the self-check (never a test)."""
        from recovery_guide.model import check_after

        check = check_after(self.guide, self.guide.pages[self.index].id)
        box = self.query_one("#self-check")
        box.display = check is not None
        if check:
            self.query_one("#self-check-heading", Static).update(check.title)
            self.query_one("#self-check-text", Static).update(wording.self_check_intro() + " " + _("Press k, or the button."))

    def show_values_offer(self) -> None:
        """On the screen the content names (``values.yaml``'s ``after``), offer "What matters to me"."""
        values = self.guide.values
        offered = values is not None and values.after == self.guide.pages[self.index].id
        self.query_one("#values-offer").display = offered
        if offered:
            self.query_one("#values-offer-heading", Static).update(wording.what_matters_to_me())
            self.query_one("#values-offer-text", Static).update(_("Think about what matters to you, for your handout. It is never scored. Press w, or the button."))

    def action_self_check(self) -> None:
        from recovery_guide.model import check_after
        from recovery_guide.tui.screens.self_check import SelfCheckScreen

        check = check_after(self.guide, self.guide.pages[self.index].id)
        if check is None:
            self.notify(_("There is a self-check at the end of each main topic."), timeout=3)
            return
        self.app.show(SelfCheckScreen, check.id, callback=self._self_check_closed)

    def _self_check_closed(self, page_id: str | None) -> None:
        """The reader asked to read more about an answer: turn to that page."""
        if page_id:
            self.go_to(self.guide.index_of(page_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "self-check-button":
            event.stop()
            self.action_self_check()
        elif event.button.id == "values-button":
            event.stop()
            self.app.action_what_matters()

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        """A marked word clicked with the mouse: its meaning (links never open anything else)."""
        event.stop()
        if event.href.startswith("term:"):
            from recovery_guide.tui.screens.glossary import TermDefinition

            self.app.show(TermDefinition, event.href.removeprefix("term:"))

    async def region_changed(self, _region_code: str | None) -> None:
        """The reader chose another region: the Get help now screen shows its lines first."""
        if self.guide.pages[self.index].kind is PageKind.HELP_NOW:
            await self.show_current(keep_scroll=True)

    def action_toggle_english(self) -> None:
        """Flip between the translation and the English original of this screen."""
        if self.guide.language.code == "en":
            self.notify(_("You are already reading the English original."), timeout=3)
            return
        self.showing_english = not self.showing_english
        self.run_worker(self.show_current(keep_scroll=True), exclusive=True, group="show")

    async def watch_index(self) -> None:
        self.refresh_bindings()
        await self.show_current()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next is not offered on the last screen, nor Back on the first: the key bar leaves them out
        (rather than showing them dim, which only colour tells apart), and the keys do nothing there."""
        if action == "next":
            return self.index < len(self.guide.pages) - 1
        if action == "previous":
            return self.index > 0
        return True

    async def show_current(self, keep_scroll: bool = False) -> None:
        """Show the current screen, drawn in one go: no frame shows half the old page, half the new."""
        with self.app.batch_update():
            await self._fill_page(keep_scroll)

    async def _show_results(self, results: list, language: str | None = None) -> None:
        """The page's results as icon arrays, after the body and before the options (none on most pages)."""
        from recovery_guide.tui.widgets.icon_array import IconArrayView

        box = self.query_one("#results", Vertical)
        box.display = bool(results)
        views = list(box.query(IconArrayView))
        if len(views) == len(results):  # the same number (a language switch): redrawn in place, heights settle at once
            for view, block in zip(views, results):
                view.show(block, language)
            return
        await box.remove_children()
        if results:
            await box.mount_all([IconArrayView(block, language, classes="icon-array") for block in results])

    async def _fill_page(self, keep_scroll: bool) -> None:
        """Fill every part of the page from its view (``ReadingPage`` says what goes where); the layout itself never changes."""
        guide, screen = self.guide, self.guide.pages[self.index]
        if self.showing_english:
            screen = self.session.guide_in("en").pages[self.index]
        with in_language(screen.language):  # the page's own headings in its language; the chrome stays the reader's
            self.query_one("#key-points").border_title = plain(wording.key_points())
            self.query_one("#ask-heading", Static).update(wording.ask_your_provider())
        language_name = language_names(guide.language.code)[0]
        if self.showing_english:
            note_text = _("You are reading the English original. Press e to go back to {language}.").format(language=language_name)
        elif screen.language != guide.language.code:
            note_text = _("This screen is not yet translated into {language}, so it is shown in English.").format(language=language_name)
        else:
            note_text = ""
        note = self.query_one("#translation-note", Static)
        note.update(note_text)
        note.display = bool(note_text)
        parts = ReadingPage().parts(page_view(guide, screen, self.session.region_code, self.session.clinic))
        self.query_one("#progress", Static).update(wording.step(self.index + 1, len(guide.pages)))
        self.query_one("#title", Static).update(screen.title)
        evidence = self.query_one("#evidence", Static)
        evidence.update(parts.evidence)
        evidence.display = bool(parts.evidence)
        self.query_one("#key-points", Static).update(parts.key_points)
        self.query_one(TimelineView).show_timeline(parts.timeline, screen.language)
        await self._show_results(parts.results, screen.language)
        extra_widget = self.query_one("#extra", Markdown)
        extra_widget.display = bool(parts.extra)
        from recovery_guide.glossary import screen_terms
        from recovery_guide.render.markdown import link_terms

        terms_guide = self.session.guide_in("en") if screen.language != guide.language.code else guide
        terms = screen_terms(terms_guide, screen)
        await self.query_one("#body", Markdown).update(link_terms(parts.body, terms))
        self.query_one(AtAGlanceView).show(parts.glance, screen.language)
        await self._show_options(parts.options, screen.language)
        self.query_one(UrgencyTiersView).show_tiers(parts.tiers)
        words = self.query_one("#words")
        words.display = bool(terms)
        with in_language(screen.language):
            self.query_one("#words-heading", Static).update(wording.words_on_this_screen())
        self.query_one(TermList).set_options([Option(Text(term.term), id=term.id) for term in terms])
        self.show_self_check()
        self.show_values_offer()
        await extra_widget.update(parts.extra)
        ask = self.query_one("#ask")
        questions = self.questions_here(screen)
        ask.display = bool(questions)
        self.show_questions(questions)
        report_problem(self, self.session.visit(self.guide.pages[self.index].id))
        self.query_one("#meta", Static).update(parts.meta)
        contents = self.query_one(ContentsList)
        contents.highlighted = self.index
        if not keep_scroll:  # now, not after the next refresh (see ``land_on``)
            self.query_one(ReadingPane).scroll_home(animate=False, immediate=True)

    async def _show_options(self, block, language: str | None = None) -> None:
        """The options side by side, as cards (none on most screens)."""
        from recovery_guide.tui.widgets.option_cards import OptionCards

        box = self.query_one("#options", Vertical)
        await box.remove_children()
        box.display = block is not None
        if block is not None:
            await box.mount(OptionCards(block, language))

    def questions_here(self, screen) -> list[tuple[Question, EntryKind]]:
        return self.session.questions_on(screen)

    def show_questions(self, questions: list[tuple[Question, EntryKind]] | None = None) -> None:
        if questions is None:
            questions = self.questions_here(self.guide.pages[self.index])
        my_questions = self.session.my_questions
        self.query_one(ProviderQuestions).show_questions([(question, my_questions.has(question.id)) for question, _kind in questions])
        added = sum(my_questions.has(question.id) for question, _kind in questions)
        count = _("{added} of {total} in My questions (m)").format(added=added, total=len(questions)) if questions else ""
        self.query_one("#ask-count", Static).update(count)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, ProviderQuestions):
            self.toggle_question(event.option_index)
            return
        if isinstance(event.option_list, TermList):
            from recovery_guide.tui.screens.glossary import TermDefinition

            self.app.show(TermDefinition, event.option.id)
            return
        self.go_to(event.option_index)
        self.remove_class("-show-contents")
        self.query_one(ReadingPane).focus()

    def toggle_question(self, position: int) -> None:
        screen = self.guide.pages[self.index]
        questions = self.questions_here(screen)
        if not 0 <= position < len(questions):
            return
        question, kind = questions[position]
        added, problem = self.session.toggle_question(screen.id, question.id, question.text, kind)
        report_problem(self, problem)
        self.notify(_("Added to My questions.") if added else _("Taken out of My questions."), timeout=2)

    def action_focus_questions(self) -> None:
        """``s`` while reading: go to the questions, where ``s`` adds the chosen one."""
        if self.questions_here(self.guide.pages[self.index]):
            questions = self.query_one(ProviderQuestions)
            questions.focus()
            questions.scroll_visible(animate=False)
            self.notify(_("Choose a question with the arrows, then press s to add it."), timeout=3)

    def action_write_question(self) -> None:
        screen_id = self.guide.pages[self.index].id

        def written(text: str | None) -> None:
            entry, problem = self.session.add_own(text, screen_id) if text else (None, None)
            if entry:
                report_problem(self, problem)
                self.notify(_("Added to My questions."), timeout=2)

        self.app.show(TextPrompt, _("Write a question"), _("Type a question to ask your provider, in your own words."), callback=written)

    def go_to(self, index: int) -> None:
        """Turn to the screen at ``index``; the focus goes back to the text (the contents keep it while shown).

        Whatever the reader had chosen on the old screen (a question, a word, the self-check
        button) is gone with it: a key meant for it must never act on something not shown.
        """
        self.index = max(0, min(index, len(self.guide.pages) - 1))
        focused = self.focused
        if not isinstance(focused, ContentsList) or not self.shows(focused):
            self.query_one(ReadingPane).focus()

    # --- focus: always on something the reader can see ---------------------------------------------------

    def shows(self, widget: Widget) -> bool:
        """True if ``widget`` is on this screen, displayed, and (inside the text) at least partly in view."""
        if not widget.is_attached or widget.screen is not self:
            return False
        node: Widget | None = widget
        while isinstance(node, Widget) and node is not self:
            if not node.display or not node.visible:
                return False
            node = node.parent
        pane = self.query_one(ReadingPane)
        if widget is pane or pane not in widget.ancestors:
            return True
        return widget.region.overlaps(pane.region)

    def keep_focus_useful(self) -> None:
        """After a language switch or a closed dialog: the focus stays on the reader's item if it is
        still shown, and otherwise goes back to the text (never to something hidden, or to nothing)."""
        if not self.is_mounted or self.app.screen is not self:
            return
        focused = self.focused
        if focused is None or not self.shows(focused):
            self.query_one(ReadingPane).focus()

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self.keep_focus_useful)

    # --- landing on a search match ----------------------------------------------------------------------

    async def land_on(self, match: Match, query: str) -> None:
        """Turn to the match's screen, mark the words found (reversed and underlined, not colour alone)
        and scroll them into view, a third of the way down the text; the focus goes to the text, or to
        the question found.

        Every scroll before the landing is done at once, never left for "after the next refresh": a
        deferred scroll is queued by the widget that asked for it (Textual's ``Widget.scroll_to`` calls
        ``call_after_refresh``), and on a busy machine that widget's queue can reach the screen after
        the landing, undoing it. So the page goes to its top at once (``_fill_page``), focusing the
        question found does not scroll it into view (the landing does), and the landing, made after the
        page is laid out, is the last word."""
        index = self.guide.index_of(match.screen_id)
        self.remove_class("-show-contents")
        self.set_reactive(ReaderScreen.index, index)  # filled here, not by the watcher: the marks go on after
        await self.show_current()
        pane = self.query_one(ReadingPane)
        target, line = self._mark_hit(match, query)
        if isinstance(target, ProviderQuestions):
            target.focus(scroll_visible=False)
        else:
            pane.focus()
        if target is not None:
            self.call_after_refresh(self._bring_line_into_view, target, line)

    def _bring_line_into_view(self, widget: Widget, line: Callable[[], int]) -> None:
        """Scroll so ``line()`` of ``widget`` is about a third of the way down the text (from the layout,
        not from where the widget is on screen, which is out of date until the next frame)."""
        pane = self.query_one(ReadingPane)
        if not widget.is_attached or pane not in widget.ancestors:
            return
        y, node = line(), widget
        while node is not pane:
            y += node.virtual_region.y
            node = node.parent
        pane.scroll_to(y=max(0, y - pane.content_size.height // 3), animate=False, immediate=True)
        self.app.call_after_refresh(self.app.follow_focus)

    def _mark_hit(self, match: Match, query: str) -> tuple[Widget | None, Callable[[], int]]:
        """Mark the words found in the part of the page the match names: (the widget, the line the hit
        is on, asked once the page is laid out at its width)."""
        if match.kind == "title":
            return self._mark_static(self.query_one("#title", Static), query, 0)
        if match.kind == "key-point":
            return self._mark_static(self.query_one("#key-points", Static), query, match.occurrence)
        if match.kind == "timeline":  # drawn as a picture: the whole timeline is brought into view
            return self.query_one(TimelineView), lambda: 0
        if match.kind == "tiers":  # drawn as a picture: the tiers are brought into view
            return self.query_one(UrgencyTiersView), lambda: 0
        if match.kind == "option":  # the card of the option the match names (or the lead-in above the cards)
            from recovery_guide.tui.widgets.option_cards import OptionCard, OptionCards

            shown = self.query(OptionCards)
            parts = option_parts(shown.first().block.intro, shown.first().block.options) if shown else ()
            holding = [(number, field) for number, field, text in parts if part_holds(text, query)]
            number, field = holding[min(match.occurrence, len(holding) - 1)] if holding else (None, "")
            cards = list(self.query(OptionCard))
            if number is not None and number < len(cards):
                card = cards[number]
                found = card.mark(query, HIT_STYLE, in_name=field == "name")
                if found:
                    words, start = found
                    return card, lambda: wrapped_line(words, start, card.content_region.width) if start >= 0 else 0
            box = self.query_one("#options", Vertical)
            return (box, lambda: 0) if box.display else (None, lambda: 0)
        if match.kind == "question":
            questions = self.query_one(ProviderQuestions)
            rows = [number for number, option in enumerate(questions.options) if find_span(str(option.prompt), query)]
            if rows:
                row = questions.highlighted = rows[min(match.occurrence, len(rows) - 1)]
                return questions, lambda: row
            return None, lambda: 0
        return self._mark_body(query, match.occurrence)

    def _mark_static(self, widget: Static, query: str, occurrence: int) -> tuple[Widget | None, Callable[[], int]]:
        """Mark the ``occurrence``-th line (from 0) of a Static's text that holds ``query``."""
        text = str(widget.render())
        offset, lines = 0, []
        for line in text.split("\n"):
            span = find_span(line, query)
            if span:
                lines.append((offset + span[0], offset + span[1]))
            offset += len(line) + 1
        if not lines:
            return None, lambda: 0
        start, end = lines[min(occurrence, len(lines) - 1)]
        widget.update(Content(text).stylize(HIT_STYLE, start, end))
        return widget, lambda: wrapped_line(Content(text), start, widget.content_region.width)

    def _mark_body(self, query: str, occurrence: int) -> tuple[Widget | None, Callable[[], int]]:
        """Mark the ``occurrence``-th heading, paragraph or list item of the body holding ``query``."""
        units = []  # (block, item number in a bullet or numbered list or None, its text)
        for block in self.query_one("#body", Markdown).query(MarkdownBlock):
            if isinstance(block, OneWidgetList) and block.item_texts:
                units += [(block, number, text) for number, text in enumerate(block.item_texts)]
            elif isinstance(block, (MarkdownParagraph, MarkdownHeader)):
                units.append((block, None, block._content))
        found = [(block, item, text, span) for block, item, text in units if (span := find_span(text.plain, query))]
        if not found:
            return None, lambda: 0
        block, item, text, (start, end) = found[min(occurrence, len(found) - 1)]
        marked = text.stylize(HIT_STYLE, start, end)
        if item is None:
            block.set_content(marked)
            return block, lambda: wrapped_line(text, start, block.content_region.width)
        block.set_item_text(item, marked)
        return block, lambda: block.line_of_item(item) + wrapped_line(text, start, block.content_region.width - block.indent)

    async def action_next_match(self) -> None:
        """``.``: the next place the last search found (``,``: the one before), marked in the text."""
        await self.app.step_match(1)

    async def action_previous_match(self) -> None:
        await self.app.step_match(-1)

    def action_next(self) -> None:
        self.go_to(self.index + 1)

    def action_previous(self) -> None:
        self.go_to(self.index - 1)

    def action_contents(self) -> None:
        self.add_class("-show-contents")
        self.query_one(ContentsList).focus()

    def action_close_contents(self) -> None:
        if self.has_class("-show-contents"):
            self.remove_class("-show-contents")
            self.query_one(ReadingPane).focus()

