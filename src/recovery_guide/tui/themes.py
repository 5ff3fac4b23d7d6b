"""The guide's colour themes: standard, light, high contrast and monochrome.

Names are plain data so ``--theme`` can be checked without importing Textual. Nothing in the guide
depends on colour alone (urgency is in words, focus changes the border style and the cursor), so
every theme, monochrome included, carries all the information.
"""

from __future__ import annotations

import os

from recovery_guide.i18n import N_

THEMES: dict[str, str] = {
    "standard": N_("Standard"),
    "light": N_("Light"),
    "high-contrast": N_("High contrast"),
    "monochrome": N_("Monochrome"),
}
"""Theme name (used by --theme and saved) -> label shown to the reader (translated when shown)."""

def default_theme(environ=os.environ) -> str:
    """Monochrome when the reader asked for no colour (https://no-color.org), standard otherwise."""
    return "monochrome" if environ.get("NO_COLOR") else "standard"


def next_theme(name: str) -> str:
    names = list(THEMES)
    return names[(names.index(name) + 1) % len(names)] if name in names else names[0]


THEME_VARIABLE_DEFAULTS = {"banner-text-style": "bold"}
"""Our own theme variables, as the standard and light themes have them (``App.get_theme_variable_defaults``)."""

FLAT_THEMES = {
    "high-contrast": {"accent": "#FFFF00", "secondary": "#00FFFF", "error": "#FF8080", "success": "#00FF00"},
    "monochrome": {"accent": "#FFFFFF", "secondary": "#FFFFFF", "error": "#FFFFFF", "success": "#FFFFFF"},
}
"""Our own themes: white on pure black, with one accent colour (or none), so every text is at full contrast."""

WITHOUT_COLOUR_CUES = {
    "block-cursor-text-style": "bold reverse",
    "block-cursor-blurred-text-style": "bold reverse",
    "banner-text-style": "bold underline",
}
"""What the flat themes change besides colours: where colour no longer tells the highlighted row of a
list (focused or not) from the others, it is drawn reversed; the banner is underlined."""


def register_themes(app) -> None:
    """Register all four themes under our own names (imports Textual, so only the full-screen app calls it).

    Standard and light are Textual's dark and light themes, renamed, so ``app.theme`` is always one of
    ``THEMES`` and is what ``--theme`` takes and the saved file keeps.
    """
    import dataclasses

    from textual.theme import BUILTIN_THEMES, Theme

    app.register_theme(dataclasses.replace(BUILTIN_THEMES["textual-dark"], name="standard"))
    app.register_theme(dataclasses.replace(BUILTIN_THEMES["textual-light"], name="light"))
    for name, colours in FLAT_THEMES.items():
        accent = colours["accent"]
        app.register_theme(
            Theme(
                name=name,
                primary=accent,
                secondary=colours["secondary"],
                accent=accent,
                warning=accent,
                error=colours["error"],
                success=colours["success"],
                foreground="#FFFFFF",
                background="#000000",
                surface="#000000",
                panel="#000000",
                boost="#000000",
                dark=True,
                luminosity_spread=0.0,
                text_alpha=1.0,
                variables={
                    "footer-key-foreground": accent,
                    "block-cursor-background": accent,
                    "block-cursor-foreground": "#000000",
                    "text-muted": "#FFFFFF",
                    **WITHOUT_COLOUR_CUES,
                },
            )
        )
