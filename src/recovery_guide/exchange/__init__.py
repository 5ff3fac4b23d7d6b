"""Translation files for the tools translators and clinicians already use (PO, XLIFF): export, import.

``units`` lists every translatable string of a language (one rule, read from ``schema``); ``po`` and
``xliff`` write and read them; ``yaml_edit`` writes an edited string back into its YAML field without
touching the rest of the file; ``importing`` validates an import with ``check``'s own rules and
writes all of it or nothing.
"""
