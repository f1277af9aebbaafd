"""The portal's texts as data: one Markdown file per text and language under seed/<folder>/,
written into the database by a migration with the historical models (apps.get_model), so a
migration seeds the same words today and in a year, whatever the live models become.

A seed folder is frozen once its migration is released: a later change of the texts is a new
folder holding only the changed files, and a new migration calling `apply(apps, "<folder>")`.
`apply` creates the rows that do not exist yet and changes the others, field by field, only
where the database still holds the words the earlier folders wrote: a text an editor has
changed is never overwritten; the new words wait in the row's draft for an editor (unless the
editor has a draft of their own). `unapply` undoes exactly that. docs/seed-content.md says how.

A file, for example seed/0001/es/phases/remission.md:

    ---
    order: 2
    name: Remisión
    version: 2
    history: Content version 3 by the portal team; awaiting clinical review
    ---

    <!-- body -->
    ## Qué significa esta fase
    ...

Between the `---` lines, one `field: value` a line: the short fields, the version a new row
starts at (1 if not given) and the note the history shows for it. Then each longer text after
a line naming its field, `<!-- field -->` (invisible when the Markdown is shown). An empty value
of a field the database may leave empty (a date) is stored as empty (NULL).

A new row's history holds one record for each of its versions, oldest first, so an editor can
compare them and bring one back. seed/<folder>/history/<language>/<kind>/<name>/1.md, 2.md...
hold what each earlier version said, as far as it differs from the text now, with its note; a
file for the latest version, only if its record differs from the text (`published_at:` empty:
recorded before the portal kept publish times).
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

SEED = Path(__file__).resolve().parent / "seed"
ENGLISH = "en"
HISTORY = "history"  # the folder of earlier versions, beside the language folders

# Folder name: (model, the field naming its item in every language, the fields an edit drafts).
# Frozen here: the historical models do not carry the live models' class attributes.
MODELS = {
    "phases": ("Phase", "slug", ("name", "summary", "body", "questions", "references")),
    "glossary": ("GlossaryTerm", "slug", ("term", "slug", "definition")),
    "checker": ("Explanation", "key", ("text",)),
    "shared": ("SharedSection", "key", ("title", "text")),
    "disclaimer": ("Disclaimer", None, ("text",)),
}
FIELD_MARK = re.compile(r"^<!-- (\w+) -->$")
_ABSENT = object()  # a field no earlier folder wrote: never taken for the database's words


@dataclass(frozen=True)
class Version:
    """What one seed file says: some fields, and the note the history shows beside them."""

    fields: dict
    history: str


@dataclass(frozen=True)
class Text:
    """One item's words in one language, as a seed file holds them, and what the history
    records of its versions 1, 2... say, as far as they differ from it."""

    folder: str  # phases, glossary, checker, shared or disclaimer
    language: str
    key: str  # the slug or key; the file name for the one disclaimer of a language
    fields: dict
    history: str
    version: int = 1
    records: tuple[Version, ...] = ()

    @property
    def model_name(self):
        return MODELS[self.folder][0]

    @property
    def identity(self):
        return (self.folder, self.language, self.key)


def parse(path: Path) -> tuple[dict, dict]:
    """A seed file's short fields (between the --- lines) and its texts (after their marks)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        raise ValueError(f"{path}: a seed file starts with its fields between --- lines")
    end = lines.index("---", 1)
    short = {}
    for line in lines[1:end]:
        name, colon, value = line.partition(":")
        if not colon or not re.fullmatch(r"\w+", name) or name in short:
            raise ValueError(f"{path}: write one `field: value` a line, not {line!r}")
        short[name] = value.removeprefix(" ")
    texts, field = {}, None
    for line in lines[end + 1 :]:
        if mark := FIELD_MARK.match(line):
            field = mark.group(1)
            if field in texts or field in short:
                raise ValueError(f"{path}: {field} is given twice")
            texts[field] = []
        elif field is not None:
            texts[field].append(line)
        elif line.strip():
            raise ValueError(f"{path}: a text starts with its field's mark, <!-- field -->")
    return short, {name: "\n".join(text).strip() for name, text in texts.items()}


def read_version(path: Path, *, default_history: str) -> Version:
    short, texts = parse(path)
    history = short.pop("history", default_history)
    return Version({**short, **texts}, history)


def read(folder: str, *, root: Path = SEED) -> list[Text]:
    """Every text of a seed folder with its earlier versions, English first, in a fixed order."""
    if not (root / folder).is_dir():
        raise ValueError(f"No seed folder {root / folder}")
    default_history = f"Seed {folder} by the portal team; awaiting clinical review"
    found = []
    paths = [path for path in (root / folder).glob("*/*/*.md") if path.parts[-3] != HISTORY]
    for path in sorted(paths, key=lambda path: (path.parts[-3] != ENGLISH, path.parts)):
        language, kind = path.parts[-3], path.parts[-2]
        if kind not in MODELS:
            raise ValueError(f"{path}: seed texts live in {', '.join(MODELS)}")
        now = read_version(path, default_history=default_history)
        version = int(now.fields.pop("version", "1"))
        versions = root / folder / HISTORY / language / kind / path.stem
        records = read_records(versions, version, now.history, default_history)
        found.append(Text(kind, language, path.stem, now.fields, now.history, version, records))
    return found


def read_records(
    versions: Path, version: int, history: str, default_history: str
) -> tuple[Version, ...]:
    """What the history records of versions 1 to `version` say beyond the text as it is now:
    one file for each earlier version (its note and what differed), and, if the latest record
    differs from the text (not its note: that is the text's), a file for it."""
    files = {path.stem: path for path in versions.glob("*.md")}
    expected = [str(number) for number in range(1, version + 1)]
    if set(files) - set(expected) or set(expected[:-1]) - set(files):
        raise ValueError(f"{versions}: version {version} has the earlier versions 1.md, 2.md...")
    records = [read_version(files[n], default_history=default_history) for n in expected[:-1]]
    latest = (
        read_version(files[expected[-1]], default_history=history)
        if expected[-1] in files
        else Version({}, history)
    )
    if latest.history != history:
        raise ValueError(f"{versions}: the latest version's note is the text's own `history`")
    return (*records, latest)


def written_before(folder: str, *, root: Path = SEED) -> dict:
    """What the seed folders before `folder` (in name order) last wrote, text by text."""
    earlier = sorted(path.name for path in root.iterdir() if path.is_dir() and path.name < folder)
    return {text.identity: text for name in earlier for text in read(name, root=root)}


def apply(apps, folder: str, *, root: Path = SEED) -> None:
    """Write a seed folder: new items are created and published; an item the earlier folders
    wrote gets the new words in each field that still holds their words; a field an editor
    changed keeps the editor's words, and the new words wait in the draft."""
    now = timezone.now()
    before = written_before(folder, root=root)
    for text in read(folder, root=root):
        model = apps.get_model("phases", text.model_name)
        values = _values(model, text)
        row = _row(model, text)
        if row is None:
            row = model.objects.create(
                language=text.language,
                **_key(text),
                **values,
                is_published=True,
                published_at=now,
                version=text.version,
            )
            for number, record in enumerate(text.records, start=1):
                # Each version written a moment after the one before, and published then
                # (unless its file says `published_at:` empty), as the history tells it.
                moment = now - datetime.timedelta(milliseconds=text.version - number)
                then = {"published_at": moment, **_values(model, record), "version": number}
                _record(apps, row, "+" if number == 1 else "~", moment, record.history, then)
            continue
        seeded = _values(model, before[text.identity]) if text.identity in before else {}
        ours = {f: v for f, v in values.items() if getattr(row, f) == seeded.get(f, _ABSENT)}
        theirs = {f: v for f, v in values.items() if f not in ours and getattr(row, f) != v}
        drafted = _draftable(text, theirs) if not row.draft else {}
        changes = {f: v for f, v in ours.items() if getattr(row, f) != v}
        if not changes and not drafted:
            continue
        for field, value in changes.items():
            setattr(row, field, value)
        if drafted:
            row.draft = {f: getattr(row, f) for f in MODELS[text.folder][2]} | drafted
        if changes:
            row.published_at = now
        row.version += 1
        row.save()
        _record(apps, row, "~", now, text.history)


def unapply(apps, folder: str, *, root: Path = SEED) -> None:
    """Undo `apply`: the items it created are removed, with their history; the words it wrote,
    and the drafts it left, give way to the earlier folders' words. An editor's words since
    then are kept, and so is an item an editor had made before."""
    before = written_before(folder, root=root)
    for text in reversed(read(folder, root=root)):
        model = apps.get_model("phases", text.model_name)
        row = _row(model, text)
        if row is None:
            continue
        history = apps.get_model("phases", f"Historical{text.model_name}").objects.filter(id=row.pk)
        first_note = text.records[0].history
        if history.filter(history_type="+", history_change_reason=first_note).exists():
            history.delete()
            row.delete()
            continue
        values = _values(model, text)
        drafted = {f: getattr(row, f) for f in MODELS[text.folder][2]} | _draftable(text, values)
        if row.draft == drafted:  # the draft `apply` left, not an editor's
            row.draft = None
        seeded = _values(model, before[text.identity]) if text.identity in before else {}
        undone = {f: seeded[f] for f, v in values.items() if f in seeded and getattr(row, f) == v}
        for field, value in undone.items():
            setattr(row, field, value)
        changed = history.filter(history_type="~", history_change_reason=text.history)
        if (record := changed.order_by("-history_date", "-history_id").first()) is not None:
            row.version = max(1, row.version - 1)
            record.delete()
        row.save()


def _values(model, text: Text | Version) -> dict:
    """A text's fields as the model stores them (an order of "2" is the number 2; an empty date
    is NULL)."""
    values = {}
    for name, value in text.fields.items():
        field = model._meta.get_field(name)
        values[name] = None if value == "" and field.null else field.to_python(value)
    return values


def _key(text: Text) -> dict:
    key_field = MODELS[text.folder][1]
    return {key_field: text.key} if key_field else {}


def _row(model, text: Text):
    return model.objects.filter(language=text.language, **_key(text)).first()


def _draftable(text: Text, values: dict) -> dict:
    return {f: v for f, v in values.items() if f in MODELS[text.folder][2]}


def _record(apps, row, history_type: str, now, note: str, then: dict | None = None) -> None:
    """A history record of the row (as it was `then`, if given: an earlier version), added (+)
    or changed (~) by the portal team with the seed file's note, so an editor sees where a
    text came from and can compare it and go back to it."""
    historical = apps.get_model("phases", f"Historical{type(row).__name__}")
    fields = {field.attname: getattr(row, field.attname) for field in type(row)._meta.fields}
    historical.objects.create(
        **fields | (then or {}),
        history_date=now,
        history_type=history_type,
        history_change_reason=note,
    )
