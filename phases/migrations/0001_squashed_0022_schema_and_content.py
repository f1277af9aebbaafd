"""The portal's database as the 22 migrations before it left it, made in one step: the
schema, the staff groups, the cache table, the demo partner, and every text in English and
Spanish, written once from the seed files in seed/0001/ (see _seed.py).

It replaces 0001_initial ... 0022_checker_wording_v3: a database that has them all is left as it
is; their files were removed (they are in the history of the repository, up to the commit before
this one: a database part-way through them is brought to 0022 with that commit first).
"""

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.core.management import call_command
from django.db import migrations, models

import phases.models
from phases.migrations._groups import grant
from phases.migrations._seed import apply, unapply

SEED_FOLDER = "0001"
EDITORS = "Content editors"
APPROVERS = "Content approvers"
# Editors save drafts; approvers also publish, mark pages reviewed and remove glossary terms.
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("phase", "disclaimer", "glossaryterm", "explanation", "sharedsection")
    for action in ("view", "change")
] + ["add_glossaryterm"]
APPROVER_ONLY = [
    "publish_phase",
    "review_phase",
    "publish_disclaimer",
    "publish_glossaryterm",
    "delete_glossaryterm",
    "publish_explanation",
    "publish_sharedsection",
]
DEMO_PARTNER = {
    "name": "Demo (the portal's own embedding help page)",
    "allowed_origins": "",  # only the portal itself frames its live previews on /embed/help/
    "accent_colour": "#0b5f6f",
    "back_link_url": "",
    "back_link_text": "Back to the health library",
    "is_active": True,
}


def create_cache_table(apps, schema_editor):
    """The table of the database cache (settings.CACHES), where staff sign-in keeps what it
    needs for a moment; made here so `migrate` alone sets up a database."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    for cache in settings.CACHES.values():
        if cache["BACKEND"].endswith("DatabaseCache"):
            table = schema_editor.quote_name(cache["LOCATION"])
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


def create_groups(apps, schema_editor):
    grant(apps, EDITORS, EDITOR_PERMISSIONS)
    grant(apps, APPROVERS, EDITOR_PERMISSIONS + APPROVER_ONLY)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, APPROVERS]).delete()


def create_demo_partner(apps, schema_editor):
    apps.get_model("phases", "Partner").objects.get_or_create(key="demo", defaults=DEMO_PARTNER)


def delete_demo_partner(apps, schema_editor):
    apps.get_model("phases", "Partner").objects.filter(key="demo").delete()


def seed_content(apps, schema_editor):
    apply(apps, SEED_FOLDER)


def remove_content(apps, schema_editor):
    unapply(apps, SEED_FOLDER)


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("phases", "0001_initial"),
        ("phases", "0002_seed_content"),
        ("phases", "0003_content_editors_group"),
        ("phases", "0004_explanation"),
        ("phases", "0005_seed_explanations"),
        ("phases", "0006_editorial_workflow"),
        ("phases", "0007_publish_and_record_existing_content"),
        ("phases", "0008_content_approvers_group"),
        ("phases", "0009_partner"),
        ("phases", "0010_demo_partner"),
        ("phases", "0011_phase_sources_review_status_shared_sections"),
        ("phases", "0012_checker_wording_v2"),
        ("phases", "0013_content_v2"),
        ("phases", "0014_stored_html_and_text_limits"),
        ("phases", "0015_languages"),
        ("phases", "0016_spanish_content"),
        ("phases", "0017_reading_level_help"),
        ("phases", "0018_content_v3"),
        ("phases", "0019_review_covers_texts"),
        ("phases", "0020_staff_sign_in_log"),
        ("phases", "0021_short_lived_table"),
        ("phases", "0022_checker_wording_v3"),
    ]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Partner",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The library or hospital, for staff.", max_length=120
                    ),
                ),
                (
                    "key",
                    models.SlugField(
                        help_text="Short name in the embed address (/embed/KEY/) and in the snippet. Changing it breaks the partner's embeds.",
                        max_length=40,
                        unique=True,
                    ),
                ),
                (
                    "allowed_origins",
                    models.TextField(
                        blank=True,
                        help_text="The web addresses allowed to show the pages in a frame, one per line, like https://library.example-hospital.org. Only these may frame the pages or call the API from a browser.",
                        validators=[phases.models.validate_origins],
                    ),
                ),
                (
                    "accent_colour",
                    models.CharField(
                        default="#0b5f6f",
                        help_text="The partner's colour for headings, links and buttons, like #0b5f6f. It must be dark enough for readable text.",
                        max_length=7,
                        validators=[phases.models.validate_accent_colour],
                    ),
                ),
                (
                    "back_link_url",
                    models.URLField(
                        blank=True,
                        help_text="Where the link at the top of embedded pages leads, on the partner's site.",
                        verbose_name="“back to the library” address",
                    ),
                ),
                (
                    "back_link_text",
                    models.CharField(
                        default="Back to the health library",
                        max_length=80,
                        verbose_name="“back to the library” words",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Untick to stop the partner's embeds at once.",
                        verbose_name="active",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="SignInEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("when", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ("username", models.CharField(blank=True, max_length=150)),
                (
                    "outcome",
                    models.CharField(
                        choices=[
                            ("signed_in", "Signed in"),
                            ("signed_out", "Signed out"),
                            ("failed", "Failed"),
                            ("refused", "Refused: no portal role"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "method",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sso", "Hospital account (single sign-on)"),
                            ("password_totp", "Password + authenticator app"),
                            ("password_recovery_codes", "Password + recovery code"),
                            ("password_webauthn", "Password + passkey"),
                            ("password", "Password (second factor to set up)"),
                            ("second_factor", "Second factor"),
                            ("", "-"),
                        ],
                        max_length=30,
                    ),
                ),
                ("address", models.GenericIPAddressField(blank=True, null=True)),
                ("detail", models.CharField(blank=True, max_length=200)),
            ],
            options={
                "verbose_name": "staff sign-in",
                "verbose_name_plural": "staff sign-in log",
                "ordering": ["-when"],
            },
        ),
        migrations.CreateModel(
            name="Disclaimer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "text",
                    models.TextField(
                        help_text="Shown at the foot of every page and with every checker result. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
            ],
            options={
                "verbose_name": "medical disclaimer",
                "verbose_name_plural": "medical disclaimer",
                "permissions": [("publish_disclaimer", "Can publish disclaimer changes")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language",),
                        name="one_disclaimer_per_language",
                        violation_error_message="There is already a disclaimer in this language.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Explanation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "key",
                    models.SlugField(
                        help_text="Which text this is. The checker looks it up by this name.",
                        max_length=60,
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("phase", "Phase result"),
                            ("urgent", "Urgent advice"),
                            ("finding", "Finding"),
                            ("cant-tell", "Can't tell yet"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="What the patient reads. Put a value in with its placeholder in curly brackets, for example {marrow_blasts_percent}; the placeholders this text may use are listed above. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
            ],
            options={
                "verbose_name": "checker explanation",
                "ordering": ["kind", "key"],
                "permissions": [("publish_explanation", "Can publish checker explanation changes")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "key"),
                        name="one_explanation_per_key_and_language",
                        violation_error_message="This text already exists in this language.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="GlossaryTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                ("term", models.CharField(help_text="The word or phrase.", max_length=80)),
                (
                    "slug",
                    models.SlugField(
                        help_text="Links to this term end in #anchor, for example /glossary/#blasts. The same in every language: a translation takes the anchor of the English term. Changing it breaks links that already use it.",
                        max_length=80,
                        verbose_name="anchor",
                    ),
                ),
                (
                    "definition",
                    models.TextField(
                        help_text="A plain explanation in one to three short sentences. No Markdown needed.",
                        validators=[django.core.validators.MaxLengthValidator(1000)],
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=False,
                        editable=False,
                        help_text="A new term stays hidden from patients until it is first published.",
                    ),
                ),
            ],
            options={
                "ordering": [django.db.models.functions.text.Lower("term")],
                "permissions": [("publish_glossaryterm", "Can publish glossary changes")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "slug"),
                        name="one_term_per_anchor_and_language",
                        violation_error_message="Another term in this language already has this anchor.",
                    ),
                    models.UniqueConstraint(
                        models.F("language"),
                        django.db.models.functions.text.Lower("term"),
                        name="one_term_per_word_and_language",
                        violation_error_message="This term is already in the glossary in this language.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalDisclaimer",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "text",
                    models.TextField(
                        help_text="Shown at the foot of every page and with every checker result. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                ("updated_at", models.DateTimeField(blank=True, editable=False)),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical medical disclaimer",
                "verbose_name_plural": "historical medical disclaimer",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalExplanation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "key",
                    models.SlugField(
                        help_text="Which text this is. The checker looks it up by this name.",
                        max_length=60,
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("phase", "Phase result"),
                            ("urgent", "Urgent advice"),
                            ("finding", "Finding"),
                            ("cant-tell", "Can't tell yet"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="What the patient reads. Put a value in with its placeholder in curly brackets, for example {marrow_blasts_percent}; the placeholders this text may use are listed above. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical checker explanation",
                "verbose_name_plural": "historical checker explanations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGlossaryTerm",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                ("term", models.CharField(help_text="The word or phrase.", max_length=80)),
                (
                    "slug",
                    models.SlugField(
                        help_text="Links to this term end in #anchor, for example /glossary/#blasts. The same in every language: a translation takes the anchor of the English term. Changing it breaks links that already use it.",
                        max_length=80,
                        verbose_name="anchor",
                    ),
                ),
                (
                    "definition",
                    models.TextField(
                        help_text="A plain explanation in one to three short sentences. No Markdown needed.",
                        validators=[django.core.validators.MaxLengthValidator(1000)],
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=False,
                        editable=False,
                        help_text="A new term stays hidden from patients until it is first published.",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical glossary term",
                "verbose_name_plural": "historical glossary terms",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPhase",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "slug",
                    models.SlugField(
                        choices=[
                            ("untreated", "Untreated"),
                            ("remission", "Remission"),
                            ("minimal-residual-disease", "Minimal residual disease"),
                            ("refractory", "Refractory"),
                            ("relapsed", "Relapsed"),
                        ],
                        help_text="The fixed web address of this phase, the same in every language. It cannot be changed.",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        help_text="Where this phase stands in lists: 1 comes first."
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The phase's name as patients see it.", max_length=80
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One plain sentence shown on the home page card and at the top of the page.",
                        max_length=240,
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text="What this phase means, what the tests show, and what usually happens next. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="explanation",
                    ),
                ),
                (
                    "questions",
                    models.TextField(
                        help_text="A list of questions patients can take to their next visit, one per line starting with -. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="questions to ask your care team",
                    ),
                ),
                (
                    "references",
                    models.TextField(
                        blank=True,
                        help_text="The sources this page is based on, one per line starting with -, as a Markdown list. Patients see them at the end of the page under “Sources”.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="sources",
                    ),
                ),
                (
                    "icd10_code",
                    models.CharField(
                        choices=[
                            ("C91.00", "C91.00: ALL that has not achieved remission"),
                            ("C91.01", "C91.01: ALL in remission"),
                            ("C91.02", "C91.02: ALL in relapse"),
                        ],
                        help_text="The diagnosis code doctors use for this phase. Shown in small print.",
                        max_length=6,
                        verbose_name="ICD-10-CM code",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(
                        blank=True,
                        help_text="The day a clinician last checked this page. Empty: not reviewed yet.",
                        null=True,
                    ),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="The day this page should be checked again.",
                        null=True,
                    ),
                ),
                (
                    "reviewer",
                    models.CharField(
                        blank=True,
                        help_text="Full name and role of the clinician who last checked this page, for example “Dr A. Example, paediatric haematologist”.",
                        max_length=120,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "reviewed_fingerprint",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="A fingerprint of the texts the last clinical review covered.",
                        max_length=64,
                    ),
                ),
                (
                    "body_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                (
                    "questions_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                (
                    "references_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical phase",
                "verbose_name_plural": "historical phases",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSharedSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "key",
                    models.SlugField(
                        choices=[
                            ("urgent-help", "When to get help right away"),
                            ("support", "Where to get support"),
                            ("fever-warning", "Fever warning at the top of the checker"),
                        ],
                        editable=False,
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The heading shown above the text (in bold for the fever warning).",
                        max_length=80,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical shared text",
                "verbose_name_plural": "historical shared texts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Phase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "slug",
                    models.SlugField(
                        choices=[
                            ("untreated", "Untreated"),
                            ("remission", "Remission"),
                            ("minimal-residual-disease", "Minimal residual disease"),
                            ("refractory", "Refractory"),
                            ("relapsed", "Relapsed"),
                        ],
                        help_text="The fixed web address of this phase, the same in every language. It cannot be changed.",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        help_text="Where this phase stands in lists: 1 comes first."
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The phase's name as patients see it.", max_length=80
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One plain sentence shown on the home page card and at the top of the page.",
                        max_length=240,
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text="What this phase means, what the tests show, and what usually happens next. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="explanation",
                    ),
                ),
                (
                    "questions",
                    models.TextField(
                        help_text="A list of questions patients can take to their next visit, one per line starting with -. Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="questions to ask your care team",
                    ),
                ),
                (
                    "references",
                    models.TextField(
                        blank=True,
                        help_text="The sources this page is based on, one per line starting with -, as a Markdown list. Patients see them at the end of the page under “Sources”.",
                        validators=[phases.models.validate_markdown],
                        verbose_name="sources",
                    ),
                ),
                (
                    "icd10_code",
                    models.CharField(
                        choices=[
                            ("C91.00", "C91.00: ALL that has not achieved remission"),
                            ("C91.01", "C91.01: ALL in remission"),
                            ("C91.02", "C91.02: ALL in relapse"),
                        ],
                        help_text="The diagnosis code doctors use for this phase. Shown in small print.",
                        max_length=6,
                        verbose_name="ICD-10-CM code",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(
                        blank=True,
                        help_text="The day a clinician last checked this page. Empty: not reviewed yet.",
                        null=True,
                    ),
                ),
                (
                    "next_review_due",
                    models.DateField(
                        blank=True,
                        help_text="The day this page should be checked again.",
                        null=True,
                    ),
                ),
                (
                    "reviewer",
                    models.CharField(
                        blank=True,
                        help_text="Full name and role of the clinician who last checked this page, for example “Dr A. Example, paediatric haematologist”.",
                        max_length=120,
                        verbose_name="reviewed by",
                    ),
                ),
                (
                    "reviewed_fingerprint",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="A fingerprint of the texts the last clinical review covered.",
                        max_length=64,
                    ),
                ),
                (
                    "body_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                (
                    "questions_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
                (
                    "references_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
            ],
            options={
                "ordering": ["order"],
                "permissions": [
                    ("publish_phase", "Can publish phase changes"),
                    ("review_phase", "Can mark phases as clinically reviewed"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "slug"),
                        name="one_phase_per_slug_and_language",
                        violation_error_message="This phase already has a text in this language.",
                    ),
                    models.UniqueConstraint(
                        fields=("language", "order"),
                        name="one_phase_per_place_and_language",
                        violation_error_message="Another phase already has this place in the list.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("last_reviewed__isnull", True), ("next_review_due__isnull", True)
                            ),
                            ("next_review_due__gte", models.F("last_reviewed")),
                            _connector="OR",
                        ),
                        name="phase_review_due_after_last_review",
                        violation_error_message="The next review must be due after the last review.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="SharedSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        default="en",
                        help_text="The language patients read this text in. It cannot be changed later.",
                        max_length=8,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=True,
                        editable=False,
                        help_text="Patients see this text once it has been published.",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        help_text="When the text patients read was last published.",
                        null=True,
                    ),
                ),
                (
                    "draft",
                    models.JSONField(
                        blank=True,
                        editable=False,
                        help_text="Changes saved but not yet published.",
                        null=True,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, editable=False)),
                (
                    "key",
                    models.SlugField(
                        choices=[
                            ("urgent-help", "When to get help right away"),
                            ("support", "Where to get support"),
                            ("fever-warning", "Fever warning at the top of the checker"),
                        ],
                        editable=False,
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="The heading shown above the text (in bold for the fever warning).",
                        max_length=80,
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="Written in Markdown: a blank line starts a new paragraph, ## starts a heading, - starts a list item, and [words](/glossary/#blasts) makes a link. Keep sentences short: aim for the reading level shown below the form's texts.",
                        validators=[phases.models.validate_markdown],
                    ),
                ),
                (
                    "text_html",
                    phases.models.SanitisedHtmlField(blank=True, default="", editable=False),
                ),
            ],
            options={
                "verbose_name": "shared text",
                "verbose_name_plural": "shared texts",
                "ordering": ["key"],
                "permissions": [
                    ("publish_sharedsection", "Can publish changes to shared sections")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "key"),
                        name="one_section_per_key_and_language",
                        violation_error_message="This section already has a text in this language.",
                    )
                ],
            },
        ),
        migrations.RunPython(create_cache_table, drop_cache_table),
        migrations.RunPython(create_groups, delete_groups),
        migrations.RunPython(create_demo_partner, delete_demo_partner),
        migrations.RunPython(seed_content, remove_content),
    ]
