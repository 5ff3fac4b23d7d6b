"""One reader's session: the guide in their language, their region, clinic, questions and saving.

Both front ends, the full-screen app and the line-by-line ``read`` mode, drive the same session, so
a question added, a region chosen or a handout written behaves the same in each. Nothing here imports
Textual, and no method raises for a problem the reader can hit: each returns a message to show.

The session is the one owner of the reader's state, the UI language included, and it announces each
change once (``subscribe``): the app turns those announcements into Textual signals, so the screens
that show the language, the region or My questions follow without anyone calling them.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Callable

from recovery_guide import i18n
from recovery_guide.guide_content.folder import ContentFolder
from recovery_guide.model import Clinic, Guide, KioskSettings, Question, Page, PageKind
from recovery_guide.my_questions import Entry, EntryKind, MyQuestions
from recovery_guide.my_values import MyValues
from recovery_guide.progress import ReadingProgress
from recovery_guide.storage import SavedState, Store


class Change(Enum):
    """What changed in a session, as announced to its listeners."""

    LANGUAGE = "language"
    REGION = "region"
    MY_QUESTIONS = "my questions"
    VALUES = "what matters to me"


Listener = Callable[[Change], None]


SERVED_VARIABLE = "RECOVERY_GUIDE_SERVED"
"""Set to 1 by ``recovery-guide serve`` in each browser tab's app: the reader is not at this computer,
so saving is not offered (``Session.saving_offered``)."""


class Session:
    def __init__(
        self,
        guide: Guide,
        folder: ContentFolder | None = None,
        region_code: str | None = None,
        clinic: Clinic | None = None,
        store: Store | None = None,
        handout_folder: Path | None = None,
        kiosk: KioskSettings | None = None,
        served: bool = False,
    ) -> None:
        self.guide = guide
        self.kiosk = kiosk
        """Set on a shared screen (kiosk mode): nothing is read from or written to the reader's files,
        and ``reset`` clears everything for the next reader."""
        self.saving_offered = kiosk is None and not served
        """False on a shared screen and in a browser tab (``recovery-guide serve``, ``served``): the
        computer running the guide is not the reader's, so nothing of theirs is read or written there;
        a handout is how they take their list away."""
        self.guides: dict[str, Guide] = {guide.language.code: guide}
        """Guides already loaded, by language, so switching back is instant (as written: the reader's
        region's words are laid on by ``guide_in``)."""
        self.folder = folder or ContentFolder()
        """Where every other language comes from (each loaded once, when first asked for)."""
        self.region_code = region_code
        self._show(guide.language.code)  # the UI speaks the guide's language; only the session sets it
        self.region_from_reader = False
        """True once the reader chose a region themselves (only then is it saved)."""
        self.clinic = clinic
        self.store = store or Store()
        self.handout_folder = handout_folder
        """Where a handout is suggested to go (None: the reader's documents folder)."""
        self.my_questions = MyQuestions()
        self.my_values = MyValues()
        """The reader's answers to "What matters to me" (by id; saved only when saving is on)."""
        self.progress = ReadingProgress()
        self.saving = False
        self.theme: str | None = None
        """The theme the reader chose in the app (saved with the rest, if saving is on)."""
        self._listeners: list[Listener] = []
        self._unsaved = False
        """True after a change to My questions that neither the saved file nor a handout holds yet."""
        self._values_held = False
        """True while an answer chosen with ``save=False`` waits to be written (``save_held``)."""
        self._removed: list[tuple[int, Entry]] = []
        """Entries taken out of My questions, with their places, newest last (for ``undo_remove``)."""
        self._start = (kiosk.default_language if kiosk and kiosk.default_language else guide.language.code, region_code)
        """The language and region a reset returns to (kiosk mode: the clinic's default language)."""
        self.startup_notice = self.restore() if self.saving_offered else None  # a shared screen never reads a reader's saved file
        if self.region_code != region_code:  # the saved region: its words
            self._show(self.guide.language.code)

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change)`` after each change to the language, the region or My questions."""
        self._listeners.append(listener)

    def _announce(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    def restore(self) -> str | None:
        """Read saved data if the reader opted in before; returns a notice when a file was set aside."""
        state, notice = self.store.load()
        if state is None:
            return notice
        self.saving = True
        self.my_questions = state.my_questions
        self.my_values = state.values
        self.progress = state.progress
        self.theme = state.theme
        if self.progress.page not in {page.id for page in self.guide.pages}:
            self.progress.page = None
        if state.region and self.guide.region(state.region) and self.region_code is None:
            self.region_code = state.region
            self.region_from_reader = True
        return notice

    # --- language and region ---------------------------------------------------------------------------

    def guide_in(self, code: str) -> Guide:
        """The guide in ``code`` as the reader reads it, English in their region's words (``ContentFolder.regional``),
        loaded once (raises ContentError for broken content)."""
        if code not in self.guides:
            self.guides[code] = self.folder.guide(code)
        return self.folder.regional(self.guides[code], self.region_code)

    def _show(self, code: str) -> bool:
        """The guide and the UI in ``code`` and the reader's region's words: the one place both are set.
        True when the guide's words changed."""
        guide = self.guide_in(code)
        i18n.set_language(code, self.folder.english_words(self.region_code))
        changed, self.guide = guide is not self.guide, guide
        return changed

    def available_languages(self) -> list[str]:
        return self.folder.languages()

    def switch_language(self, code: str) -> Guide:
        """Show everything in ``code`` from now on; raises ContentError (and changes nothing) for broken content."""
        self._show(code)  # loads the guide before it changes anything
        self.save()
        self._announce(Change.LANGUAGE)
        return self.guide

    def set_region(self, code: str | None) -> str | None:
        """The reader's region: its help lines first, and English in its words (a reader in the US reads
        "counseling"). When the words change, LANGUAGE is announced too: every screen shows itself again."""
        self.region_code = code.upper() if code else None
        self.region_from_reader = True
        reworded = self._show(self.guide.language.code)
        problem = self.save()
        self._announce(Change.REGION)
        if reworded:
            self._announce(Change.LANGUAGE)
        return problem

    # --- reading and questions -------------------------------------------------------------------------

    def visit(self, page_id: str) -> str | None:
        self.progress.visit(page_id)
        return self.save()

    # Every change to My questions goes through these methods, never ``my_questions`` directly: each one
    # changes the list, saves (if the reader opted in) and announces it in one step, so neither front end can
    # forget a step (the read mode once saved without announcing). Each returns the problem from saving,
    # a message to show, or None; nothing is saved or announced when nothing changed.

    def toggle_question(self, topic: str, question_id: str, text: str, kind: EntryKind = EntryKind.CURATED) -> tuple[bool, str | None]:
        """Add a curated or clinic question, or take it out again: (True if it is now in the list, problem)."""
        added = self.my_questions.toggle(topic, question_id, text, kind)
        return added, self._my_questions_changed()

    def add_own(self, text: str, topic: str | None = None, kind: EntryKind = EntryKind.OWN) -> tuple[Entry | None, str | None]:
        """Add the reader's own words: (the new entry, or None for blank text, problem)."""
        entry = self.my_questions.add_own(text, topic, kind)
        return entry, self._my_questions_changed() if entry else None

    def edit(self, entry: Entry, text: str) -> tuple[bool, str | None]:
        """Change the reader's own words: (True if changed, problem); curated questions cannot be edited."""
        edited = self.my_questions.edit(entry, text)
        return edited, self._my_questions_changed() if edited else None

    def remove(self, entry: Entry) -> str | None:
        """Take an entry out of the list (``undo_remove`` puts it back); returns the problem from saving."""
        index = next((i for i, item in enumerate(self.my_questions.entries) if item is entry), None)
        if index is None:
            return None
        self._removed.append((index, entry))
        self.my_questions.remove(entry)
        return self._my_questions_changed()

    @property
    def can_undo_remove(self) -> bool:
        return bool(self._removed)

    def undo_remove(self) -> tuple[Entry | None, str | None]:
        """Put the entry removed last back in its place: (the entry, or None if there was none to put back, problem)."""
        while self._removed:
            index, entry = self._removed.pop()
            if entry.kind in (EntryKind.CURATED, EntryKind.CLINIC) and self.my_questions.has(entry.question_id):
                continue  # added again since: nothing to put back
            self.my_questions.insert(index, entry)
            return entry, self._my_questions_changed()
        return None, None

    @property
    def questions_at_risk(self) -> bool:
        """True when quitting now would lose what the reader made: questions in the list or answers to
        "What matters to me", and neither the saved file (saving off, or the last save failed) nor a
        handout made since the last change holds them."""
        return (bool(self.my_questions.entries) or bool(self.my_values)) and self._unsaved

    def move(self, entry: Entry, step: int) -> tuple[bool, str | None]:
        """Move an entry up (-1) or down (+1) within its group: (True if it moved, problem)."""
        moved = self.my_questions.move(entry, step)
        return moved, self._my_questions_changed() if moved else None

    def _my_questions_changed(self) -> str | None:
        """Save (if the reader opted in) and announce a change to My questions; the methods above call it."""
        self._unsaved = True
        problem = self.save()
        self._announce(Change.MY_QUESTIONS)
        return problem

    # --- what matters to me ------------------------------------------------------------------------------

    def rate_value(self, item_id: str, level_id: str | None, *, save: bool = True) -> str | None:
        """Rate one item of "What matters to me" (None: skip it); saves if on and announces. Returns the problem from saving.

        ``save=False`` holds the write back until ``save_held``: the app's arrow keys step through the
        ratings of a row, and writing the file on every step was needless work on the reader's disk."""
        return self._values_changed(save) if self.my_values.rate(item_id, level_id) else None

    def set_own_value(self, text: str, level_id: str | None, *, save: bool = True) -> str | None:
        """Set the reader's own item (blank text clears it) and its level; saves if on and announces (``save``: as ``rate_value``)."""
        return self._values_changed(save) if self.my_values.set_own(text, level_id) else None

    def _values_changed(self, save: bool = True) -> str | None:
        self._unsaved = True
        self._values_held = not save
        problem = self.save() if save else None
        self._announce(Change.VALUES)
        return problem

    def save_held(self) -> str | None:
        """Write the answers held back by ``save=False`` (when the reader leaves a row, the screen, or
        quits); nothing to do, and nothing written, if none is held."""
        return self.save() if self._values_held else None

    def questions_on(self, screen: Page) -> list[tuple[Question, EntryKind]]:
        """A screen's "Ask your provider" questions, plus the clinic's on the last topic screen."""
        questions = [(question, EntryKind.CURATED) for question in screen.questions]
        clinic = self.clinic
        topics = [item for item in self.guide.pages if item.kind is PageKind.TOPIC]
        if clinic and clinic.questions and topics and topics[-1].id == screen.id:
            questions += [(question, EntryKind.CLINIC) for question in clinic.questions]
        return questions

    def handout(self, kind: str) -> str:
        """The handout as it stands: plain text (``kind`` "text") or a printable page ("html")."""
        from recovery_guide.render.handout import build_handout, handout_html, handout_text

        handout = build_handout(self.guide, self.my_questions, self.region_code, self.clinic, visited=self.progress.visited, my_values=self.my_values)
        return handout_html(handout) if kind == "html" else handout_text(handout)

    def handout_delivered(self) -> None:
        """A handout left the app another way than a file here (a browser download under ``serve``,
        printed or shown on a shared screen): it holds the list, so quitting no longer puts it at risk."""
        self._unsaved = False

    def write_handout(self, path: Path, kind: str) -> str | None:
        """Write the handout atomically; returns a message for the reader instead of raising."""
        from recovery_guide.i18n import _
        from recovery_guide.safe_files import NotARegularFile, write_private

        text = self.handout(kind)
        if not path.parent.is_dir():
            return _("That folder does not exist: {folder}").format(folder=path.parent)
        try:
            write_private(path, text)  # 0600: a handout holds health questions
        except NotARegularFile:
            return _("Could not save the handout to {path}: {reason}. Your list is unchanged.").format(path=path, reason=_("it is a folder, a device or a pipe, not a regular file"))
        except OSError as error:
            return _("Could not save the handout to {path}: {reason}. Your list is unchanged.").format(path=path, reason=error.strerror or error)
        self._unsaved = False
        return None

    # --- saving ----------------------------------------------------------------------------------------

    def save(self) -> str | None:
        """Write the saved file if the reader opted in; returns a problem message or None.

        Every write of the reader's state (questions, answers, place, language, region, theme) comes
        through here, so on a shared screen (``kiosk``), where saving is never on, nothing is written."""
        if not self.saving or not self.saving_offered:
            self._values_held = False
            return None
        state = SavedState(
            my_questions=self.my_questions,
            progress=self.progress,
            language=self.guide.language.code,
            region=self.region_code if self.region_from_reader else None,
            theme=self.theme,
            values=self.my_values,
        )
        merged, problem = self.store.save_merged(state)
        if self.store.erased:  # the reader erased it in another window: never write it back
            self.store.erased = False
            self.saving = False
        if problem is None:
            self._unsaved = self._values_held = False
        if merged is not None:
            self._adopt(merged)
        return problem

    def _adopt(self, merged: SavedState) -> None:
        """Take in what another window saved (the store merged it with ours): its questions, answers and
        pages read join ours, so the next save keeps them and this window shows them. Entries both
        windows had stay the same objects (a screen may hold them)."""
        unused = list(self.my_questions.entries)
        entries = []
        for entry in merged.my_questions.entries:
            same = next((item for item in unused if _same_entry(item, entry)), entry)
            if same is not entry:
                unused.remove(same)
            entries.append(same)
        if len(entries) != len(self.my_questions.entries) or any(a is not b for a, b in zip(entries, self.my_questions.entries)):
            self.my_questions.entries = entries
            self._announce(Change.MY_QUESTIONS)
        if merged.values.to_data() != self.my_values.to_data():
            self.my_values = merged.values
            self._announce(Change.VALUES)
        self.progress.visited = merged.progress.visited

    def set_saving(self, enabled: bool) -> str | None:
        """Turn saving on (writes now) or off (erases what was saved)."""
        if enabled == self.saving:
            return None
        if not self.saving_offered:
            return kiosk_no_saving()
        if enabled and not self.store.available:
            return self.store.unavailable_message()
        self.saving = enabled
        return self.save() if enabled else self.store.forget()

    def forget_everything(self) -> str | None:
        """Erase saved data, clear the list and the answers to "What matters to me"; saving is switched off."""
        self.saving = False
        self.my_questions = MyQuestions()
        had_values, self.my_values = bool(self.my_values), MyValues()
        self.progress = ReadingProgress()
        self._removed.clear()
        self._unsaved = False
        problem = self.store.forget() if self.saving_offered else None  # a shared screen saved nothing to erase
        self._announce(Change.MY_QUESTIONS)
        if had_values:
            self._announce(Change.VALUES)
        return problem


    @property
    def fresh(self) -> bool:
        """Nothing for a reset to clear: the starting language and region, and nothing in My
        questions or What matters to me."""
        return (self.guide.language.code, self.region_code) == self._start and not self.my_questions.entries and not self.my_values

    def reset(self) -> str | None:
        """Start over for the next reader (kiosk mode): My questions and "What matters to me" cleared,
        the pages read forgotten, and the language and region back to where the guide started.
        Returns a message when the starting language could not be loaded (the rest is still cleared)."""
        self.forget_everything()
        language, region = self._start
        self.region_code, self.region_from_reader = region, False
        reworded = self._show(self.guide.language.code)
        self._announce(Change.REGION)
        if reworded and self.guide.language.code == language:  # else switch_language announces it
            self._announce(Change.LANGUAGE)
        if self.guide.language.code != language:
            try:
                self.switch_language(language)
            except Exception as error:  # a broken content folder: keep the language shown, clear the rest
                return str(error)
        return None


def kiosk_no_saving() -> str:
    """Why saving cannot be turned on: the guide is on a shared screen."""
    from recovery_guide.i18n import _

    return _("This is a shared screen, so nothing is saved here. Make a handout to take your questions with you.")


def _same_entry(a: Entry, b: Entry) -> bool:
    """The same entry of My questions, by the merge's own rule (``saved_merge.entry_identity``)."""
    from recovery_guide.saved_merge import entry_identity

    return entry_identity(a.kind, a.question_id, a.topic, a.text) == entry_identity(b.kind, b.question_id, b.topic, b.text)
