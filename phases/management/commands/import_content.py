import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import get_language_info

from phases.content.transfer import MAX_IMPORT_BYTES, ContentProblems, import_content, read_file
from phases.site import page_cache
from phases.site.page_store import guard


class Command(BaseCommand):
    help = (
        "Load content written by export_content (a file of at most "
        f"{MAX_IMPORT_BYTES // 1024 // 1024} MB, or - for standard input), in every language it "
        "holds; an item without a language is English. All or nothing: a file with any problem "
        "changes nothing, and each problem is listed with the item it concerns. Partners are "
        "not content: set them up in the admin on each site."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file written by export_content, or -")

    def handle(self, *args, file, **options):
        source = "standard input" if file == "-" else os.path.basename(file)
        try:
            data = read_file(file, stdin=sys.stdin.buffer)
            counts = import_content(data, source=source)
        except ContentProblems as problems:
            lines = "\n".join(f"  - {problem}" for problem in problems.problems)
            raise CommandError(f"Nothing was imported. Problems in {source}:\n{lines}") from None
        # Each row's save retires the stored pages too; this keeps it so if rows are ever
        # bulk-written.
        page_cache.bump()
        for language, imported in counts.items():
            self.stdout.write(self.style.SUCCESS(summary(language, imported)))
        if guard.health.invalidation_owed:
            self.stderr.write(f"The page cache did not answer. {guard.STALE_WARNING}")


def summary(language, counts):
    """One language's line: "Imported 5 phases, … and the disclaimer in Spanish (es)."."""
    english_name = get_language_info(language)["name"]  # the command speaks English
    name = f"{english_name} ({language})"
    items = [f"{count} {kind}" for kind, count in counts.items() if kind != "disclaimer"]
    if counts["disclaimer"]:
        return f"Imported {', '.join(items)} and the disclaimer in {name}."
    return (
        f"Imported {', '.join(items[:-1])} and {items[-1]} in {name}; the file has no "
        f"disclaimer in {english_name}."
    )
