"""The guide turned into pages of blocks: what each page says, in the order it says it.

``page_view`` decides, once for every writer, which blocks a page has and in what order: the main
message (welcome), key points, then what a session is like (where a page has a timeline), the headline results as icon
arrays, how strong the evidence is (a scale with its words), the body, the help lines (Get help
now), the sentence to agree to (welcome), the options side by side (research screens), the
questions, the sources, and on the About page how the language version was made, when each screen
was last checked and is next due, and the full source list. ``guide_view`` adds what comes before and after the pages in
``print``: the main message under the title, the key to the pictures before the first page with one,
the clinic's details and the glossary, sorted the one way the guide sorts it
(``glossary.sorted_terms``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import reduce

from recovery_guide import wording
from recovery_guide.i18n import in_language, official_in
from recovery_guide.glossary import sorted_terms
from recovery_guide.model import Clinic, Guide, Page, PageKind, Region, Result, ReviewState
from recovery_guide.view.blocks import (
    AtAGlance,
    Block,
    ClinicDetails,
    DangerNow,
    EvidenceLabel,
    EvidenceScale,
    Heading,
    GlossaryEntries,
    IconArray,
    HelpLines,
    KeyPoints,
    LanguageNote,
    MainMessage,
    OptionsChart,
    OptionsTable,
    Paragraph,
    PictureKey,
    Questions,
    ReviewDates,
    SourceRefs,
    Sources,
    Statement,
    Timeline,
    UrgencyTiers,
    ValuesWorksheet,
    WritingSpace,
    compact_lines,
)
from recovery_guide.view.body import body_blocks
from recovery_guide.view.contents import contents
from recovery_guide.view.icons import marks_drawn
from recovery_guide.view.on_screen import screen_blocks
from recovery_guide.view.options_chart import groups as chart_groups
from recovery_guide.view.paper import app_text, paper_blocks, said_once, words_of


@dataclass(frozen=True)
class PageView:
    """One page as blocks, with its place in the guide (``number`` counts from 1)."""

    id: str
    number: int
    total: int
    title: str
    kind: PageKind
    blocks: tuple[Block, ...]
    language: str = "en"
    """The language the page is written in: the guide's, or English for a screen whose translation is
    missing or stale (``Page.language``). Its blocks were built in it, and every writer writes them in
    it (``i18n.in_language``), so no catalog word of the reader's language lands inside an English page.

    What counts as the page: its heading on paper ("Step 3 of 14: Title"), its blocks' labels, key
    lines, band words, card fields, tiers and the "Ask your provider" questions. What stays in the
    reader's language is the chrome around it: the app's key bar, buttons and step counter, and the
    notice that says the screen is shown in English; on paper, the parts printed once for the whole
    guide (the title, the key to the pictures, the glossary) unless they come from a stale page (the
    main message and the options chart, taken off the welcome page, keep its language:
    ``GuideView.opening_language``)."""

    @property
    def heading(self) -> str:
        """"Step 3 of 14: Title": how every writer heads a page."""
        return wording.labelled(wording.step(self.number, self.total), self.title)


@dataclass(frozen=True)
class GuideView:
    """The whole guide for ``print``: who made it, the clinic, every page, and the glossary before the sources."""

    language: str
    """The guide's language code (for ``lang`` and ``dir`` in HTML)."""
    clinic: ClinicDetails | None
    pages: tuple[PageView, ...]
    glossary: GlossaryEntries
    opening_language: str | None = None
    """The language of the page the main message and the chart were taken from (None: the guide's)."""
    key: PictureKey | None = None
    """How to read the pictures: written once, just before the first page that has a picture (a review
    found it between the title and the main message)."""
    main_message: MainMessage | None = None
    """The guide's main message: written right after the title and the one-line disclaimer, before
    anything else (taken off the welcome page, so it is said once)."""
    danger: DangerNow | None = None
    """What to do in danger now (the reader's emergency and crisis numbers when the region is known):
    written right after the main message, before the chart (``printed_danger_now``)."""
    chart: OptionsChart | None = None
    """"The options at a glance", written right under the main message and what to do in danger now
    (it leaves the welcome page with the main message)."""
    worksheet: ValuesWorksheet | None = None
    """"What matters to me" to fill in on paper: written between ``reading`` and ``end_matter``."""
    leaning: WritingSpace | None = None
    """Lines for the options the reader wants to ask about, right after the worksheet (``leaning_space``)."""
    writing: tuple[WritingSpace, ...] = ()
    """Paper to write on at the end of the pages, before the glossary (``writing_spaces``)."""
    worksheet_after: str | None = None
    """The id of the page that offers the exercise: the worksheet follows it (an independent review found
    "Fill in What matters to me" on one page and the worksheet only after the help lines)."""

    def opening(self) -> tuple[tuple[Block, str | None], ...]:
        """What every writer of the whole guide writes under the title and the disclaimer, in order,
        each with the language to write it in (None: the reader's): the main message, what to do in
        danger now (in the reader's language, like the help lines it quotes), then the chart."""
        parts = ((self.main_message, self.opening_language), (self.danger, None), (self.chart, self.opening_language))
        return tuple((block, language) for block, language in parts if block is not None)

    def sequence(self) -> tuple[Block | PageView, ...]:
        """What comes after the header, in order: the contents list of all that follows
        (``view.contents``), the reading pages (the key to the pictures just before the first that has
        one), the worksheet, the end matter; the glossary and then paper to write on just before the
        page with the source list (or last, when no page has one). Every writer of the whole guide
        follows it. Independent reviews found the glossary (r15, PEMAT 10) and then the reader's own
        pages, My questions and Notes from my visit (r21), printed after the 82 references, though the
        reader needs them and the provider the references."""
        after_reading = (self.worksheet, self.leaning) if self.worksheet and self.leaning else (self.worksheet,) if self.worksheet else ()
        parts: list[Block | PageView] = [*self.reading, *after_reading, *self.end_matter]
        if self.key:
            first = next((index for index, part in enumerate(parts) if isinstance(part, PageView) and has_picture(part)), len(parts))
            parts.insert(first, self.key)
        sources = next((index for index, part in enumerate(parts) if isinstance(part, PageView) and any(isinstance(block, Sources) for block in part.blocks)), len(parts))
        parts[sources:sources] = [self.glossary, *self.writing]
        return (contents(parts), *parts)

    @property
    def reading(self) -> tuple[PageView, ...]:
        """The pages before the worksheet."""
        return self.pages[: len(self.pages) - len(self.end_matter)]

    @property
    def end_matter(self) -> tuple[PageView, ...]:
        """The pages after the worksheet: those after the page that offers it, or else the About page
        and the pages after it (how the guide was made and its sources)."""
        offering = next((index + 1 for index, page in enumerate(self.pages) if page.id == self.worksheet_after), None)
        about = next((index for index, page in enumerate(self.pages) if page.kind is PageKind.ABOUT), len(self.pages))
        return self.pages[offering if offering is not None else about :]


PICTURES = (IconArray, AtAGlance)
"""The pictures the key must come before: the icon arrays, and the options at a glance with their
squares. The evidence scale above a page's text is not one: it prints its level in words beside its
squares ("early evidence ■■□□□ (level 2 of 5)"), so it reads alone. An independent review found the key
"between steps 2 and 3, three screens before the first picture"."""


def has_picture(view: PageView) -> bool:
    """Whether a page draws a picture the key explains."""
    return any(isinstance(block, PICTURES) for block in view.blocks)


def language_note(guide: Guide) -> str:
    """How this language version was produced and whether it was reviewed, as one sentence pair."""
    return wording.two_sentences(guide.language.produced, guide.language.review_status)


def about_language_note(guide: Guide) -> str:
    """The language note on the About screen and at the top of ``print`` (which prints it once): for a
    translation, with its review state from its review records when there are any, in the reader's
    language (the welcome screen keeps the short note). Readers found "not reviewed" said twice."""
    note = language_note(guide)
    if guide.language.code == "en" or guide.language.review_state is ReviewState.NOT_REVIEWED:
        return note  # the language's own review_status already says it is not reviewed: said once
    return f"{note} {wording.review_state(guide.language.review_state)}"


def source_numbers(guide: Guide) -> dict[str, int]:
    """Each source's number in the guide's source list (counted from 1)."""
    return {source_id: number for number, source_id in enumerate(guide.sources, start=1)}


def cited_on(page: Page) -> tuple[str, ...]:
    """Every source a page rests on, once each: the page's own list, then those of its timeline steps,
    results and options (an independent review found the options' studies missing from a screen's list)."""
    parts = [page.source_ids, *(step.source_ids for step in page.timeline), tuple(result.source_id for result in page.results)]
    parts += [option.source_ids for option in page.options]
    return tuple(dict.fromkeys(source_id for part in parts for source_id in part))


def help_lines(guide: Guide, region_code: str | None, clinic: Clinic | None = None) -> HelpLines:
    """Every region's help lines, with the reader's own region when it is known (and their clinic);
    the countries where the guide's language is spoken come first, the rest keep the guide's order."""
    language = guide.language.code
    regions = tuple(sorted(guide.regions, key=lambda region: not official_in(region.code, language)))
    return HelpLines(regions, guide.region(region_code) if region_code else None, guide.help_lines_checked, clinic, numbers_first=region_code is None)


def region_checked(region: Region, numbers: tuple[int, ...] = ()) -> tuple[str, ...]:
    """What every writer says after a region's numbers: when they were checked and against what. Two
    short lines (the date, then the sources by number) when ``numbers`` are given (``print``, with its source
    list); else the date, then the citations (the handout and read mode, which have no list)."""
    if numbers and region.checked:
        return wording.region_checked_against(region.checked, numbers)
    lines = [wording.region_checked(region.name, region.checked)] if region.checked else []
    return (*lines, *((wording.region_checked_from(region.checked_from),) if region.checked_from else ()))


def numbered_help_lines(block: HelpLines, guide: Guide) -> HelpLines:
    """``block`` with each region's sources numbered as in the guide's source list."""
    numbers = source_numbers(guide)

    cited = tuple((region.code, tuple(dict.fromkeys(numbers[line.source_id] for line in region.lines))) for region in block.regions)
    return replace(block, source_numbers=cited, numbers_first=False)  # on paper no one can choose a region


def review_dates(guide: Guide) -> ReviewDates:
    """Every screen's last review and next review due, in reading order (the About page)."""
    return ReviewDates(tuple((page.title, page.reviewed, page.next_review) for page in guide.pages))


def urgency_tiers(guide: Guide, page: Page | None = None) -> UrgencyTiers | None:
    """The urgency tiers with their signs: ``page``'s own, else those of the screen that holds them
    (``Guide.tiers_page``), so the safety screen, Get help now and the handout draw one source.
    None when no screen has tiers."""
    holder = page if page is not None and page.urgency_tiers else guide.tiers_page
    return UrgencyTiers(holder.urgency_tiers, holder.urgency_unsure, holder.language) if holder else None


def body_sections(body: tuple[Block, ...]) -> list[int]:
    """Where each section of a body starts (the index of its heading), a section being a heading of
    the body's top level and what follows it up to the next."""
    levels = [block.level for block in body if isinstance(block, Heading)]
    top = min(levels, default=0)
    return [index for index, block in enumerate(body) if isinstance(block, Heading) and block.level == top]


def with_pictures(body: tuple[Block, ...], results: list[Result], numbers: dict[str, int]) -> list[Block]:
    """The body with each result's picture at the end of its ``after_section``: next to the words about
    its study, not ahead of the whole screen (an independent review found the first picture on the
    alcohol screen, from a weak study, shown before the text on the trial with a placebo)."""
    starts = body_sections(body) + [len(body)]
    blocks = list(body)
    for result in sorted(reversed(results), key=lambda result: -result.after_section):  # from the end, so earlier indexes hold
        end = starts[min(result.after_section, len(starts) - 1)]
        blocks.insert(end, IconArray(result, numbers[result.source_id]))
    return blocks


def page_view(guide: Guide, page: Page, region_code: str | None = None, clinic: Clinic | None = None, paper: bool = False) -> PageView:
    """``page`` as blocks, for a reader in ``region_code`` (None when the region is unknown).

    ``paper``: for ``print``, which keeps the content's paper-only steps ("On paper, tick your
    questions ..."; on screen they go, view/on_screen.py, as paper drops the app's, view/paper.py)
    and leaves out the page's ``app_only`` text (``view.paper.app_text``).

    ``clinic``: the reader's clinic, whose phone the Get help now page lists with the help lines
    (the full-screen app); ``print`` shows the clinic once at the top instead.

    Built in the page's own language (``PageView.language``): its evidence words and other catalog
    strings are English on a screen shown in English.
    """
    with in_language(page.language):
        return _page_view(guide, page, region_code, clinic, paper)


def _page_view(guide: Guide, page: Page, region_code: str | None, clinic: Clinic | None, paper: bool) -> PageView:
    numbers = source_numbers(guide)
    blocks: list[Block] = [MainMessage(page.main_message), OptionsChart(chart_groups(guide))] if page.main_message else []
    blocks.append(KeyPoints(page.key_points))
    tiers = urgency_tiers(guide, page) if page.urgency_tiers or page.kind is PageKind.HELP_NOW else None
    if tiers and page.kind is PageKind.HELP_NOW:
        blocks.append(tiers)  # a frightened reader on Get help now meets "is this an emergency?" first
    if page.timeline:
        blocks.append(Timeline(page.timeline))
    blocks += [IconArray(result, numbers[result.source_id]) for result in page.results if result.after_section is None]
    if page.evidence and page.evidence_level:
        blocks.append(EvidenceScale(page.evidence_level, wording.evidence(page.evidence)))
    elif page.evidence:
        blocks.append(EvidenceLabel(wording.evidence(page.evidence)))
    blocks += with_pictures(body_blocks(page.body), [result for result in page.results if result.after_section is not None], numbers)
    blocks += body_blocks(app_text(page, paper))
    if page.options:
        blocks += [AtAGlance(page.options), OptionsTable(page.options, page.options_intro)]
    if tiers and page.kind is not PageKind.HELP_NOW:
        blocks.append(tiers)
    if page.kind is PageKind.HELP_NOW:
        blocks.append(help_lines(guide, region_code, clinic))
    if page.acknowledge:
        blocks.append(Statement(page.acknowledge))
    if page.questions:
        blocks.append(Questions(page.questions))
    blocks.append(SourceRefs(tuple(numbers[source_id] for source_id in cited_on(page)), page.reviewed))
    if page.kind is PageKind.ABOUT:
        blocks += [LanguageNote(about_language_note(guide)), review_dates(guide), Sources(tuple(guide.sources.values()))]
    return PageView(page.id, guide.index_of(page.id) + 1, len(guide.pages), page.title, page.kind, tuple(blocks) if paper else screen_blocks(blocks), page.language)


def for_region(guide: Guide, region_code: str | None) -> Guide:
    """The guide as paper prints it for a reader in ``region_code``: that country's help lines only,
    and the source list without the sources only other countries' lines rest on (so every source
    printed is cited, numbered from 1 without a gap). The whole guide when the region is unknown or
    not listed. An independent review (r15, PEMAT 2) found 14 countries' phone lists in one print;
    the app's Get help now keeps every country (a wrong guess of the region must never hide a number)."""
    own = guide.region(region_code) if region_code else None
    if own is None:
        return guide
    others = {line.source_id for region in guide.regions if region is not own for line in region.lines}
    still_cited = {source_id for page in guide.pages for source_id in cited_on(page)}
    still_cited |= {line.source_id for line in own.lines} | set(guide.values.source_ids if guide.values else ())
    dropped = others - still_cited
    return replace(guide, regions=(own,), sources={source_id: source for source_id, source in guide.sources.items() if source_id not in dropped})


def other_countries(guide: Guide, full: Guide) -> tuple[Paragraph, ...]:
    """On paper printed for one country (``for_region``), the one line after its help lines saying
    where every other country's are: the app's Get help now screen. None when every country is printed."""
    if len(guide.regions) == len(full.regions):
        return ()
    help_page = next((page for page in guide.pages if page.kind is PageKind.HELP_NOW), None)
    return (Paragraph((wording.other_countries_in_app(help_page.title if help_page else ""),)),)


def guide_view(guide: Guide, region_code: str | None = None, clinic: Clinic | None = None) -> GuideView:
    """The whole guide on paper: the key to its pictures, every page in reading order (each question
    with a box to tick), "What matters to me" to fill in right after the page that offers it, and the
    glossary in the guide's own sort order. The main message leaves its page for the top of the guide.
    Only the reader's country's help lines when it is known and listed (``for_region``)."""
    full, guide = guide, for_region(guide, region_code)
    pages = tuple(printed_page(guide, full, page, region_code) for page in guide.pages)
    main = next((block for view in pages for block in view.blocks if isinstance(block, MainMessage)), None)
    opening = next((view.language for view in pages if any(isinstance(block, MainMessage) for block in view.blocks)), None)
    chart = next((block for view in pages for block in view.blocks if isinstance(block, OptionsChart)), None)
    return GuideView(
        language=guide.language.code,
        clinic=ClinicDetails(clinic) if clinic else None,
        main_message=main,
        danger=printed_danger_now(guide, region_code, pages),
        chart=chart,
        opening_language=opening,
        pages=printed_once(tuple(replace(view, blocks=tuple(block for block in view.blocks if not isinstance(block, (MainMessage, OptionsChart)))) for view in pages)),
        glossary=GlossaryEntries(tuple(sorted_terms(guide))),
        key=picture_key(pages),
        worksheet=values_worksheet(guide),
        leaning=leaning_space(),
        worksheet_after=guide.values.after if guide.values else None,
        writing=writing_spaces(worksheet=guide.values is not None),
    )


def danger_now(region: Region | None, other_lines: str, unknown: str | None) -> DangerNow | None:
    """What to do in danger now, at the top of paper (``DangerNow``): the one rule ``print`` and the
    handout share. A known region's emergency and crisis lines (``compact_lines``), then
    ``other_lines`` (where the rest are); else ``unknown`` (call the local emergency number, and where
    every country's numbers are), or nothing when ``unknown`` is None (the first page already says it)."""
    lines = compact_lines(region) if region else ()
    if lines:
        return DangerNow(region, lines, other_lines)
    return DangerNow(None, (), unknown) if unknown else None


def printed_danger_now(guide: Guide, region_code: str | None, pages: tuple[PageView, ...]) -> DangerNow | None:
    """``danger_now`` for ``print`` (``guide`` as ``for_region`` left it): pointing to Get help now.
    With the region unknown, nothing when the first page already says where the help lines are (the
    welcome page's "Help lines are on the "Get help now" page (step 13).", in that page's language),
    so it is not said twice; every country's numbers stay in that step."""
    help_page = next((page for page in guide.pages if page.kind is PageKind.HELP_NOW), None)
    if help_page is None:
        return None
    number, title = guide.index_of(help_page.id) + 1, help_page.title
    with in_language(pages[0].language if pages else None):
        pointer = wording.help_lines_on_page(number, title)
    said = bool(pages) and any(pointer in words_of(block) for block in pages[0].blocks)
    unknown = None if said else wording.two_sentences(wording.no_local_emergency_number(), wording.help_lines_on_page(number, title))
    return danger_now(guide.region(region_code) if region_code else None, wording.other_help_lines_on_page(number, title), unknown)


def printed_page(guide: Guide, full: Guide, page: Page, region_code: str | None) -> PageView:
    """One page as ``print`` writes it, every part of it made in the page's own language."""
    with in_language(page.language):
        return with_language_note(paper_page(page_view(guide, page, region_code, paper=True), guide, other_countries(guide, full)), guide)


def printed_once(pages: tuple[PageView, ...]) -> tuple[PageView, ...]:
    """The pages with each part printed in full on another page said the paper's way
    (``view.paper.said_once``): a section keeps its heading, with a line saying which step has its
    words; the urgency tiers become one line saying which step has them.

    The tiers' home on paper is Get help now, not the safety screen whose content holds them: they
    say what to do and how fast, which is that page's one job; it is where paper sends a reader in
    danger ("Help lines are on the "Get help now" page"), and its help lines are right under them. A
    reader in a hurry must not be sent back to step 9; a reader going front to back is sent ahead."""

    def pointer(home: int, part: tuple[Block, ...], on: int) -> tuple[Block, ...]:
        page = pages[home]
        with in_language(pages[on].language):  # in the words of the page it is printed on (the title is the home's own)
            if isinstance(part[0], UrgencyTiers):
                return (Paragraph((wording.tiers_on_page(page.number, page.title),)),)
            return (part[0], Paragraph((wording.said_on_page(page.number, page.title),), tight=True))

    help_now = next((index for index, view in enumerate(pages) if view.kind is PageKind.HELP_NOW), None)
    homes = {UrgencyTiers: help_now} if help_now is not None else {}
    return tuple(replace(view, blocks=blocks) for view, blocks in zip(pages, said_once([view.blocks for view in pages], pointer, homes)))


PAGE_END = (Statement, Questions, SourceRefs)
"""What closes a page after its text: the sentence to agree to, the questions and the sources."""


def with_language_note(view: PageView, guide: Guide) -> PageView:
    """The welcome page with how this language version was made under its text (before its questions),
    as the app shows it under the welcome text; other pages as they are. An independent review found the
    note between the main message and Step 1, in the way of what matters most; a translation must
    still say, where its reader sees it, how it was made and whether anyone qualified reviewed it."""
    if view.kind is not PageKind.WELCOME:
        return view
    blocks = list(view.blocks)
    end = next((index for index, block in enumerate(blocks) if isinstance(block, PAGE_END)), len(blocks))
    blocks.insert(end, LanguageNote(about_language_note(guide)))
    return replace(view, blocks=tuple(blocks))


def paper_page(view: PageView, guide: Guide, after_help_lines: tuple[Block, ...] = ()) -> PageView:
    """A page as ``print`` writes it, for paper and screen readers rather than the app: no app
    instructions (``view.paper``); each "Ask your provider" question with a box to tick; the help lines
    checked against numbered sources; where the app says "press h", the page where the help lines are
    printed; and no language note on the About page, since ``print`` gives it on the welcome page
    (``with_language_note``; an independent review found it printed twice). ``after_help_lines``
    follows the help lines (``other_countries``)."""
    blocks: list[Block] = []
    help_page = next((page for page in guide.pages if page.kind is PageKind.HELP_NOW), None)
    help_sentence = wording.help_lines_on_page(guide.index_of(help_page.id) + 1, help_page.title) if help_page else None
    for block in paper_blocks(view.blocks, help_sentence):
        if isinstance(block, Questions):
            block = replace(block, boxes=True)
        elif isinstance(block, HelpLines):
            blocks += [numbered_help_lines(block, guide), *after_help_lines]
            continue
        elif isinstance(block, LanguageNote):
            continue
        blocks.append(block)
    return replace(view, blocks=tuple(blocks))


FAIR_MARKS = (wording.FILLED, wording.BAD, wording.EMPTY)
"""The marks the key explains first, in this order: a fair test's, then the empty ring."""
WEAK_MARKS = (wording.WEAK_FILLED, wording.WEAK_BAD)
"""A weaker study's marks, explained after the band that such a picture has."""


def picture_key(pages: tuple[PageView, ...]) -> PictureKey:
    """What the icon arrays' symbols mean and the evidence scale's five levels, each in words with what
    it takes; and the band across a weak-design picture, in general words, when a picture has one.
    Only the marks the pictures of ``pages`` draw are explained (``icons.marks_drawn``), so the key
    stays true when the content changes: it once told readers about ◍, which no picture drew."""
    top = EvidenceScale.top
    levels = tuple(wording.labelled(wording.evidence_scale_line(level, top), wording.evidence_level_meaning(level)) for level in range(1, top + 1))
    results = [block.result for view in pages for block in view.blocks if isinstance(block, IconArray)]
    drawn = marks_drawn(results)
    legend = [wording.blocks_key(), *(wording.mark_key(mark) for mark in FAIR_MARKS if mark in drawn), wording.each_picture_key()]
    bands = [wording.band_key(), *(wording.mark_key(mark) for mark in WEAK_MARKS if mark in drawn)]
    banded = any(result.caveat for result in results)
    return PictureKey(reduce(wording.two_sentences, legend), levels, reduce(wording.two_sentences, bands) if banded else None)


def writing_spaces(worksheet: bool = False) -> tuple[WritingSpace, ...]:
    """Paper to write on, each under its own heading: ruled lines for one's own questions, ruled lines
    for anything else that matters, and a box for notes from the visit. The handout and the end of
    ``print`` both use these (the handout drops a heading its section above already gives). With
    ``worksheet`` (``print`` with "What matters to me" to fill in, which has its own line for something
    else that matters) the second goes: an independent review found the heading printed twice."""
    own_questions = WritingSpace(wording.write_own_questions(), 4, heading=wording.my_questions(), anchor="my-questions")
    notes = WritingSpace(wording.notes_from_visit(), 6, boxed=True, anchor="notes-from-my-visit")
    if worksheet:
        return (own_questions, notes)
    return (own_questions, WritingSpace(wording.anything_else_matters(), 3, heading=wording.what_matters_to_me()), notes)


def leaning_space() -> WritingSpace:
    """Two lines to write the 1 or 2 options the reader wants to ask about: after "What matters to me"
    on paper and on the handout, the step from what matters to a choice to talk over (an independent
    review found the guide never asks which option the reader leans toward)."""
    return WritingSpace(wording.options_to_ask_about(), 2)


def values_worksheet(guide: Guide) -> ValuesWorksheet | None:
    """"What matters to me" to fill in on paper (None when the guide has no such exercise). Its intro is
    the content's ``paper_intro``: the app's ``intro`` says the answers go on the app's handout, and an
    independent review found that "on paper there is no handout"."""
    if guide.values is None:
        return None
    values = guide.values
    return ValuesWorksheet(values.paper_intro, tuple(level.text for level in values.levels), tuple(item.text for item in values.items))


def clinic_lines(clinic: Clinic) -> list[str]:
    """A clinic's name, then its phone and hours when known, each on its own line, in words."""
    lines = [clinic.name]
    if clinic.phone:
        lines.append(wording.clinic_phone(clinic.phone))
    if clinic.hours:
        lines.append(wording.clinic_hours(clinic.hours))
    return lines
