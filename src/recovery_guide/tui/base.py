"""What every screen of the app shares: key labels shown in the reader's language."""

from __future__ import annotations

import dataclasses

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

from recovery_guide import wording
from recovery_guide.i18n import _


class TranslatedBindingsMixin:
    """Show binding descriptions through gettext.

    ``Binding.description`` is fixed when the class is defined, before any language is chosen, so
    bindings hold the English text (marked with ``N_``) and are translated each time the footer asks.
    """

    @property
    def active_bindings(self):  # type: ignore[override]
        bindings = super().active_bindings  # type: ignore[misc]
        return {
            key: active._replace(
                binding=dataclasses.replace(
                    active.binding,
                    description=_(active.binding.description) if active.binding.description else "",
                    tooltip=_(active.binding.tooltip) if active.binding.tooltip else "",
                )
            )
            for key, active in bindings.items()
        }


class GuideScreen(TranslatedBindingsMixin, Screen):
    """A full screen of the guide."""

    async def language_changed(self) -> None:
        """Show this screen again in the new language, keeping the reader's place."""
        await self.recompose()


class GuideModal(TranslatedBindingsMixin, ModalScreen):
    """A dialog over the guide; Escape closes it and returns the reader to the same place."""

    BINDINGS = [("escape", "dismiss", "Close")]

    _dismissed = False

    def dismiss(self, result=None):  # type: ignore[override]
        """Close once. Textual's dismiss pops whatever screen is on top, so a second Enter or Escape
        typed before this dialog is gone would close the screen beneath it (found by the monkey test)."""
        if self._dismissed or self.app.screen is not self:
            return AwaitComplete(_nothing())
        self._dismissed = True
        return super().dismiss(result)

    async def language_changed(self) -> None:
        await self.recompose()


def banner_text(clinic=None) -> str:
    """The provider framing shown on every screen, with the reader's clinic when there is one."""
    text = wording.provider_banner()
    if clinic is not None:
        details = ", ".join(part for part in (clinic.name, clinic.phone, clinic.hours) if part)
        text += "\n" + wording.your_clinic() + ": " + details
    return text


class TypeToFindModal(GuideModal):
    """A dialog with an Input the reader types into (glossary filter, search)."""

    async def language_changed(self) -> None:
        """Show the dialog again in the new language, keeping what the reader typed."""
        from textual.widgets import Input

        typed = self.query_one(Input).value
        await self.recompose()
        self.on_mount()
        self.query_one(Input).value = typed


async def _nothing() -> None:
    """An already-finished wait, for a dismiss that has nothing left to do."""
