"""The welcome screen: what the guide is, and the notice the reader accepts before reading on."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from recovery_guide import linebreak, wording
from recovery_guide.i18n import _
from recovery_guide.key_names import with_keys
from recovery_guide.model import PageKind
from recovery_guide.tui.widgets.banner import Banner
from recovery_guide.tui.base import GuideScreen, banner_text
from recovery_guide.tui.keys import WELCOME_KEYS, bindings
from recovery_guide.tui.plain_text import plain
from recovery_guide.tui.widgets.deferred_markdown import DeferredMarkdown
from recovery_guide.tui.widgets.key_bar import KeyBar
from recovery_guide.tui.widgets.options_chart import OptionsChartView
from recovery_guide.view import options_chart


def titled(widget: Widget, title: str) -> Widget:
    """``widget`` with a border title, set before it is mounted (afterwards it costs another render)."""
    widget.border_title = plain(title)
    return widget


MAX_WIDTH = 76
"""The welcome's column at most (``#welcome-scroll > *`` in welcome.tcss)."""
SIDE_ROOM = 6
"""The scroll's padding and its scroll bar, beside that column."""
CHROME = 2
"""The lines the banner and the key bar take below the scroll."""

#: Below this many lines the welcome screen is laid out tighter (see ``WelcomeScreen.on_resize``).
SHORT_HEIGHT = 30


class WelcomeScreen(GuideScreen):
    """Step 1. Reading starts only after the reader presses "I understand"."""

    CSS_PATH = ["welcome.tcss", "../widgets/options_chart.tcss"]
    BINDINGS = bindings(WELCOME_KEYS)

    class Acknowledged(Message):
        """The reader pressed "I understand" (``resume``: and asked to continue where they left off)."""

        def __init__(self, welcome: WelcomeScreen, resume: bool) -> None:
            super().__init__()
            self.welcome = welcome
            self.resume = resume

    def __init__(self) -> None:
        super().__init__()
        self.retired = False
        self.first_view_shown = False  # a resize after it keeps the reader's place (see fit_height)

    def retire(self) -> None:
        """Reading has begun: this screen stays under the reading screen for good, empty.

        It is Textual's first screen (``RecoveryGuideApp.get_default_screen``), which cannot be
        switched away, so instead it lets go of its widgets and no longer follows language switches.
        """
        self.retired = True
        self.call_after_refresh(self.remove_children)

    async def welcome_again(self) -> None:
        """Kiosk mode started over: this screen shows itself again, for the next reader."""
        self.retired = False
        await self.recompose()
        self.query_one("#acknowledge", Button).focus(scroll_visible=False)
        self.fit_height(self.size.height, first_view=True)

    async def language_changed(self) -> None:
        """Shown again in the new language (not once retired); the switch makes new buttons, laid out
        for this terminal's height too."""
        if not self.retired:
            await super().language_changed()
            self.fit_height(self.size.height, first_view=True)

    @property
    def welcome(self):
        """The welcome screen's content in the current language."""
        return self.guide.first_of_kind(PageKind.WELCOME)

    @property
    def body(self) -> str:
        """The welcome text and the app's own (``app_only``: how it keeps your privacy); on a shared
        screen without "Press q to quit" (q does nothing there)."""
        text = "\n\n".join(part.strip("\n") for part in (self.welcome.body, self.welcome.app_only) if part)
        if self.session.kiosk is None:
            return text
        from recovery_guide.view.paper import without_quit_instructions

        return without_quit_instructions(text)

    @property
    def saved_page(self) -> str | None:
        """The page a returning reader left off at (None for a first visit or a page no longer in the guide)."""
        saved = self.session.progress.page
        return saved if saved and saved in (screen.id for screen in self.guide.pages) else None

    def resume_label(self, short: bool) -> str:
        """The second button's label: the step to go back to, by number and, where there is room, by
        title (on a short terminal the title would push the button below the first view in German)."""
        number = self.guide.index_of(self.saved_page) + 1
        if short:
            return plain(_("I understand - continue where I left off (step {number})").format(number=number))
        return plain(_("I understand - continue where I left off (step {number}: {title})").format(number=number, title=self.guide.page(self.saved_page).title))

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-scroll"):
            yield Static(wording.step(1, len(self.guide.pages)), id="progress", markup=False)
            yield Static(self.welcome.title, id="title", markup=False)
            if self.welcome.main_message:
                yield titled(Static(self.welcome.main_message, id="main-message", markup=False), wording.main_message())
                yield OptionsChartView(options_chart.groups(self.guide), id="options-chart")
            yield titled(Static("\n".join(f"- {point}" for point in self.welcome.key_points), id="key-points", markup=False), wording.key_points())
            yield titled(Static(self.welcome.acknowledge or "", id="notice", markup=False), _("Before you start"))
            with Center():
                yield Button(plain(_("I understand - start reading")), id="acknowledge", variant="primary")
            if self.saved_page:
                with Center():
                    yield Button(self.resume_label(short=False), id="resume")
            yield DeferredMarkdown(self.body, id="body")
        yield Banner(banner_text(self.session.clinic))
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#acknowledge", Button).focus(scroll_visible=False)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_height(event.size.height)

    def fit_height(self, height: int, first_view: bool = False) -> None:
        """The reader's first view is the step line and title, the main message, the notice and the
        focused button, together (CDC Clear Communication Index: the main message first; a frightened
        reader must see what to press). On a short terminal (80x24 is the usual size) that fits only
        when the key points wait below the buttons and the buttons take one line (the ``-short`` rules
        in welcome.tcss). Called on every resize and after every recompose (a language switch and
        kiosk mode's start-over make new widgets). It also scrolls to that view when asked
        (``first_view``), the first time, and when the layout turns short or tall (the key points move,
        so the reader's place would not hold anyway); other resizes keep the reader's place. With saved
        progress the button to continue is on the first view too, so the key points wait below the
        buttons at every height and a short terminal names the step by number only."""
        if self.retired:  # its widgets are gone
            return
        short = height < SHORT_HEIGHT
        first_view = first_view or not self.first_view_shown or short != self.has_class("-short")
        self.set_class(short, "-short")
        self.set_class(self.saved_page is not None, "-resumable")
        for button in self.query(Button):
            button.compact = short
        for button in self.query("#resume").results(Button):
            button.label = self.resume_label(short)
        scroll = self.query_one("#welcome-scroll")
        key_points = self.query_one("#key-points")
        # a returning reader has read the key points; the way back in comes first (at 100x30 they pushed
        # "continue where I left off" below the first view)
        later = short or self.saved_page is not None
        scroll.move_child(key_points, before=self.query_one("#body" if later else "#notice"))
        for chart in self.query("#options-chart"):  # under the main message where the first view still holds the button
            if self.chart_fits(height, short, later):
                scroll.move_child(chart, after=self.query_one("#main-message"))
            else:
                scroll.move_child(chart, before=self.query_one("#body"))  # after the key points: their safety warning comes first
            self.call_after_refresh(self.show_first_view)

    def show_first_view(self) -> None:
        """Once the new layout is drawn: the top of the welcome, then the focused button scrolled into
        view. Where all of it fits (every language at 60x20 and up) nothing above the button moves;
        where it cannot, the button wins, as Textual's focus always scrolls it into view. The button is
        brought into view without its margin (``scroll_to_widget`` would keep that blank line in view too,
        and push the step line off a screen where the button ends on the last line)."""
        self.first_view_shown = True
        scroll = self.query_one("#welcome-scroll")
        button = self.focused
        if button is None:
            return
        place = button.region.translate(scroll.scroll_offset - scroll.scrollable_content_region.offset)
        scroll.scroll_home(animate=False, immediate=True)
        scroll.scroll_to_region(place, animate=False, immediate=True)

    def chart_fits(self, height: int, short: bool, later: bool) -> bool:
        """Whether "The options at a glance" can sit right under the main message with the focused
        button still in the first view; where it cannot, it waits below the buttons, after the key points
        (whose first point is a safety warning). Decided from the texts' wrapped lines before the layout
        (moving it after the layout made the first view jump, and scrolled to where the button had been),
        with two lines to spare."""
        width = min(MAX_WIDTH, self.app.size.width - SIDE_ROOM)
        gap = 0 if short else 1

        def box(text: str) -> int:  # a bordered, padded box and its margin
            return len(linebreak.wrap_cells(text, width - 4)) + 2 + gap

        rows = 1 + 1 + gap + box(self.welcome.main_message or "") + box(self.welcome.acknowledge or "")
        if not later:
            rows += box("\n".join(f"- {point}" for point in self.welcome.key_points)) + len(self.welcome.key_points) - 1
        rows += (1 if short else 4) * (2 if self.saved_page else 1)
        chart = self.query_one("#options-chart", OptionsChartView)
        rows += len(chart.lines(width)) + 1
        return rows + 2 <= height - CHROME

    def on_deferred_markdown_built(self, event: DeferredMarkdown.Built) -> None:
        """How this language's text was made goes under the welcome text, once that text is there.

        The page view is imported here, after the first frame, not with the screen: the first frame
        needs none of it (benchmarks/README.md)."""
        from recovery_guide.view.pages import language_note

        note = titled(Static(language_note(self.guide), id="language-note", markup=False), wording.language_note())
        self.query_one("#welcome-scroll").mount(note, after=event.deferred)

    def action_not_yet(self) -> None:
        """``n``, the arrows or ``c`` before reading has begun: say how to begin, with the button ready."""
        self.query_one("#acknowledge", Button).focus()
        self.notify(with_keys(_("First press {enter} to start reading. Then n goes to the next screen and c shows the contents.")), timeout=5)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("acknowledge", "resume"):
            event.stop()
            self.post_message(self.Acknowledged(self, resume=event.button.id == "resume"))
