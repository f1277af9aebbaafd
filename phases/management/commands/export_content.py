import json

from django.core.management.base import BaseCommand

from phases.content.transfer import export_content


class Command(BaseCommand):
    help = (
        "Write all editable content (phases, sections on every phase page, disclaimer, "
        "glossary, checker explanations) in every language, each item with its language: "
        "published text and drafts, with their versions, as JSON: export_content > content.json"
    )

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(export_content(), indent=2, ensure_ascii=False))
