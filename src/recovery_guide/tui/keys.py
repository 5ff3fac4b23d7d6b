"""Every key of the guide, declared once: the bindings, the keys help, the palette and the README.

The same key used to be written four times (the ``BINDINGS`` of each screen, the ``?`` screen, the
command palette and the README's table) and the copies drifted. Now each key is one ``Key``: the
classes take their ``BINDINGS`` from here (``bindings``), and each ``Binding`` carries its id, its
short label (the key bar) and its longer meaning (``tooltip``), Posting style. The ``?`` screen, the
command palette and a test of the README's table are all written from these records.

Words are marked with ``N_`` and translated when shown, so a language switch changes them all.
Each key also says how much the key bar needs it (``importance``): the bar folds the least needed
keys away first when the line is too short, and never the essential ones.
A few rows describe keys Textual or a widget handles itself (Tab, Escape, scrolling): they are
declared here with ``action=""`` so the keys help lists them, and no binding is made from them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.binding import Binding

from recovery_guide.i18n import N_
from recovery_guide.key_names import ARROWS, with_keys


@dataclass(frozen=True)
class Key:
    id: str
    """The binding id (stable: a test and the palette refer to keys by it)."""
    key: str
    """Textual's key names, comma-separated, e.g. ``right,n``."""
    action: str
    """The action run; empty for a key a widget handles itself (listed in the help only)."""
    label: str = ""
    """The short word on the key bar (empty: never shown there)."""
    help: str = ""
    """What the key does, for the ``?`` screen and the README (empty: not listed, e.g. the second
    half of a pair written as one row)."""
    key_name: str = ""
    """How the ``?`` screen writes the key when it is not simply ``key_display`` or ``key``; a key's
    name is a placeholder (``{enter}``, ``{up}``), so it is written as the reader's keyboard prints it."""
    key_display: str | None = None
    show: bool = True
    command: str = ""
    """The command palette's title for this key (empty: not offered there)."""
    command_help: str = ""
    """The palette's line under the title."""
    importance: int = 2
    """How much the key bar needs it, when the line is too short for every key: ``ESSENTIAL`` (0) is
    never folded away (Get help now, Keys, Quit, a dialog's way out); then 1, the screen's main
    keys; 2, the others (the default); 3 and 4 fold first. The bar shows its keys in this order."""
    words: str = ""
    """More words the palette finds the command by, besides its title and line (each language lists its own)."""
    priority: bool = False
    """Checked before the focused widget's own keys (Ctrl+X must reach the app from a typing line too)."""

    @property
    def help_key(self) -> str:
        """The key as the ``?`` screen and the README write it (untranslated: key names are
        placeholders, ``{enter}``, filled in by ``key_names.with_keys``)."""
        return self.key_name or self.key_display or self.key

    def binding(self) -> Binding:
        return Binding(self.key, self.action, self.label, show=self.show, key_display=self.key_display, tooltip=self.help, id=self.id, priority=self.priority)


ESSENTIAL = 0
"""The importance of a key the bar always shows, at any width down to 60 columns, in any language."""


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    """The ``BINDINGS`` of a class: one Binding per key that has an action."""
    return [key.binding() for key in keys if key.action]


# --- the app, anywhere -----------------------------------------------------------------------------

HELP_NOW = Key("help-now", "h", "help_now", N_("Get help now"), N_("Get help now: crisis and help lines, from anywhere"),
               command=N_("Get help now"), command_help=N_("Crisis and help lines"),
               words=N_("crisis emergency danger phone call support"), importance=ESSENTIAL)
MY_QUESTIONS = Key("my-questions", "m", "my_questions", N_("My questions"), N_("My questions: your list, to reorder, edit and save"),
                   command=N_("My questions"), command_help=N_("Your list of questions for your provider"),
                   words=N_("list questions appointment doctor"), importance=2)
HANDOUT = Key("handout", "x", "handout", N_("Handout"), N_("Make a handout to take to your appointment"), show=False,
              command=N_("Make a handout"), command_help=N_("Save your questions to print or take along"),
              words=N_("print paper file handout appointment"))
WHAT_MATTERS = Key("what-matters", "w", "what_matters", N_("What matters"), N_("What matters to me: rate what matters to you, for your handout (never scored)"),
                   command=N_("What matters to me"), command_help=N_("Rate what matters to you, to talk about with your provider"),
                   words=N_("values priorities important decide choice"), importance=4)
LANGUAGE = Key("language", "l", "choose_language", N_("Language"), N_("Language: read the guide in another language"),
               command=N_("Language"), command_help=N_("Read the guide in another language"),
               words=N_("translation English Spanish French German Portuguese Vietnamese Chinese"), importance=3)
THEME = Key("theme", "t", "next_theme", N_("Theme"), N_("Change the colours: standard, light, high contrast, monochrome"), show=False,
            command=N_("Theme"), command_help=N_("Change the colours: standard, light, high contrast, monochrome"),
            words=N_("colour color colours colors dark light contrast black and white"))
GLOSSARY = Key("glossary", "g", "glossary", N_("Words"), N_("Words used in this guide, with their meanings"), show=False,
               command=N_("Words used in this guide"), command_help=N_("Plain meanings of medical words"),
               words=N_("glossary dictionary meaning definition"))
SEARCH = Key("search", "slash", "search", N_("Search"), N_("Search the whole guide"), key_display="/", show=False,
             command=N_("Search the guide"), command_help=N_("Find a word on any screen"),
             words=N_("find look for"))
KEYS_HELP = Key("keys-help", "question_mark", "keys_help", N_("Keys"), N_("This list of keys"), key_display="?",
                command=N_("Keys"), command_help=N_("Show every key and what it does"),
                words=N_("keyboard shortcuts help how to use"), importance=ESSENTIAL)
QUIT = Key("quit", "q", "quit", N_("Quit"), N_("Quit"), command=N_("Quit"), command_help=N_("Close the guide"), words=N_("exit leave stop"), importance=ESSENTIAL)
QUIT_CONTROL = Key("quit-control", "ctrl+q,ctrl+c", "quit", N_("Quit"), show=False)
"""Ctrl+Q and Ctrl+C run the same ``quit`` as ``q`` (Textual's own Ctrl+C only showed an English hint):
quitting with questions not saved always asks first."""
COMMAND_PALETTE = Key("command-palette", "ctrl+p", "command_palette", N_("Menu"), N_("Search all actions and screens"), key_name="{ctrl}+P", key_display="^p",
                      importance=4)

START_OVER = Key("start-over", "o", "start_over", N_("Start over"), N_("Start over: clears my questions, for the next person"),
                 command=N_("Start over — clears my questions"), command_help=N_("Clear everything on this shared screen for the next person"),
                 words=N_("reset clear new next person restart"), importance=ESSENTIAL)
"""Kiosk mode only (a shared screen), where it takes Quit's place on the key bar, in the keys help and the palette."""
STAFF_EXIT = Key("staff-exit", "ctrl+x", "staff_exit", show=False, priority=True)
"""Kiosk mode only: staff type the clinic's code to close the guide (docs/clinic.md); not listed for readers."""

APP_KEYS = (HELP_NOW, MY_QUESTIONS, HANDOUT, LANGUAGE, THEME, GLOSSARY, SEARCH, KEYS_HELP, QUIT, COMMAND_PALETTE, WHAT_MATTERS, QUIT_CONTROL, START_OVER, STAFF_EXIT)
"""``RecoveryGuideApp.BINDINGS``."""

# --- the reading screen ------------------------------------------------------------------------------

NEXT = Key("next", "right,n", "next", N_("Next"), N_("Next screen"), key_name=N_("{right} or n"), key_display=f"{ARROWS['right']}/n",
           command=N_("Next screen"), command_help=N_("Go to the next screen"), importance=1)
PREVIOUS = Key("previous", "left,p", "previous", N_("Back"), N_("Previous screen"), key_name=N_("{left} or p"), key_display=f"{ARROWS['left']}/p",
               command=N_("Previous screen"), command_help=N_("Go back one screen"), importance=1)
CONTENTS = Key("contents", "c", "contents", N_("Contents"), N_("Contents: choose a screen, then press {enter}"),
               command=N_("Contents"), command_help=N_("Choose a screen from the list"),
               words=N_("table of contents chapters list of screens"))
CLOSE_CONTENTS = Key("close-contents", "escape", "close_contents", N_("Close"), show=False)
CHOOSE_QUESTION = Key("choose-question", "s", "focus_questions", N_("Add to My questions"),
                      N_("Add the chosen question to My questions (press again to take it out)"), show=False)
WRITE_OWN_QUESTION = Key("write-own-question", "a", "write_question", N_("Write a question"), N_("Write a question of your own"), show=False,
                         command=N_("Write a question"), command_help=N_("Add a question in your own words"),
                         words=N_("own words type add question"))
SELF_CHECK = Key("self-check", "k", "self_check", N_("Check your understanding"), N_("At the end of a topic: check your understanding (not a test)"),
                 show=False, command=N_("Check your understanding"), command_help=N_("A few questions at the end of a topic, never scored"),
                 words=N_("quiz test yourself"))
ENGLISH_ORIGINAL = Key("english-original", "e", "toggle_english", N_("English original"), N_("Show the English original of this screen, and back"),
                       show=False, command=N_("English original"), command_help=N_("Show this screen in English, and back"),
                       words=N_("translation original language"))

NEXT_MATCH = Key("next-match", "full_stop", "next_match", N_("Next match"), N_("After a search: go to the next place the words were found (, goes back)"),
                 key_name=N_(". and ,"), key_display=".", show=False,
                 command=N_("Next match"), command_help=N_("Go to the next place your last search found"))
"""Like ``n`` in ``less``, whose ``n`` and ``N`` turn the page here: two keys that clash with nothing."""
PREVIOUS_MATCH = Key("previous-match", "comma", "previous_match", N_("Previous match"), key_display=",", show=False,
                     command=N_("Previous match"), command_help=N_("Go back to the place your last search found before"))

READER_KEYS = (NEXT, PREVIOUS, CONTENTS, CLOSE_CONTENTS, CHOOSE_QUESTION, WRITE_OWN_QUESTION, SELF_CHECK, ENGLISH_ORIGINAL, NEXT_MATCH, PREVIOUS_MATCH)
"""``ReaderScreen.BINDINGS``: their palette commands run on the reading screen."""

WELCOME_KEYS = (Key("welcome-not-yet", "right,n,left,p,c", "not_yet", show=False),)
"""On the welcome screen the page keys and ``c`` say how to begin, instead of doing nothing."""

TERM_MEANING = Key("term-meaning", "enter", "select", N_("Meaning"), N_("On a word in the list of words on a screen: show its meaning"), key_name="{enter}",
                   importance=1)
"""On the list of words of a reading screen."""
ADD_QUESTION = Key("add-question", "s,enter", "select", N_("Add to My questions"), importance=1)
"""On the "Ask your provider" list of a reading screen (the ``?`` screen lists it as ``CHOOSE_QUESTION``)."""

# --- dialogs ----------------------------------------------------------------------------------------------

CLOSE_HELP = Key("close-help", "escape,h", "dismiss", N_("Close"), importance=ESSENTIAL)
CHOOSE_REGION = Key("choose-region", "r", "app.choose_region", N_("Region"), N_("In Get help now: choose your region"),
                    command=N_("Choose your region"), command_help=N_("Show the help lines for where you are"),
                    words=N_("country place phone numbers"))


def in_dialog(key: Key) -> Key:
    """An app key inside a dialog, where Textual does not reach the app's own keys: the same key
    (same id, words and importance), running the app's action."""
    return dataclasses.replace(key, action=f"app.{key.action}")


APP_KEYS_IN_DIALOGS = (in_dialog(HELP_NOW), in_dialog(KEYS_HELP), in_dialog(QUIT))
"""Get help now, Keys and Quit in a dialog the reader chooses from rather than types into (My
questions, the language and region lists, a word's meaning): a frightened reader's ``h`` works
there too. A dialog with a typing line leaves them out: there ``h`` and ``q`` are letters."""

HELP_NOW_KEYS = (CLOSE_HELP, CHOOSE_REGION, *(key for key in APP_KEYS_IN_DIALOGS if key.id != "help-now"))
"""Get help now: ``h`` (or Escape) closes it; Keys and Quit work there as everywhere."""

MY_QUESTIONS_KEYS = (
    Key("close", "escape,m", "dismiss", N_("Close"), importance=ESSENTIAL),
    Key("write-question", "a", "add_own", N_("Write a question")),
    Key("edit-question", "e,enter", "edit", N_("Edit")),
    Key("move-up", "u", "move(-1)", N_("Move up"), N_("In My questions: move a question up or down"), key_name=N_("u and d"), importance=3),
    Key("move-down", "d", "move(1)", N_("Move down"), importance=3),
    Key("remove-question", "delete,backspace,s", "remove", N_("Remove")),
    Key("undo-remove", "z,ctrl+z", "undo_remove", N_("Undo"), N_("In My questions: put back the question you removed last"), key_name="z",
        importance=1),
    Key("handout-from-list", "x", "app.handout", N_("Handout"), importance=3),
    *APP_KEYS_IN_DIALOGS,
)
"""My questions is a dialog, so Get help now, Keys and Quit are declared again for it (``in_dialog``)."""

VALUES_KEYS = (
    Key("close-values", "escape", "close", N_("Close"), importance=ESSENTIAL),
    Key("values-up", "up", "move(-1)", N_("Move"), N_("In What matters to me: {up} and {down} move between the items"), key_name="{up} {down}",
        key_display=ARROWS["up"] + ARROWS["down"], importance=1),
    Key("values-down", "down", "move(1)", N_("Move"), show=False),
    Key("values-less", "left", "level(-1)", N_("Choose"), N_("In What matters to me: {left} and {right}, or 1 to 4, choose how much it matters (0 skips)"),
        key_name=N_("{left} {right}, 1 to 4"), key_display=ARROWS["left"] + ARROWS["right"], importance=1),
    Key("values-more", "right", "level(1)", N_("Choose"), show=False),
    *(Key(f"values-{number}", str(number), f"pick({number})", N_("Choose"), show=False) for number in range(5)),
    Key("values-done", "enter", "close", N_("Close"), show=False),
)
"""What matters to me. The arrows and digits are the screen's: on the typing line of the reader's own
item, Left, Right, digits and Enter belong to the line (Textual asks the focused widget first)."""

QUIT_DIALOG_KEYS = (Key("quit-cancel", "escape", "dismiss", N_("Go back"), importance=ESSENTIAL),)
"""The question asked before quitting with questions not saved: Escape goes back to reading."""

# --- keys Textual or a widget handles (listed in the help, bound elsewhere) -------------------------

SCROLL = Key("scroll", "up,down,pageup,pagedown", "", help=N_("Scroll the text"), key_name="{up} {down}, {pageup}, {pagedown}")
TAB = Key("tab", "tab", "", help=N_("Move between the contents, the text and the questions"), key_name="{tab}")
ESCAPE = Key("escape", "escape", "", help=N_("Close this window"), key_name="{escape}")

HELP_ORDER = (
    NEXT, PREVIOUS, SCROLL, CONTENTS, HELP_NOW, CHOOSE_REGION, CHOOSE_QUESTION, WRITE_OWN_QUESTION, MY_QUESTIONS, MY_QUESTIONS_KEYS[3], MY_QUESTIONS_KEYS[6],
    WHAT_MATTERS, VALUES_KEYS[1], VALUES_KEYS[3], HANDOUT, GLOSSARY, SEARCH, NEXT_MATCH, SELF_CHECK, TERM_MEANING, THEME, LANGUAGE, ENGLISH_ORIGINAL, KEYS_HELP, TAB, COMMAND_PALETTE, ESCAPE, QUIT,
)
"""The rows of the ``?`` screen and of the README's key table, in reading order."""

PALETTE_ORDER = (
    HELP_NOW, CHOOSE_REGION, MY_QUESTIONS, WRITE_OWN_QUESTION, WHAT_MATTERS, HANDOUT, GLOSSARY, SEARCH, NEXT_MATCH, PREVIOUS_MATCH, SELF_CHECK, THEME, KEYS_HELP,
    NEXT, PREVIOUS, CONTENTS, LANGUAGE, ENGLISH_ORIGINAL, QUIT, START_OVER,
)
"""The keys offered in the command palette, most needed first (each has a ``command`` title)."""


BOUND_KEYS = APP_KEYS + READER_KEYS + WELCOME_KEYS + (TERM_MEANING, ADD_QUESTION) + HELP_NOW_KEYS + MY_QUESTIONS_KEYS + VALUES_KEYS + QUIT_DIALOG_KEYS + APP_KEYS_IN_DIALOGS
"""Every key that is bound somewhere."""

_IMPORTANCE = {key.id: key.importance for key in BOUND_KEYS}


def importance(binding_id: str | None) -> int:
    """The importance of a binding on the key bar (a binding not declared here: the default)."""
    return _IMPORTANCE.get(binding_id or "", Key.importance)


@dataclass(frozen=True)
class Command:
    """A palette command that is not a key: a button of a screen, offered by its words from anywhere."""

    title: str
    help: str
    words: str
    action: str
    """An app action (``RecoveryGuideApp``)."""


MORE_COMMANDS = (
    Command(N_("Saving on or off"), N_("Keep your questions and place on this computer, or stop keeping them"),
            N_("saving save keep remember store"), "in_my_questions('toggle_saving')"),
    Command(N_("Forget everything"), N_("Erase your saved questions and place from this computer"),
            N_("forget erase delete clear privacy"), "in_my_questions('forget')"),
)
"""After the keys in the palette: the choices that live on the My questions screen."""


KEY_HEADING, MEANING_HEADING = N_("Key"), N_("What it does")


def keys_table(translate=lambda text: text, kiosk: bool = False) -> list[str]:
    """The keys as Markdown table rows, for the ``?`` screen (translated) and the README (English),
    each key named as the reader's keyboard prints it. On a shared screen (``kiosk``) Start over
    takes Quit's row."""
    rows = [f"| {translate(KEY_HEADING)} | {translate(MEANING_HEADING)} |", "|---|---|"]
    order = tuple(START_OVER if kiosk and key is QUIT else key for key in HELP_ORDER)
    return rows + [f"| {with_keys(translate(key.help_key))} | {with_keys(translate(key.help))} |" for key in order]
