"""What every screen of the app shares: key labels in the reader's language, the session, and
showing itself again when the language changes."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from textual.await_complete import AwaitComplete
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from recovery_guide import wording
from recovery_guide.i18n import _
from recovery_guide.key_names import with_keys

if TYPE_CHECKING:
    from recovery_guide.model import Guide
    from recovery_guide.session import Session

MODAL_STYLES = Path(__file__).with_name("modal.tcss")
"""The dialogs' common look; each dialog lists it first in its ``CSS_PATH``."""


class TranslatedBindingsMixin:
    """Show binding descriptions through gettext.

    ``Binding.description`` is fixed when the class is defined, before any language is chosen, so
    bindings hold the English text (marked with ``N_``) and are translated each time the footer asks;
    a key named in a tooltip (``{up}``) is filled in from ``key_names``.
    """

    @property
    def active_bindings(self):  # type: ignore[override]
        bindings = super().active_bindings  # type: ignore[misc]
        return {
            key: active._replace(
                binding=dataclasses.replace(
                    active.binding,
                    description=_(active.binding.description) if active.binding.description else "",
                    tooltip=with_keys(_(active.binding.tooltip)) if active.binding.tooltip else "",
                )
            )
            for key, active in bindings.items()
        }


class FollowsLanguage:
    """A screen of the guide: reads the reader's state from the session, and follows language switches.

    It subscribes to the app's ``language_changed_signal`` when mounted; ``language_changed`` shows
    it again in the new language (a screen that must keep more than Textual keeps overrides it).
    """

    @property
    def session(self) -> Session:
        return self.app.session  # type: ignore[attr-defined]

    @property
    def guide(self) -> Guide:
        """The guide in the reader's current language."""
        return self.session.guide

    def _on_mount(self) -> None:
        """Subscribe once per mount. Textual looks handlers up class by class, so a subclass's own
        ``on_mount`` runs as well (but a class defining both ``_on_mount`` and ``on_mount`` gets only
        the first: subscribe in ``on_mount`` there, as My questions and Get help now do)."""
        self.app.language_changed_signal.subscribe(self, self._language_signal)  # type: ignore[attr-defined]

    async def _language_signal(self, _guide: Guide) -> None:
        await self.language_changed()

    async def language_changed(self) -> None:
        """Show this screen again in the new language, keeping the reader's place and the focus.

        ``recompose`` replaces every widget, the focused one too: without putting the focus back
        on its new copy (same id), Enter and the arrow keys would do nothing after a switch."""
        focused = self.focused  # type: ignore[attr-defined]
        focused_id = focused.id if focused is not None else None
        await self.recompose()  # type: ignore[attr-defined]
        if self.focused is None:  # type: ignore[attr-defined]
            again = self.query(f"#{focused_id}") if focused_id else None  # type: ignore[attr-defined]
            if again:
                again.first().focus()
            else:
                self.focus_next()  # type: ignore[attr-defined]


class GuideScreen(FollowsLanguage, TranslatedBindingsMixin, Screen):
    """A full screen of the guide."""


class GuideModal(FollowsLanguage, TranslatedBindingsMixin, ModalScreen):
    """A dialog over the guide; Escape closes it and returns the reader to the same place."""

    CSS_PATH = [MODAL_STYLES]
    BINDINGS = [("escape", "dismiss", "Close")]

    _dismissed = False

    def dismiss(self, result=None):  # type: ignore[override]
        """Close once. Textual's dismiss pops whatever screen is on top, so a second Enter or Escape
        typed before this dialog is gone would close the screen beneath it (found by the monkey test)."""
        if self._dismissed or self.app.screen is not self:
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)


def report_problem(node: DOMNode, problem: str | None) -> None:
    """Show a problem the session reported (a file not saved, say); nothing when there is none."""
    if problem:
        node.notify(problem, severity="error", timeout=8)


def banner_text(clinic=None) -> str:
    """The provider framing shown on every screen, with the reader's clinic when there is one.

    The clinic's details are run into one line (a clinic file's ``hours`` may hold many); the banner's
    height is capped in ``app.tcss`` and the rest scrolls inside it, so a long clinic file never
    pushes the page or Get help now's numbers off a 60x20 window. Get help now lists them in full."""
    text = wording.provider_banner()
    if clinic is not None:
        details = ", ".join(" ".join(part.split()) for part in (clinic.name, clinic.phone, clinic.hours) if part)
        text += "\n" + wording.labelled(wording.your_clinic(), details)
    return text


class TypeToFindModal(GuideModal):
    """A dialog with an Input the reader types into (glossary filter, search) above a list of what it found.

    Down goes from the typing line to the list (only if the list has rows: an empty list would hold
    the focus with nothing to show); Up on the first row, or any arrow in an empty list, goes back,
    and so does typing a letter in the list (it is added to the words typed).
    """

    CSS_PATH = [MODAL_STYLES, Path(__file__).parent / "screens" / "find.tcss"]

    @staticmethod
    def fill_list(found, options) -> None:
        """Show ``options`` in the list; an empty list takes no focus (Tab passes it by)."""
        found.set_options(options)
        found.can_focus = bool(options)

    def on_key(self, event) -> None:
        from textual.widgets import Input, OptionList

        typed, found = self.query_one(Input), self.query_one(OptionList)
        if event.key == "down" and self.focused is typed:
            event.stop()
            if found.option_count:
                found.focus()
                found.highlighted = found.highlighted or 0
        elif event.key in ("up", "down") and self.focused is found and (not found.option_count or (event.key == "up" and not found.highlighted)):
            event.stop()
            typed.focus()
        elif self.focused is found and event.is_printable and event.character:
            event.stop()  # typing in the list goes on typing on the line above, at its end
            typed.select_on_focus = False
            typed.focus()
            typed.cursor_position = len(typed.value)
            typed.insert_text_at_cursor(event.character)
            self.call_after_refresh(setattr, typed, "select_on_focus", True)

    async def language_changed(self) -> None:
        """Show the dialog again in the new language, keeping what the reader typed."""
        from textual.widgets import Input

        typed = self.query_one(Input).value
        await self.recompose()
        self.on_mount()
        self.query_one(Input).value = typed


async def _nothing() -> None:
    """An already-finished wait, for a dismiss that has nothing left to do."""
