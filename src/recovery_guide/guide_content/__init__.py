"""The guide's content: YAML files in, a checked typed model (``model.Guide``) out.

One job per module, in the order data flows:

- ``yaml_source``: reading YAML safely, with the line of every value (``ContentError``);
- ``preparsed``: the packaged files already parsed at build time, so start-up skips PyYAML;
- ``schema``: the one declaration of each file's shape (parsing, allowed fields, JSON Schema);
  ``fields`` reads a mapping by it;
- ``parse``: each file into the model; ``english``: the English files cross-checked as one guide;
- ``overlay``: the one rule for a translation over the English (hash, state, numbers, stamp);
- ``folder``: ``ContentFolder``, which every caller takes, and which loads each language once;
- ``translators``: what ``recovery-guide translations status|stamp`` does.

This file imports nothing, so naming the source language costs nothing.
"""

SOURCE_LANGUAGE = "en"
"""The language the content is written in and every translation is laid over."""
