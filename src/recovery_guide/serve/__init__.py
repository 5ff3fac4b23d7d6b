"""``recovery-guide serve``: the guide in a web browser, one app process per browser tab.

The pieces, each with one job:

- ``policy``: which addresses and ports may be served, and what the operator is told (no web imports,
  so the rules are checked before anything heavy is loaded);
- ``page``: the words and values the browser page shows, in the guide's language;
- ``server``: textual-serve's server with our page, a cap on sessions, clean stops and safe downloads
  (the only module that imports ``textual_serve`` or ``aiohttp``; an import-linter contract says so);
- ``templates/``: the page itself, which loads nothing from outside this server.
"""
