"""One reader's session: the guide in their language, their region, clinic, questions and saving.

Both front ends, the full-screen app and the line-by-line ``read`` mode, drive the same session, so
a question added, a region chosen or a handout written behaves the same in each. Nothing here imports
Textual, and no method raises for a problem the reader can hit: each returns a message to show.
"""

from __future__ import annotations

from pathlib import Path

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.model import Clinic, Guide, Question, Page, PageKind
from recovery_guide.my_questions import EntryKind, MyQuestions
from recovery_guide.storage import SavedState, Store


class Session:
    def __init__(
        self,
        guide: Guide,
        folder: ContentFolder | None = None,
        region_code: str | None = None,
        clinic: Clinic | None = None,
        store: Store | None = None,
    ) -> None:
        self.guide = guide
        self.guides: dict[str, Guide] = {guide.language.code: guide}
        """Guides already loaded, by language, so switching back is instant."""
        self.folder = folder or ContentFolder()
        """Where every other language comes from (each loaded once, when first asked for)."""
        self.region_code = region_code
        self.region_from_reader = False
        """True once the reader chose a region themselves (only then is it saved)."""
        self.clinic = clinic
        self.store = store or Store()
        self.notebook = MyQuestions()
        self.saved_screen: str | None = None
        """The last screen read; offered as "continue where you left off" when saving is on."""
        self.saving = False
        self.theme: str | None = None
        """The theme the reader chose in the app (saved with the rest, if saving is on)."""
        self.startup_notice = self.restore()

    def restore(self) -> str | None:
        """Read saved data if the reader opted in before; returns a notice when a file was set aside."""
        state, notice = self.store.load()
        if state is None:
            return notice
        self.saving = True
        self.notebook = state.notebook
        self.theme = state.theme
        known = {screen.id for screen in self.guide.pages}
        self.saved_screen = state.screen if state.screen in known else None
        if state.region and self.guide.region(state.region) and self.region_code is None:
            self.region_code = state.region
            self.region_from_reader = True
        return notice

    # --- language and region ---------------------------------------------------------------------------

    def guide_in(self, code: str) -> Guide:
        """The guide in ``code``, loaded once (raises ContentError for broken content)."""
        if code not in self.guides:
            self.guides[code] = self.folder.guide(code)
        return self.guides[code]

    def available_languages(self) -> list[str]:
        return self.folder.languages()

    def switch_language(self, code: str) -> Guide:
        guide = self.guide_in(code)
        i18n.set_language(code)
        self.guide = guide
        self.save()
        return guide

    def set_region(self, code: str | None) -> None:
        self.region_code = code.upper() if code else None
        self.region_from_reader = True
        self.save()

    # --- reading and questions -------------------------------------------------------------------------

    def visit(self, screen_id: str) -> str | None:
        self.notebook.visit(screen_id)
        self.saved_screen = screen_id
        return self.save()

    def questions_on(self, screen: Page) -> list[tuple[Question, EntryKind]]:
        """A screen's "Ask your provider" questions, plus the clinic's on the last topic screen."""
        questions = [(question, EntryKind.CURATED) for question in screen.questions]
        clinic = self.clinic
        topics = [item for item in self.guide.pages if item.kind is PageKind.TOPIC]
        if clinic and clinic.questions and topics and topics[-1].id == screen.id:
            questions += [(question, EntryKind.CLINIC) for question in clinic.questions]
        return questions

    def write_handout(self, path: Path, kind: str) -> str | None:
        """Write the handout atomically; returns a message for the reader instead of raising."""
        from recovery_guide.atomic import write_text_atomic
        from recovery_guide.i18n import _
        from recovery_guide.render.handout import build_handout, handout_html, handout_text

        handout = build_handout(self.guide, self.notebook, self.region_code, self.clinic)
        text = handout_html(handout) if kind == "html" else handout_text(handout)
        if not path.parent.is_dir():
            return _("That folder does not exist: {folder}").format(folder=path.parent)
        try:
            write_text_atomic(path, text)
        except OSError as error:
            return _("Could not save the handout to {path}: {reason}. Your list is unchanged.").format(path=path, reason=error.strerror or error)
        return None

    # --- saving ----------------------------------------------------------------------------------------

    def save(self) -> str | None:
        """Write the saved file if the reader opted in; returns a problem message or None."""
        if not self.saving:
            return None
        state = SavedState(
            notebook=self.notebook,
            screen=self.saved_screen,
            language=self.guide.language.code,
            region=self.region_code if self.region_from_reader else None,
            theme=self.theme,
        )
        return self.store.save(state)

    def set_saving(self, enabled: bool) -> str | None:
        """Turn saving on (writes now) or off (erases what was saved)."""
        if enabled == self.saving:
            return None
        self.saving = enabled
        return self.save() if enabled else self.store.forget()

    def forget_everything(self) -> str | None:
        """Erase saved data and clear the list; saving is switched off."""
        self.saving = False
        self.notebook = MyQuestions()
        self.saved_screen = None
        return self.store.forget()
