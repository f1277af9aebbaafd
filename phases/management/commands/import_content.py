from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from phases.content_transfer import ContentProblems, import_content


class Command(BaseCommand):
    help = (
        "Load content written by export_content. All or nothing: a file with any problem "
        "changes nothing, and each problem is listed with the item it concerns."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the JSON file written by export_content")

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            counts = import_content(text, source=file.name)
        except ContentProblems as problems:
            lines = "\n".join(f"  - {problem}" for problem in problems.problems)
            raise CommandError(f"Nothing was imported. Problems in {file}:\n{lines}") from None
        summary = ", ".join(f"{count} {section}" for section, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {summary} and the disclaimer."))
