"""The portal's languages: which one a request is answered in (`reader_language`), and content
in that language, English standing in where a translation is missing (`stand_ins`).

A page's address decides: /es/... is Spanish, every other address English
(settings.LANGUAGE_CODE), whatever the browser or a cookie says, so a page is the same for
everyone who asks for it and caches cleanly. The API, which has no prefix, reads `?lang=`, then
Accept-Language; the Infobutton reads its own HL7 parameter and answers English otherwise, as
MedlinePlus Connect does. Content is one row per language; where a language has no published
row, the English row stands in, marked `is_fallback`, and the page says so in the reader's
language. Adding a language is a line in settings.LANGUAGES, its catalogue in locale/, and its
rows.
"""

import enum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.cache import patch_vary_headers

DEFAULT = settings.LANGUAGE_CODE
API_PARAMETER = "lang"  # the API's ?lang=
INFOBUTTON_PARAMETER = "informationRecipient.languageCode.c"  # HL7 Infobutton, MedlinePlus
OLD_SPANISH = "sp"  # what several older MedlinePlus Connect clients send for Spanish
MAX_ACCEPT_LANGUAGE = 255  # characters of the header read: a browser sends far fewer


class Asking(enum.Enum):
    """How a request says its language: the page's address, the API's ?lang= then
    Accept-Language, or the Infobutton's own parameter."""

    BY_ADDRESS = "address"
    BY_API = "api"
    BY_INFOBUTTON = "infobutton"


def codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def name_of(code: str) -> str:
    """The language's name in its own words: what a reader of it looks for."""
    return dict(settings.LANGUAGES)[code]


def english_name(code: str) -> str:
    """The language's name in English ("Spanish"), for the admin, which speaks English."""
    try:
        return translation.get_language_info(code)["name"]
    except KeyError:
        return name_of(code)


def validate_language(code):
    if code not in codes():
        known = ", ".join(f"{code} ({name})" for code, name in settings.LANGUAGES)
        raise ValidationError(f"The portal has no language “{code}”. Its languages: {known}.")


def supported(code: str | None) -> str | None:
    """`code` (like "es", "ES" or "es-MX") as one of the portal's languages, or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def from_accept_language(header: str) -> str | None:
    """The first of the portal's languages an Accept-Language header asks for (by its q
    weights, the first listed among equals), or None."""
    asked = []
    for place, part in enumerate(header[:MAX_ACCEPT_LANGUAGE].split(",")):
        code, *parameters = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if code and code != "*" and weight > 0:
            asked.append((-weight, place, code))
    return next((language for *_, code in sorted(asked) if (language := supported(code))), None)


def reader_language(request, asking: Asking = Asking.BY_ADDRESS) -> str | None:
    """The one language `request` is answered in. None only for an API request whose ?lang=
    names a language the portal does not have (the API refuses it)."""
    if asking is Asking.BY_INFOBUTTON:
        asked = request.GET.get(INFOBUTTON_PARAMETER, "").strip().lower()
        return supported("es" if asked == OLD_SPANISH else asked) or DEFAULT
    if asking is Asking.BY_API:
        asked = request.GET.get(API_PARAMETER)
        if asked is not None:
            return asked if asked in codes() else None
        header = request.headers.get("accept-language", "")
        return from_accept_language(header) or DEFAULT
    return translation.get_language_from_path(request.path_info) or DEFAULT


class LanguageFromAddressMiddleware:
    """Answer in the address's language: /es/... in Spanish, anything else in English. A view
    may switch (the API does, by its `lang` parameter) and says so in Content-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = reader_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def vary_on_accept_language(response):
    patch_vary_headers(response, ("Accept-Language",))


def stand_ins(items, language: str, *, key, language_of=lambda item: item.language) -> list[list]:
    """English stands in where a translation is missing: the one statement of that rule.
    `items` grouped by `key(item)`, each group holding the items in `language` first, then the
    English ones (other languages left out); the groups in the order of their first item."""
    groups: dict[object, list[tuple[bool, int, object]]] = {}
    for place, item in enumerate(items):
        if (item_language := language_of(item)) in (language, DEFAULT):
            groups.setdefault(key(item), []).append((item_language != language, place, item))
    ranked = sorted((sorted(group) for group in groups.values()), key=lambda group: group[0][1])
    return [[item for *_, item in group] for group in ranked]


def own_language_first(language: str) -> models.Case:
    """`stand_ins` in SQL, for a query that picks one row: the row in `language` first, then
    the English one."""
    return models.Case(models.When(language=language, then=0), default=1)


class TranslatedQuerySet(models.QuerySet):
    """Content in one language, English standing in where that language has no published row.
    Rows are matched across languages by the model's TRANSLATION_KEY (a slug or key that is
    the same in every language), or, without one, the model has one row per language."""

    def in_language_list(self, language: str | None = None, *, drafts: bool = False) -> list:
        """A list of the rows a reader of `language` (the active language by default) sees, in
        this queryset's order, each with `is_fallback` set (`stand_ins`). One query. With
        `drafts` (staff previews), each row shows its draft, and a row not yet published
        counts if it has one."""
        language = language or translation.get_language() or DEFAULT
        key = self.model.TRANSLATION_KEY
        shown = models.Q(is_published=True)
        if drafts:
            shown |= models.Q(draft__isnull=False)
        rows = self.filter(shown, language__in={language, DEFAULT})
        chosen = [
            rows[0].with_draft() if drafts else rows[0]
            for rows in stand_ins(rows, language, key=lambda row: getattr(row, key) if key else "")
        ]
        for row in chosen:
            row.is_fallback = row.language != language
        return chosen

    def translation_missing(self, language: str):
        """Published English rows that have no published row in `language`."""
        key = self.model.TRANSLATION_KEY
        translated = self.model.objects.filter(language=language, is_published=True)
        english = self.filter(language=DEFAULT, is_published=True)
        if key:
            return english.exclude(**{f"{key}__in": models.Subquery(translated.values(key))})
        return english.exclude(models.Exists(translated))

    def translation_out_of_date(self, language: str):
        """Rows in `language` whose English row was published after they were."""
        key = self.model.TRANSLATION_KEY
        english = self.model.objects.filter(language=DEFAULT, is_published=True)
        if key:
            english = english.filter(**{key: models.OuterRef(key)})
        english_published = models.Subquery(english.values("published_at")[:1])
        return (
            self.filter(language=language, is_published=True)
            .annotate(english_published_at=english_published)
            .filter(
                models.Q(published_at__lt=models.F("english_published_at"))
                | models.Q(published_at__isnull=True, english_published_at__isnull=False)
            )
        )
