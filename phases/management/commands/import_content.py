import os
import sys

from django.core.management.base import BaseCommand, CommandError

from phases.content_transfer import MAX_IMPORT_BYTES, ContentProblems, import_content, read_file


class Command(BaseCommand):
    help = (
        "Load content written by export_content (a file of at most "
        f"{MAX_IMPORT_BYTES // 1024 // 1024} MB, or - for standard input). All or nothing: a "
        "file with any problem changes nothing, and each problem is listed with the item it "
        "concerns. Partners are not content: set them up in the admin on each site."
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
        disclaimer = counts.pop("disclaimer")
        summary = ", ".join(f"{count} {section}" for section, count in counts.items())
        ending = " and the disclaimer." if disclaimer else "; the file has no disclaimer."
        self.stdout.write(self.style.SUCCESS(f"Imported {summary}{ending}"))
