"""``recovery-guide read``: the whole guide as plain lines, for screen readers and braille displays.

No full-screen redraw, no cursor movement, no colour, no box drawing: it prints one screen at a time
and a short numbered menu, and reads the reader's choice as an ordinary line of input. Everything
the full-screen app offers that makes sense in text is here, in every language. It is also what runs
when TERM is ``dumb``. It never imports Textual. A screen is shown as the text writer's ``read``
variant of the page view (``recovery_guide.view``), so it says what ``print`` and the app say.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, TextIO

from recovery_guide import wording
from recovery_guide.i18n import _, in_language, language_names
from recovery_guide.key_names import with_keys
from recovery_guide.model import Question, PageKind
from recovery_guide.my_questions import EntryKind
from recovery_guide.render.text import TextWriter, compact_region, fill, region_lines
from recovery_guide.session import Session
from recovery_guide.streams import write_through
from recovery_guide.view.pages import help_lines, page_view, urgency_tiers


class EndOfInput(Exception):
    """Standard input closed (Ctrl+D, or the end of a scripted session): leave quietly."""


def _tolerant(stream: TextIO) -> TextIO:
    """A terminal stream that replaces what its encoding cannot carry instead of raising: invalid
    UTF-8 typed at a prompt becomes U+FFFD (one question, not a crash), and a character the
    terminal's encoding lacks is printed as ``?``. Streams that cannot be reconfigured are kept."""
    try:
        stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        pass
    return stream


def _without_surrogates(line: str) -> str:
    """A typed line with invalid bytes as U+FFFD: a stream decoded with ``surrogateescape`` (the C
    locale) hands them on as lone surrogates, which no handout or saved file can be written with."""
    return line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class PlainReader:
    def __init__(self, session: Session, stdin: TextIO | None = None, stdout: TextIO | None = None, handout_folder: Path | None = None) -> None:
        self.session = session
        self.stdin = _tolerant(stdin or sys.stdin)
        self.stdout = _tolerant(stdout or sys.stdout)
        self.index = 0
        self.handout_folder = handout_folder
        self.resume_screen = session.progress.page
        """Where the reader stopped last time, if they keep their place (offered on the first menu)."""
        self.writer = TextWriter(plain=True)
        """Pages as the text writer's ``read`` variant: no underlines; the questions are listed here."""

    # --- input and output -------------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        self._write(text.rstrip("\n") + "\n")

    def _write(self, text: str) -> None:
        write_through(self.stdout, text)

    def ask(self, prompt: str) -> str:
        self._write(prompt + " ")
        line = self.stdin.readline()
        if not line:
            self.say()
            raise EndOfInput
        return _without_surrogates(line).strip()

    def choose(
        self,
        title: str,
        items: list[tuple[str, Callable[[], object] | None]],
        back_label: str | None = None,
        letters: dict[str, Callable[[], object]] | None = None,
    ) -> object:
        """Print a numbered menu and run the chosen item. 0 is always back (or quit); h is always help now.

        ``letters`` (the main menu) also accepts the letters the welcome screen speaks of: n, p, q and ?.
        ``?`` prints what may be typed, then the menu again.
        """
        letters = letters or {}
        show_menu = True
        while True:
            if show_menu:
                self.say()
                self.say(title)
                for number, (label, _action) in enumerate(items, start=1):
                    self.say(f"  {number}. {label}")
                self.say(f"  0. {back_label or _('Back')}")
                if letters:
                    self.say(fill(self.letters_line(), initial_indent="  ", subsequent_indent="  "))
                show_menu = False
            answer = self.ask(with_keys(_("Type a number or a letter, then press {enter}:")) if letters else with_keys(_("Type a number, then press {enter}:")))
            letter = answer.lower()
            if letter == "h":
                self.help_now()
                continue
            if answer == "0" or (letters and letter == "q"):
                return None
            if letters and letter == "?":
                self.say()
                self.say(fill(self.keys_help()))
                show_menu = True
                continue
            if letter in letters:
                return letters[letter]()
            if answer.isdigit() and 1 <= int(answer) <= len(items):
                action = items[int(answer) - 1][1]
                return action() if action else int(answer)
            if letters:
                self.say(_("Please type one of the numbers shown, from 0 to {last}, or one of the letters n, p, ?, h or q.").format(last=len(items)))
            else:
                self.say(_("Please type one of the numbers shown, from 0 to {last}.").format(last=len(items)))

    @staticmethod
    def letters_line() -> str:
        """Shown under the main menu: the letters it accepts besides the numbers."""
        return _("Or type a letter: n next screen, p previous screen, ? what you can type, h help lines, q quit.")

    @staticmethod
    def keys_help() -> str:
        """What ``?`` says: this mode reads lines, so the arrow keys of the full-screen guide do nothing here."""
        return with_keys(_(
            "In this line-by-line mode, type a number or a letter, then press {enter}. "
            "The arrow keys do not work here. "
            "At the main menu: n is the next screen, p the previous screen, ? shows this help, "
            "h shows crisis and help lines, q quits, and a number chooses from the menu. "
            "At any other menu: a number chooses, 0 goes back, h shows help lines."
        ))

    def pick(self, title: str, options: list[str]) -> int | None:
        """Choose one of ``options`` by number; returns its position or None for back."""
        chosen = self.choose(title, [(option, None) for option in options])
        return None if chosen is None else int(chosen) - 1

    # --- the guide --------------------------------------------------------------------------------------

    @property
    def guide(self):
        return self.session.guide

    def run(self) -> int:
        try:
            self.say(wording.app_title())
            self.say(fill(wording.provider_banner()))
            self.say(with_keys(_("Type h and press {enter} at any menu for crisis and help lines.")))
            if self.session.startup_notice:
                self.say(fill(self.session.startup_notice))
            self.show()
            # The welcome text is written for the full-screen guide (arrow keys, ?): say what works here.
            self.say(fill(self.keys_help()))
            while self.main_menu():
                pass
        except EndOfInput:
            pass
        except KeyboardInterrupt:  # Ctrl+C: end the prompt's line, and exit as interrupted programs do
            self.say()
            return 130
        return 0

    def show(self) -> None:
        screen = self.guide.pages[self.index]
        self.session.visit(screen.id)
        self.say()
        if screen.language != self.guide.language.code:  # said in the reader's language; the page is English whole
            language = language_names(self.guide.language.code)[0]
            self.say(fill(_("This screen is not yet translated into {language}, so it is shown in English.").format(language=language)))
        self.say(self.writer.page(page_view(self.guide, screen, self.session.region_code)))
        questions = self.questions_here()
        if questions:
            with in_language(screen.language):  # the page's own heading, in its language
                self.say(wording.label_line(wording.ask_your_provider()))
            for number, (question, _kind) in enumerate(questions, start=1):  # the mark is the reader's own list: their language
                mark = " (" + _("in My questions") + ")" if self.session.my_questions.has(question.id) else ""
                self.say(fill(question.text + mark, initial_indent=f"  {number}. ", subsequent_indent="     "))

    def questions_here(self) -> list[tuple[Question, EntryKind]]:
        return self.session.questions_on(self.guide.pages[self.index])

    def main_menu(self) -> bool:
        """One round of the main menu; False when the reader quits."""
        first = self.index == 0
        items: list[tuple[str, Callable[[], object] | None]] = [
            (_("I understand - start reading") if first else _("Next screen"), lambda: self.go(self.index + 1)),
        ]
        items += [
            (_("Previous screen"), lambda: self.go(self.index - 1)),
            (_("Read this screen again"), self.show),
            (_("Contents"), self.contents),
            (wording.my_questions(), self.my_questions),
            (_("Get help now"), self.help_now),
            (_("Language"), self.language),
            (wording.glossary(), self.glossary),
            (_("Search the guide"), self.search),
        ]
        if self.guide.language.code != "en":
            items.append((_("English original"), self.english_original))
        saved = self.resume_screen
        if first and saved and saved != self.guide.pages[0].id:
            label = _("I understand - continue where I left off (step {number}: {title})").format(
                number=self.guide.index_of(saved) + 1, title=self.guide.page(saved).title
            )
            items.append((label, lambda: self.go(self.guide.index_of(saved))))
        from recovery_guide.model import check_after

        check = check_after(self.guide, self.guide.pages[self.index].id)
        if check:
            items.append((check.title, lambda: self.self_check(check.id)))
        if self.guide.values is not None and self.index == len(self.guide.pages) - 1:
            items.append((wording.what_matters_to_me(), self.what_matters))  # after the last screen; w from anywhere
        letters = {"n": lambda: self.go(self.index + 1), "p": lambda: self.go(self.index - 1)}
        if self.guide.values is not None:
            letters["w"] = self.what_matters
        result = self.choose(_("What next?"), items, back_label=_("Quit"), letters=letters)
        return result is not None or self._quit_confirmed()

    def _quit_confirmed(self) -> bool:
        """0 quits; say so, so a screen reader user knows the program ended on purpose. With questions
        that are not saved, ask first, as the app does: a handout, keep them, or quit without (0: back)."""
        if self.session.questions_at_risk:
            self.say()
            self.say(fill(wording.not_kept_warning(bool(self.session.my_questions.entries))))
            choice = self.pick(_("Quit"), [_("Make a handout to take along"), _("Keep them for next time, and quit"), _("Quit without keeping them")])
            if choice is None:
                return True
            if choice == 0:
                self.handout()
                if self.session.questions_at_risk:  # no handout made: back to the menu, nothing lost
                    return True
            elif choice == 1:
                problem = self.session.save() if self.session.saving else self.session.set_saving(True)
                if problem:
                    self._report(problem)
                    return True
        self.say(_("Goodbye. Talk with your provider before you decide anything."))
        return False

    def english_original(self) -> bool:
        """The current screen as written in English, for a reader who wants to compare."""
        english = self.session.guide_in("en")
        self.say()
        self.say(self.writer.page(page_view(english, english.pages[self.index], self.session.region_code)))
        return True

    def go(self, index: int) -> bool:
        if 0 <= index < len(self.guide.pages):
            self.index = index
            self.show()
        else:
            self.say(_("There is no screen there."))
        return True

    def contents(self) -> bool:
        titles = [screen.title for screen in self.guide.pages]
        position = self.pick(_("Contents"), titles)
        if position is not None:
            self.go(position)
        return True

    # --- help now and region ---------------------------------------------------------------------------

    def help_now(self) -> bool:
        guide, region = self.guide, self.session.region_code
        self.say()
        self.say(guide.first_of_kind(PageKind.HELP_NOW).title)
        if region:
            self.say(self.writer.write(help_lines(guide, region)))
        else:
            self.say(wording.no_local_emergency_number())
            self.say(wording.every_region())
            for item in guide.regions:
                self.say(compact_region(item))
            self.say(wording.help_lines_checked(guide.help_lines_checked))
        tiers = urgency_tiers(guide)
        if tiers:  # after the numbers, as in the app's dialog: which signs call for which number
            self.say()
            self.say(self.writer.write(tiers))
        clinic = self.session.clinic
        if clinic and clinic.phone:
            self.say(wording.labelled(wording.your_clinic(), wording.labelled(clinic.name, clinic.phone)))
        self.choose(_("Get help now"), [(_("Choose your region"), self.choose_region)])
        return True

    def choose_region(self) -> bool:
        regions = self.guide.regions
        options = [_("I am somewhere else: show every region")] + [f"{region.name} ({region.code})" for region in regions]
        position = self.pick(_("Your region"), options)
        if position is None:
            return True
        self.session.set_region(None if position == 0 else regions[position - 1].code)
        region = self.guide.region(self.session.region_code) if self.session.region_code else None
        if region:
            self.say(region_lines(region))
        return True

    # --- language ---------------------------------------------------------------------------------------

    def language(self) -> bool:
        codes = self.session.available_languages()
        options = [" - ".join(dict.fromkeys(language_names(code))) for code in codes]
        position = self.pick(_("Language"), options)
        if position is None:
            return True
        from recovery_guide.guide_content.yaml_source import ContentError

        try:
            self.session.switch_language(codes[position])
        except ContentError as error:
            self.say(str(error))
            return True
        self.show()
        return True

    # --- My questions -----------------------------------------------------------------------------------

    def list_questions(self) -> list:
        groups = self.session.my_questions.groups(self.guide, self.session.clinic, wording.general_questions())
        entries = []
        self.say()
        self.say(wording.label_line(wording.my_questions()))
        if not groups:
            self.say(_("Your list is empty."))
        for group in groups:
            self.say(group.title)
            for entry, text in group.entries:
                entries.append(entry)
                own = " (" + _("my words") + ")" if entry.kind is EntryKind.OWN else ""
                self.say(fill(text + own, initial_indent=f"  {len(entries)}. ", subsequent_indent="     "))
        return entries

    def my_questions(self) -> bool:
        while True:
            entries = self.list_questions()
            saving = _("Saving is ON: choose to stop keeping my questions on this computer") if self.session.saving else _(
                "Saving is OFF: choose to keep my questions and place on this computer"
            )
            items = [
                (_("Add a question from this screen"), self.add_from_screen),
                (_("Write a question"), self.write_own),
                (_("Edit your question"), lambda: self.edit_own(entries)),
                (_("Remove a question"), lambda: self.remove(entries)),
                (_("Move a question up"), lambda: self.move_up(entries)),
                (_("Make a handout"), self.handout),
                (saving, self.toggle_saving),
                (_("Forget everything"), self.forget),
            ]
            if self.choose(wording.my_questions(), items) is None:
                return True

    def _report(self, problem: str | None, success: str = "") -> None:
        if problem:
            self.say(problem)
        elif success:
            self.say(success)

    def add_from_screen(self) -> bool:
        questions = self.questions_here()
        if not questions:
            self.say(_("This screen has no questions. Write your own instead."))
            return True
        my_questions = self.session.my_questions
        options = [question.text + (" (" + _("in My questions") + ")" if my_questions.has(question.id) else "") for question, _kind in questions]
        position = self.pick(_("Add the chosen question to My questions (press again to take it out)"), options)
        if position is not None:
            question, kind = questions[position]
            added, problem = self.session.toggle_question(self.guide.pages[self.index].id, question.id, question.text, kind)
            self._report(problem, _("Added to My questions.") if added else _("Taken out of My questions."))
        return True

    def write_own(self) -> bool:
        text = self.ask(_("Type a question to ask your provider, in your own words.") + "\n>")
        entry, problem = self.session.add_own(text, self.guide.pages[self.index].id)
        if entry:
            self._report(problem, _("Added to My questions."))
        return True

    def _which(self, entries: list, own_only: bool = False):
        if not entries:
            self.say(_("Your list is empty."))
            return None
        answer = self.ask(_("Which question? Type its number:"))
        if not answer.isdigit() or not 1 <= int(answer) <= len(entries):
            self.say(_("Please type one of the numbers shown, from 0 to {last}.").format(last=len(entries)))
            return None
        entry = entries[int(answer) - 1]
        if own_only and entry.kind not in (EntryKind.OWN, EntryKind.UNDERSTANDING):
            self.say(_("This question comes from the guide. You can remove it, or write your own."))
            return None
        return entry

    def edit_own(self, entries: list) -> bool:
        entry = self._which(entries, own_only=True)
        if entry is not None:
            text = self.ask(with_keys(_("Change the words, then press {enter}.")) + "\n>")
            edited, problem = self.session.edit(entry, text)
            if edited:
                self._report(problem)
        return True

    def remove(self, entries: list) -> bool:
        entry = self._which(entries)
        if entry is not None:
            self._report(self.session.remove(entry), _("Taken out of My questions."))
        return True

    def move_up(self, entries: list) -> bool:
        entry = self._which(entries)
        if entry is not None:
            moved, problem = self.session.move(entry, -1)
            if moved:
                self._report(problem)
        return True

    def handout(self) -> bool:
        from recovery_guide.handout_paths import UnusablePath, default_path, free_path, resolve

        if not self.session.my_questions.entries and not self.session.my_values:  # say so rather than save an empty handout
            self.say(_("Your list is empty."))
            return True
        kind = self.pick(_("Make a handout"), [_("Plain text (.txt)"), _("Page to print (.html)")])
        if kind is None:
            return True
        kind_name = "html" if kind == 1 else "text"
        suggested = free_path(default_path(kind_name, folder=self.handout_folder))
        answer = self.ask(_("Save to this file:") + f" [{suggested}]\n>")
        try:
            path = resolve(answer, kind_name, self.handout_folder) if answer else suggested
        except UnusablePath as problem:
            self.say(str(problem))
            return True
        if path.exists() and self.pick(_("A file named {name} is already there. Replace it with this handout?").format(name=path.name), [_("Replace")]) != 0:
            return True  # never replace an earlier handout (or any file) without asking
        problem = self.session.write_handout(path, kind_name)
        self._report(problem, _("Handout saved: {path}").format(path=path))
        return True

    def toggle_saving(self) -> bool:
        enabled = not self.session.saving
        problem = self.session.set_saving(enabled)
        success = _("Saving is on. Your questions and place are kept on this computer.") if enabled else _("Saving is off. Nothing is kept on this computer.")
        self._report(problem, success)
        return True

    def forget(self) -> bool:
        chosen = self.pick(_("Erase your saved questions and place from this computer, and clear this list?"), [_("Erase")])
        if chosen == 0:
            self._report(self.session.forget_everything(), _("Everything is forgotten. Nothing is kept on this computer."))
        return True

    # --- glossary, search, self-checks -----------------------------------------------------------------

    def glossary(self) -> bool:
        from recovery_guide.glossary import filter_terms, screens_using, sorted_terms

        query = self.ask(_("Type to filter the words") + " " + with_keys(_("(or just press {enter} for all):")) + "\n>")
        terms = filter_terms(sorted_terms(self.guide), query)
        if not terms:
            self.say(_("No word matches. Try fewer letters."))
            return True
        self.say()
        self.say(wording.label_line(wording.glossary()))
        for term in terms:
            self.say(fill(wording.labelled(term.term, term.definition), initial_indent="  ", subsequent_indent="    "))
            steps = ", ".join(str(self.guide.index_of(screen.id) + 1) for screen in screens_using(self.guide, term.id))
            if steps:
                self.say(f"    {wording.used_on()} {steps}")
        return True

    def search(self) -> bool:
        from recovery_guide.search import search

        query = self.ask(_("Type a word to find, e.g. blood pressure") + "\n>")
        matches = [match for match in search(self.guide, query) if match.screen_id] if query.strip() else []
        if not matches:
            self.say(_("Nothing found. Try another word, or press g for the list of words."))
            return True
        options = [wording.labelled(wording.step(self.guide.index_of(m.screen_id) + 1, len(self.guide.pages)), m.snippet) for m in matches[:20]]
        position = self.pick(_("Found: {count}.").format(count=len(matches)), options)
        if position is not None:
            self.go(self.guide.index_of(matches[position].screen_id))
        return True

    def self_check(self, check_id: str) -> bool:
        check = next(item for item in self.guide.self_checks if item.id == check_id)
        self.say()
        self.say(check.title)
        self.say(fill(wording.self_check_intro()))
        for number, question in enumerate(check.questions, start=1):
            self.say()
            self.say(_("Question {number} of {total}").format(number=number, total=len(check.questions)))
            position = self.pick(question.prompt, [choice.text for choice in question.choices])
            if position is None:
                return True
            self.say(fill(wording.self_check_verdict(question, question.choices[position].id)))
            self.say(fill(question.explanation))
            self.say(wording.read_more(self.guide.index_of(question.screen) + 1, self.guide.page(question.screen).title))
        self.say()
        text = self.ask(fill(wording.own_words_prompt(check.topic)) + "\n" + with_keys(_("(or just press {enter} to skip):")) + "\n>")
        entry, problem = self.session.add_own(text, check.id, EntryKind.UNDERSTANDING)
        if entry:
            self._report(problem, _("Added to My questions, under \"Please check my understanding\"."))
        return True

    # --- what matters to me ------------------------------------------------------------------------------

    def what_matters(self) -> bool:
        """Each item on one line: a rating word by its number, Enter to skip (0 takes a rating out);
        then the reader's own item. Never scored: the answers go on the handout as words."""
        values = self.guide.values  # the answers are read afresh each time: a save may take in another window's
        self.say()
        self.say(wording.what_matters_to_me())
        self.say(fill(values.intro))
        choices = ", ".join(f"{number} {level.text}" for number, level in enumerate(values.levels, start=1))
        choices = with_keys(_("{choices}. {enter}: skip. 0: take out."), choices=choices)
        for item in values.items:
            self.say()
            level = self._ask_level(item.text, self.session.my_values.ratings.get(item.id), choices)
            if level is not False:
                self._report(self.session.rate_value(item.id, level))
        self.say()
        text = self.ask(fill(_("Something else that matters to me (you can leave this empty):")) + "\n>")
        if text:
            answers = self.session.my_values
            kept = answers.own_level if answers.own_text else None
            level = self._ask_level(text, kept, choices)
            self._report(self.session.set_own_value(text, kept if level is False else level))  # Enter keeps the rating it had
        self.say(fill(_("Your answers will be on your handout, to talk about with your provider. Nothing is scored.")))
        return True

    def _ask_level(self, text: str, current: str | None, choices: str):
        """A level id, None (0: take the rating out) or False (Enter: leave it as it is)."""
        values = self.guide.values
        now = values.level(current or "")
        # TRANSLATORS: after a "What matters to me" item in read mode: the answer the reader gave before.
        rated = _("now: {level}").format(level=now.text) if now else ""  # outside an f-string, where the extractor finds it
        label = fill(text) + (f" ({rated})" if now else "")
        while True:
            answer = self.ask(label + "\n" + fill(choices) + "\n>")
            if not answer:
                return False
            if answer == "0":
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(values.levels):
                return values.levels[int(answer) - 1].id
            self.say(with_keys(_("Please type a number from 1 to {last}, or just press {enter} to skip."), last=len(values.levels)))
