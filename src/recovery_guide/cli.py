"""The ``recovery-guide`` command: the full-screen app and its subcommands.

Nothing here imports Textual at module level: ``--help``, ``--version`` and ``print`` must start
instantly, work over a slow SSH link, and work where no full-screen terminal exists.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from recovery_guide import __version__

PROG = "recovery-guide"
FORMATS = ("text", "markdown", "html")
EXIT_USAGE = 2


class UserError(Exception):
    """A problem the reader or editor can fix; reported as one line, exit status 2."""


class OutputError(UserError):
    """Standard output is closed or full (``>&-``, ``>/dev/full``): one line on standard error, exit 2."""


def _add_common(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """Options every command accepts; subcommands accept them after their name too."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--lang", metavar="CODE", default=default, help="language code, e.g. en or es (default: from your system)")
    parser.add_argument("--content", metavar="DIR", type=Path, default=default, help="read the guide from this content folder instead of the built-in one")
    parser.add_argument("--region", metavar="CODE", default=default, help="show help lines for this country code, e.g. US, GB, CA (default: from your system)")
    parser.add_argument("--clinic", metavar="FILE", type=Path, default=default, help="add your clinic's name, phone, hours and questions from this YAML file (default: $RECOVERY_GUIDE_CLINIC)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A plain-language guide to ketamine-assisted treatment for substance use disorders. "
        "For learning only: it is not medical advice. Talk with your provider before you decide anything.",
        epilog="Run without a command to open the guide in your terminal.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--theme", metavar="NAME", help="colours: standard, light, high-contrast or monochrome (press t to change; NO_COLOR gives monochrome)")
    parser.add_argument("--plain", action="store_true", help="the same as the read command: no full-screen display (also used when TERM is dumb)")
    parser.add_argument("--kiosk", action="store_true", help="for a shared screen (a waiting room): nothing is saved, readers cannot close the guide, and it starts over when left alone (see docs/clinic.md)")
    _add_common(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    print_parser = commands.add_parser("print", help="write the whole guide as plain text (for screen readers, printing and piping)")
    _add_common(print_parser, suppress=True)
    print_parser.add_argument("--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    print_parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), markdown, or a printable html page")
    read_parser = commands.add_parser("read", help="read the guide line by line, with numbered menus (for screen readers and braille displays)")
    _add_common(read_parser, suppress=True)
    languages_parser = commands.add_parser("languages", help="list the languages the guide is available in")
    languages_parser.add_argument("--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="content folder to describe")
    check_parser = commands.add_parser("check", help="check a content folder: fields, translations, numbers, UI catalogs, reading level")
    check_parser.add_argument("--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="content folder to check (default: the built-in one)")
    _add_serve(commands)
    _add_translations(commands)
    return parser


def _add_serve(commands) -> None:
    """``serve``: the guide in a web browser (see README, For clinics). Host, port and limit are read
    as text and checked by ``serve.policy``, so every mistake is one line."""
    parser = commands.add_parser("serve", help="open the guide in a web browser: each browser tab gets its own guide (this computer only, unless you say otherwise)")
    _add_common(parser, suppress=True)
    parser.add_argument("--host", metavar="ADDRESS", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this computer only); any other needs --kiosk or --allow-remote")
    parser.add_argument("--port", metavar="NUMBER", default="8000", help="the port to listen on (default: 8000)")
    parser.add_argument("--kiosk", action="store_true", default=argparse.SUPPRESS, help="each reader's guide runs in kiosk mode (for shared screens); allows another --host")
    parser.add_argument("--allow-remote", action="store_true", help="allow a --host that other computers can reach, without kiosk mode")
    parser.add_argument("--max-sessions", metavar="N", default="8", help="how many browser tabs may read at once (default: 8)")


def _add_translations(commands) -> None:
    """``translations status|stamp``: the translators' tools (see docs/translating.md)."""
    parser = commands.add_parser("translations", help="for translators: which translated screens and self-checks are current; mark updated ones")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="list every screen and self-check as current, stale, different, missing (or english)")
    stamp = actions.add_parser("stamp", help="after updating a translation: mark screens and self-checks as matching the current English")
    export = actions.add_parser("export", help="write every translatable string of a language, with its English, to a PO or XLIFF file for review")
    import_ = actions.add_parser("import", help="bring a reviewed PO or XLIFF file back: checked like `check`, written whole or not at all")
    review = actions.add_parser("review", help="record that a qualified reviewer read this language (or one screen) against the current English")
    for each in (parser, status, stamp, export, import_, review):
        each.add_argument("--lang", metavar="CODE", default=argparse.SUPPRESS, help="the language (status: default every translation; stamp, export, review: required)")
        each.add_argument("--content", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="content folder (default: the built-in one)")
    stamp.add_argument("items", nargs="*", metavar="ID", help="screen ids, self-checks as self-check:ID, values (What matters to me), glossary entries as glossary:ID and source notes as source:ID")
    stamp.add_argument("--all", action="store_true", help="stamp every stale screen and self-check of the language")
    export.add_argument("--format", choices=("po", "xliff"), default="po", help="po (Poedit, Lokalize, Weblate; default) or xliff (XLIFF 1.2)")
    export.add_argument("--output", metavar="FILE", type=Path, help="write to FILE instead of the screen")
    import_.add_argument("file", metavar="FILE", type=Path, help="the reviewed .po or .xliff file")
    review.add_argument("--reviewer", required=True, metavar="NAME", help="who reviewed it")
    from recovery_guide.model import ReviewRole  # dataclasses and enums only: --help stays instant

    review.add_argument("--role", required=True, choices=[role.value for role in ReviewRole], help="the reviewer's role")
    review.add_argument("--screen", metavar="ID", help="only this screen (default: the whole language)")


def content_folder(args: argparse.Namespace):
    """The content folder named by ``--content`` (the built-in one by default); every command reads through it."""
    from recovery_guide.guide_content.folder import ContentFolder

    folder = ContentFolder(args.content)
    if not folder.root.is_dir():
        raise UserError(f"{folder.root}: content folder not found")
    return folder


def resolve_language(requested: str | None, folder) -> str:
    from recovery_guide.i18n import language_from_environment, match_language

    available = folder.languages()
    if requested is None:
        return language_from_environment(available)
    found = match_language(requested, available)
    if found is None:
        raise UserError(f"unknown language {requested!r}; available: {', '.join(available)}")
    return found


def load(args: argparse.Namespace):
    """The guide in the requested language (the UI language is set by whoever shows it)."""
    folder = content_folder(args)
    language = resolve_language(args.lang, folder)
    return folder.guide(language), folder, language


def resolve_region(requested: str | None, guide) -> str | None:
    """The region whose help lines to show: ``--region``, else the locale's country if we list it."""
    if requested:
        if guide.region(requested) is None:
            codes = ", ".join(region.code for region in guide.regions)
            raise UserError(f"unknown region {requested!r}; available: {codes}")
        return requested.upper()
    from recovery_guide.i18n import region_from_environment

    territory = region_from_environment()
    return territory if territory and guide.region(territory) else None


def load_clinic(args: argparse.Namespace, languages: list[str] | None = None):
    """The clinic file from ``--clinic`` or the environment, checked; None when there is none."""
    from recovery_guide.clinic import clinic_path, load_clinic as read_clinic

    path = clinic_path(args.clinic)
    return read_clinic(path, languages=languages) if path else None


def command_print(args: argparse.Namespace) -> int:
    from recovery_guide import i18n

    guide, folder, language = load(args)
    region = resolve_region(args.region, guide)
    guide = folder.regional(guide, region)  # English in the region's words (US: "randomized")
    i18n.set_language(language, folder.english_words(region))
    clinic = load_clinic(args)
    if args.format == "html":
        from recovery_guide.render.html import guide_html as render
    elif args.format == "markdown":
        from recovery_guide.render.markdown import guide_markdown as render
    else:
        from recovery_guide.render.text import guide_text as render
    text = render(guide, region, clinic)
    if args.output:
        from recovery_guide.safe_files import write_private

        try:
            write_private(args.output, text)  # private (0600) like a handout, unless the file is there already
        except OSError as error:
            raise UserError(f"{args.output}: cannot write: {error.strerror or error}") from None
        return 0
    write_stdout(text)
    return 0


def write_stdout(text: str) -> None:
    """Write to standard output, a closed or full one (``>&-``, ``>/dev/full``) reported as one line.

    A closed pipe (``| head``) is left to ``main``: that is not an error."""
    if sys.stdout is None:  # Python sets it to None when descriptor 1 was closed at start
        raise OutputError("cannot write: standard output is closed")
    from recovery_guide.streams import OutputFailed, write_through

    try:
        write_through(sys.stdout, text)
    except OutputFailed as error:
        raise OutputError(f"cannot write to standard output: {error}") from None


def _silence_stdout() -> None:
    """Point descriptor 1 at the null device, so the flush at exit does not fail a second time
    (Python prints "Exception ignored" for the text it still holds)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def command_languages(args: argparse.Namespace) -> int:
    """A table of languages: code, names, how complete, review status (in that language)."""
    from babel.numbers import format_percent

    from recovery_guide import i18n
    from recovery_guide.guide_content.folder import ContentFolder

    folder = ContentFolder(args.content)
    rows = []
    for code in folder.languages():
        guide = folder.guide(code)
        native, english = i18n.language_names(code)
        complete = format_percent(guide.completeness, locale="en")
        review = "source" if code == "en" else guide.language.review_state.value
        rows.append((code, native, english, complete, review, guide.language.review_status))
    header = ("Code", "Language", "English name", "Complete", "Review", "Review status")
    widths = [max(_cells(row[column]) for row in [header, *rows]) for column in range(5)]
    lines = ["  ".join(cell + " " * (width - _cells(cell)) for cell, width in zip(row[:5], widths)) + "  " + row[5] for row in [header, *rows]]
    write_stdout("\n".join(lines) + "\n")
    return 0


def _cells(text: str) -> int:
    """Terminal columns a string takes: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def make_session(args: argparse.Namespace):
    """The reader's session: guide, region, clinic and (opt-in) saved questions; it sets the UI language.

    On a shared screen (kiosk mode) the guide starts in the clinic's ``default_language`` unless
    ``--lang`` names one."""
    from recovery_guide.kiosk import kiosk_settings
    from recovery_guide.session import SERVED_VARIABLE, Session

    folder = content_folder(args)
    clinic = load_clinic(args, folder.languages())
    kiosk = kiosk_settings(getattr(args, "kiosk", False), clinic)
    guide = folder.guide(resolve_language(args.lang or (kiosk.default_language if kiosk else None), folder))
    return Session(guide, folder, resolve_region(args.region, guide), clinic, kiosk=kiosk, served=os.environ.get(SERVED_VARIABLE) == "1")


def command_read(args: argparse.Namespace) -> int:
    """Line by line; a closed input or output is reported before anything is loaded."""
    from recovery_guide.plain import PlainReader
    from recovery_guide.streams import OutputFailed

    if sys.stdin is None:
        raise UserError("cannot read: standard input is closed")
    if sys.stdout is None:
        raise OutputError("cannot write: standard output is closed")
    session = make_session(args)
    if session.kiosk:
        raise UserError("kiosk mode needs the full-screen guide: start recovery-guide --kiosk in a terminal that can show it (not read, --plain or TERM=dumb)")
    try:
        return PlainReader(session).run()
    except OutputFailed as error:
        raise OutputError(f"cannot write to standard output: {error}") from None


def wants_plain(args: argparse.Namespace, environ=os.environ) -> bool:
    """``--plain``, or a terminal that cannot draw a full screen (TERM=dumb)."""
    return bool(args.plain) or environ.get("TERM", "") == "dumb"


def resolve_theme(requested: str | None) -> str | None:
    from recovery_guide.tui.themes import THEMES

    if requested is not None and requested not in THEMES:
        raise UserError(f"unknown theme {requested!r}; available: {', '.join(THEMES)}")
    return requested


def command_check(args: argparse.Namespace) -> int:
    """Exit 0 when the content is clean, 1 when problems were found (2, via UserError, when it cannot run)."""
    from recovery_guide import audit
    from recovery_guide.guide_content.folder import ContentFolder

    try:
        report = audit.check_content(ContentFolder(args.content))
    except audit.CannotCheck as error:
        raise UserError(str(error)) from None
    write_stdout(audit.format_report(report))
    return report.exit_code


def command_translations(args: argparse.Namespace) -> int:
    """``status``: one line per language, state and item; ``stamp``: one line per item stamped."""
    from recovery_guide.guide_content import SOURCE_LANGUAGE
    from recovery_guide.guide_content.translators import CannotStamp, stamp, status

    folder = content_folder(args)
    available = folder.languages()
    if args.lang is not None and args.lang not in available:
        raise UserError(f"unknown language {args.lang!r}; available: {', '.join(available)}")
    if args.action == "status":
        codes = [args.lang] if args.lang else [code for code in available if code != SOURCE_LANGUAGE]
        width = max(map(len, codes), default=0)
        for code in codes:
            for item in status(folder, code):
                write_stdout(f"{code:{width}}  {item.state:9}  {item.name}" + "\n")
        return 0
    if args.action == "import":
        return _import(folder, args.file)
    if args.lang is None:
        raise UserError(f"{args.action} needs --lang CODE: the language whose translation you mean")
    if args.action == "export":
        return _export(folder, args.lang, args.format, args.output)
    if args.action == "review":
        return _review(folder, args)
    if bool(args.items) == bool(args.all):
        raise UserError("stamp needs the screen ids (and self-check:ID, glossary:ID, source:ID) you updated, or --all for every stale one")
    try:
        stamped = stamp(folder, args.lang, None if args.all else args.items)
    except CannotStamp as error:
        raise UserError(str(error)) from None
    for name in stamped:
        write_stdout(f"stamped {args.lang} {name}" + "\n")
    if not stamped:
        write_stdout(f"nothing to stamp: no stale screen, self-check, glossary entry or source note in {args.lang}" + "\n")
    return 0


def _export(folder, code: str, kind: str, output: Path | None) -> int:
    from recovery_guide.exchange.files import write
    from recovery_guide.exchange.units import units

    if code == "en":
        raise UserError("English is the source: export a translation (--lang es, ...)")
    text = write(code, units(folder, code), kind)
    if output is None:
        write_stdout(text)
        return 0
    from recovery_guide.safe_files import write_private

    try:
        write_private(output, text)
    except OSError as error:
        raise UserError(f"{output}: cannot write: {error.strerror or error}") from None
    return 0


def _import(folder, path: Path) -> int:
    """Exit 0 when imported, 1 when refused (one line per problem, nothing written)."""
    from recovery_guide.exchange.importing import ImportRefused, import_file

    try:
        result = import_file(folder, path)
    except ImportRefused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        print(f"{PROG}: import refused: {len(refused.problems)} problem(s); nothing was written", file=sys.stderr)
        return 1
    for unit_id in result.changed:
        write_stdout(f"changed {result.code} {unit_id}" + "\n")
    for name in result.stamped:
        write_stdout(f"stamped {result.code} {name}" + "\n")
    for reason in result.not_stamped:
        write_stdout(f"not stamped {result.code} {reason}" + "\n")
    if not result.changed:
        write_stdout(f"nothing to import: no string differs from the {result.code} content" + "\n")
    return 0


def _review(folder, args: argparse.Namespace) -> int:
    from recovery_guide.guide_content.reviews import add_review

    try:
        line = add_review(folder, args.lang, args.reviewer, args.role, args.screen)
    except ValueError as error:
        raise UserError(str(error)) from None
    write_stdout(line + "\n")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    """Serve the guide to browsers until Ctrl+C; the content and clinic file are checked first, so a
    mistake in them is one line here, not a broken page in every browser."""
    from recovery_guide import i18n
    from recovery_guide.serve.policy import ServeRefused, check_address, parse_max_sessions

    try:
        address, warning = check_address(args.host, args.port, kiosk=args.kiosk, allow_remote=args.allow_remote)
        max_sessions = parse_max_sessions(args.max_sessions)
    except ServeRefused as refused:
        raise UserError(str(refused)) from None
    guide, folder, language = load(args)
    load_clinic(args, folder.languages())  # checked now (a default_language no tab could open too)
    from recovery_guide.clinic import clinic_path

    clinic_file = clinic_path(args.clinic)
    region = resolve_region(args.region, guide)
    if warning:
        print(f"{PROG}: {warning}", file=sys.stderr)
    i18n.set_language(language, folder.english_words(region))  # the page's words: each tab's app sets its own
    argv = [sys.executable, "-m", "recovery_guide"]
    if args.lang is not None:  # else each guide finds the same language in the environment (or a kiosk's own default)
        argv += ["--lang", language]
    if args.content is not None:
        argv += ["--content", str(folder.root.resolve())]
    if region:
        argv += ["--region", region]
    if clinic_file is not None:
        argv += ["--clinic", str(clinic_file.resolve())]
    if args.kiosk:
        argv.append("--kiosk")
    from recovery_guide.serve.page import page_context
    from recovery_guide.serve.server import GuideServer

    server = GuideServer(argv, address, page_context(language), max_sessions, say=lambda line: print(line, flush=True))
    try:
        server.serve()
    except ServeRefused as refused:
        raise UserError(str(refused)) from None
    return 0


def command_app(args: argparse.Namespace) -> int:
    theme = resolve_theme(args.theme)
    if wants_plain(args):
        return command_read(args)
    import gc

    # Loading the guide, Textual and the app makes tens of thousands of objects that live as long as
    # the app, and almost no garbage; collecting while they pile up cost ~20 ms of the time to the
    # first frame (benchmarks/README.md). So the collector waits until they are made, then freezes
    # them: later collections skip them.
    gc.disable()
    try:
        session = make_session(args)
        from recovery_guide.tui.app import RecoveryGuideApp

        app = RecoveryGuideApp(session, theme)
    finally:
        gc.freeze()
        gc.enable()
    forget_size_variables()
    app.run()
    return app.return_code or 0


def forget_size_variables(environ=os.environ) -> None:
    """Drop ``COLUMNS`` and ``LINES`` before the full-screen app starts. Textual asks
    ``shutil.get_terminal_size``, which prefers these variables to the terminal itself, at start and
    at every resize: an exported ``LINES=1`` kept "Please make this window larger." after the window
    grew, and ``COLUMNS=1`` showed one letter. The terminal always knows its real size.

    Under ``serve`` there is no terminal: textual-serve starts the app with Textual's web driver and
    the browser's size in these variables, which that driver reads once; they are kept."""
    if environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver"):
        return
    environ.pop("COLUMNS", None)
    environ.pop("LINES", None)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from recovery_guide.guide_content.yaml_source import ContentError

    handlers = {
        "print": command_print,
        "languages": command_languages,
        "read": command_read,
        "check": command_check,
        "translations": command_translations,
        "serve": command_serve,
        None: command_app,
    }
    try:
        code = handlers[args.command](args)
        if args.command is not None and sys.stdout is not None:  # --output wrote a file: a closed stdout is no error
            write_stdout("")  # flush what print() left: a full disk is reported here, not ignored at exit
        return code
    except (ContentError, UserError) as error:
        if isinstance(error, OutputError):
            _silence_stdout()
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader piped us into `head` or a pager that closed early: that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:  # Ctrl+C while loading or printing: the shell's prompt starts on a line of its own
        if sys.stderr is not None:
            sys.stderr.write("\n")
        return 130
