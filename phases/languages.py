"""The portal's languages: which one a request is answered in, and content in that language.

The address decides: /es/... is Spanish, every other address English (settings.LANGUAGE_CODE),
whatever the browser or a cookie says, so a page is the same for everyone who asks for it and
caches cleanly. The API, which has no prefix, chooses by `?lang=` or Accept-Language itself
(phases.api). Content is one row per language; where a language has no published row, the
English row stands in, marked `is_fallback`, and the page says so in the reader's language.
Adding a language is a line in settings.LANGUAGES, its catalogue in locale/, and its rows.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

DEFAULT = settings.LANGUAGE_CODE


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
    code = code.strip().lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in codes():
            return candidate
    return None


def from_accept_language(header: str) -> str | None:
    """The first of the portal's languages the header asks for (by its q weights), or None."""
    return next(
        (
            language
            for asked, _ in parse_accept_lang_header(header[:255])
            if (language := supported(asked))
        ),
        None,
    )


class LanguageFromAddressMiddleware:
    """Answer in the address's language: /es/... in Spanish, anything else in English. A view
    may switch (the API does, by its `lang` parameter) and says so in Content-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or DEFAULT
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


def vary_on_accept_language(response):
    patch_vary_headers(response, ("Accept-Language",))


class TranslatedQuerySet(models.QuerySet):
    """Content in one language, English standing in where that language has no published row.
    Rows are matched across languages by the model's TRANSLATION_KEY (a slug or key that is
    the same in every language), or, without one, the model has one row per language."""

    def in_language(self, language: str | None = None, *, drafts: bool = False) -> list:
        """The rows a reader of `language` (the active language by default) sees, in this
        queryset's order, each with `is_fallback` set. One query. With `drafts` (staff
        previews), each row shows its draft, and a row not yet published counts if it has one."""
        language = language or translation.get_language() or DEFAULT
        key = self.model.TRANSLATION_KEY
        shown = models.Q(is_published=True)
        if drafts:
            shown |= models.Q(draft__isnull=False)
        rows = self.filter(shown, language__in={language, DEFAULT})
        chosen = {}
        for position, row in enumerate(rows):
            match = getattr(row, key) if key else ""
            if row.language == language or match not in chosen:
                chosen[match] = (position, row.with_draft() if drafts else row)
        in_order = [row for _, row in sorted(chosen.values(), key=lambda pair: pair[0])]
        for row in in_order:
            row.is_fallback = row.language != language
        return in_order

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
