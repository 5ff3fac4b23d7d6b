"""What the browser page says, in the guide's language: its title, its ``lang`` and every word on it.

The page shows the guide's name and language (never the command the server runs). Its words are UI
strings like the app's, translated in the catalogs; the template only places them, and jinja escapes
every value it is given.
"""

from __future__ import annotations

from recovery_guide import wording
from recovery_guide.i18n import _, language_names, language_tag, text_direction


def page_context(language: str) -> dict[str, object]:
    """Values for ``templates/*.html``; call after ``i18n.set_language(language)``."""
    native, _english = language_names(language)
    name = wording.app_title()
    return {
        "title": f"{name} · {native}",
        "name": name,
        "lang": language_tag(language),
        "dir": text_direction(language),
        "words": {
            "opening": _("Opening the guide…"),
            "closed": _("This reading of the guide has ended."),
            "start_again": _("Start again"),
            "busy": _("Too many people are reading the guide right now. Please try again in a minute."),
            "try_again": _("Try again"),
            "needs_script": _("This guide needs JavaScript. Please turn it on in your browser."),
        },
    }
