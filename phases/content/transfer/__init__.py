"""Moving all editable content between sites (staging to production) as one JSON document.

What the file may hold is declared in `schema.py` (`SECTIONS`: a pydantic model of each
section's item): its sections, the fields of each item and what each field may hold;
`export.py` writes the file, `reading.py` reads it and `import_.py` checks and writes its
items. An import is all or nothing. The whole file is checked first: its size (at most
`MAX_IMPORT_BYTES`, refused before it is read), that it is UTF-8 JSON of this format and
version, the declared schema (no unknown section or field, every value of its type and length),
then every text as the admin checks it (the model's field validators and `full_clean`, on the
published values and on every draft value alike). Every problem is reported with the item and
field it concerns, and only a file without problems is written, in one transaction, each change
recorded in the history like an edit in the admin.

Every item carries its version. An item saved on this site after the file was exported (a
higher version here than in the file) refuses the file, unless the file gives what is stored
already: an import never overwrites a later save (an editor's, or another import's). A file
without versions (written by hand) is checked as before, and the rows are still locked while
written, so a save in the moment between the check and the write also refuses it.

Content is one row per language (phases.content.languages): every item says its language, and
an item is the row of that language with its name (a phase's slug, a section's or explanation's
key, a glossary term's anchor; the disclaimer: the language alone). An item without a language is
English, so files written before the portal had languages still import, and change English
rows only. A phase's place in the list and ICD-10-CM code are the same in every language: a
translation must give the English phase's, and a new value given in English is copied to the
other languages' rows the file does not give. An imported text counts as published in its
language (unless the file says it is not: a translation still in draft), as of the import if
its text changed, so the translations an import leaves behind show as out of date.

Partners (the hospitals' embed settings) are not content: they belong to each site, so the
export does not carry them and the import refuses them; they are set up in the admin.
"""

from phases.content.transfer.export import export_content
from phases.content.transfer.import_ import import_content
from phases.content.transfer.reading import read_file
from phases.content.transfer.schema import (
    FORMAT,
    FORMAT_VERSION,
    MAX_IMPORT_BYTES,
    MAX_PROBLEMS,
    SECTIONS,
    ContentProblems,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_IMPORT_BYTES",
    "MAX_PROBLEMS",
    "SECTIONS",
    "ContentProblems",
    "export_content",
    "import_content",
    "read_file",
]
