"""Recovery Guide with stopwatches: from a key event until its new content is laid out and drawn.

Started by ``run.py`` in a pty, it opens on the reading screen (as after "I understand") and times,
inside the app, every key the parent sends:

* Right / Left on the reading screen: next / previous screen;
* Enter in the language picker: switch to the highlighted language (the picker highlights the next
  language of ``LANGUAGES`` itself, so the parent only sends ``l`` then Enter).

The clock starts at the key event's own timestamp (``Message.time``, taken when the driver thread
read the bytes from the terminal). Every frame written to the terminal after it is recorded with a
fingerprint of the whole screen (the text and style of every cell), until the screen has been quiet
for ``QUIET`` seconds. Three end points come out of that:

* ``key_ms`` (the one the budgets use): the first frame from which the screen no longer changes,
  i.e. the moment the new content is on screen, laid out, as it stays;
* ``settled_ms``: the last frame written. Textual lays a screen out a second time once widgets have
  their new sizes, and repaints scroll bars after that, often with the same cells; those frames
  are counted here but do not change what the reader sees;
* ``first_ms``: the first refresh after the app's own work for the key is done
  (``ReaderScreen.show_current`` for next/previous, ``RecoveryGuideApp.switch_language`` for a
  language), via ``call_after_refresh``. Some content may still arrive after it: Textual composes
  some widgets a little after the call that mounted them returns.

Taking the fingerprints costs the app a little time (about a millisecond a frame), so the figures
err on the slow side.

Nothing of the parent's pauses between keys is counted. Only this file knows about the stopwatches;
the product code is wrapped here, not changed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _child import maxrss_kib, report

QUIET = 0.15
"""Seconds without a new frame after which the response to a key counts as complete."""
GIVE_UP = 2.0
"""Seconds after the key at which a response that is still drawing is reported anyway (flagged)."""

LANGUAGES = ["es", "de", "fr", "pt_BR", "vi", "zh_Hans", "en"]
"""The order of switches, starting from English: en -> es -> de -> ... -> en, round and round."""


def main(argv: list[str]) -> int:
    from textual import events
    from textual.widgets import OptionList

    import recovery_guide.tui.app as tui_app
    from recovery_guide import cli
    from recovery_guide.tui.screens.languages import LanguagePicker
    from recovery_guide.tui.screens.reader import ReaderScreen

    class TimedApp(tui_app.RecoveryGuideApp):
        CSS_PATH = Path(tui_app.__file__).with_name("app.tcss")  # Textual resolves it beside the subclass

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.acknowledged = True  # open on the reading screen, step 2
            self.bench_pending: tuple[str, float, float] | None = None
            self.bench_ready = False
            self.bench_switches = 0
            self.bench_frames: list[tuple[float, int]] = []
            """(time, screen fingerprint) of each frame written since the measured key."""

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is not None and not self._batch_count:
                written = time.monotonic()
                self.bench_frames.append((written, self.bench_fingerprint()))

        def bench_fingerprint(self) -> int:
            """A hash of every cell on screen: its character and its style (not mouse metadata)."""
            strips = self.screen._compositor.render_strips()
            return hash(tuple((segment.text, str(segment.style)) for strip in strips for segment in strip))

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and not event.is_forwarded:
                kind = None
                if isinstance(self.screen, ReaderScreen) and event.key in ("right", "left"):
                    kind = "next" if event.key == "right" else "previous"
                elif isinstance(self.screen, LanguagePicker) and event.key == "enter":
                    kind = "language"
                if kind:
                    self.bench_pending = (kind, event.time, time.monotonic())
                    self.bench_frames = []
            await super().on_event(event)

        async def switch_language(self, code: str) -> None:
            await super().switch_language(code)
            self.bench_finish_after_refresh("language")

        def bench_finish_after_refresh(self, kind: str) -> None:
            if self.bench_pending and self.bench_pending[0] == kind:
                pending, self.bench_pending = self.bench_pending, None
                self.call_after_refresh(self.bench_finish, pending)

        def bench_finish(self, pending: tuple[str, float, float]) -> None:
            """The app's work for the key is done and refreshed; now wait for the screen to go quiet."""
            self.bench_settle(pending, time.monotonic())

        def bench_settle(self, pending: tuple[str, float, float], first: float) -> None:
            now = time.monotonic()
            kind, key_time, dispatched = pending
            frames = self.bench_frames
            last = frames[-1][0] if frames else first
            if now - last < QUIET and now - key_time < GIVE_UP:
                self.set_timer(QUIET / 3, lambda: self.bench_settle(pending, first))
                return
            # The first frame from which the screen stays as it ends up.
            stable = last
            for written, fingerprint in reversed(frames):
                if fingerprint != frames[-1][1]:
                    break
                stable = written
            reader = self.reader
            report(
                kind=kind,
                key_ms=(stable - key_time) * 1000,
                settled_ms=(max(last, first) - key_time) * 1000,
                first_ms=(first - key_time) * 1000,
                dispatch_ms=(first - dispatched) * 1000,
                frames=len(self.bench_frames),
                gave_up=now - key_time >= GIVE_UP,
                index=reader.index if reader else None,
                language=self.session.guide.language.code,
                maxrss_kib=maxrss_kib(),
            )

    show_current = ReaderScreen.show_current

    async def timed_show_current(self, keep_scroll: bool = False) -> None:
        await show_current(self, keep_scroll)
        app = self.app
        if not app.bench_ready:
            app.bench_ready = True
            app.call_after_refresh(report, kind="ready", screens=len(self.guide.pages), index=self.index)
        elif app.bench_pending and app.bench_pending[0] in ("next", "previous"):
            app.bench_finish_after_refresh(app.bench_pending[0])

    picker_mount = LanguagePicker.on_mount

    def timed_picker_mount(self) -> None:
        picker_mount(self)
        target = LANGUAGES[self.app.bench_switches % len(LANGUAGES)]
        self.app.bench_switches += 1
        self.query_one(OptionList).highlighted = self.codes.index(target)
        self.app.call_after_refresh(report, kind="picker", target=target)

    ReaderScreen.show_current = timed_show_current
    LanguagePicker.on_mount = timed_picker_mount
    tui_app.RecoveryGuideApp = TimedApp  # what cli.command_app imports
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
