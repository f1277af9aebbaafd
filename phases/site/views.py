from django.db.models import Subquery, TextField
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from phases.checker.forms import LabReportForm
from phases.checker.report import build_report
from phases.content.languages import DEFAULT, own_language_first
from phases.content.models import Disclaimer, GlossaryTerm, Phase, SharedSection
from phases.rules.classifier import classify
from phases.templatetags.pages import page_url_for


def home(request):
    return render(request, "phases/home.html", {"phases": Phase.objects.in_language_list()})


def phase_detail(request, slug):
    phases = Phase.objects.in_language_list()  # the page and its links to the others: one query
    phase = next((phase for phase in phases if phase.slug == slug), None)
    if phase is None:
        raise Http404("No such phase.")
    sections, disclaimer = sections_and_disclaimer()
    context = phase_page_context(phase, sections=sections, phases=phases)
    return render(request, "phases/phase_detail.html", context | {"disclaimer": disclaimer})


def phase_page_context(phase, *, sections=None, phases=None):
    """What a phase page shows besides the phase: the other phases (not a sequence: any phase
    may follow another, or never come), and the sections every phase page shares. `sections`
    (by key) lets a preview put a draft in place; a section that does not exist is left out."""
    phases = Phase.objects.in_language_list() if phases is None else phases
    others = [other for other in phases if other != phase]
    sections = SharedSection.by_key() if sections is None else sections
    return {
        "phase": phase,
        "other_phases": others,
        "urgent_help": sections.get(SharedSection.Key.URGENT_HELP),
        "support": sections.get(SharedSection.Key.SUPPORT),
    }


def sections_and_disclaimer(language=None):
    """The sections every phase page shares (by key) and the disclaimer every page shows, in
    one query: each section brings the disclaimer's HTML along. So an embedded phase page, which
    also looks up its partner, makes three queries, not four. In the reader's language, with
    English standing in for what is not translated (`is_fallback`)."""
    language = language or get_language()
    disclaimer = Disclaimer.objects.filter(is_published=True, language__in={language, DEFAULT})
    # This language's disclaimer first, the English one while it has none.
    disclaimer = disclaimer.order_by(own_language_first(language))
    sections = SharedSection.objects.annotate(
        # Read as plain text: with no disclaimer the field's own converter would make None "None".
        disclaimer_html=Subquery(disclaimer.values("text_html")[:1], output_field=TextField()),
        disclaimer_language=Subquery(disclaimer.values("language")[:1]),
    ).in_language_list(language)
    if not sections:  # none to bring it along (they are seeded and never deleted)
        return {}, Disclaimer.current(language)
    first = sections[0]
    disclaimer = None
    if first.disclaimer_html is not None:
        # Only the HTML, all a page shows of it; sanitised when saved, as every text_html is.
        disclaimer = Disclaimer(
            language=first.disclaimer_language, text_html=mark_safe(first.disclaimer_html)
        )
        disclaimer.is_fallback = disclaimer.language != language
    return {section.key: section for section in sections}, disclaimer


def favicon(request):
    # Looked up per request: the hashed name exists only once collectstatic has run.
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def glossary(request):
    terms = GlossaryTerm.objects.in_language_list()
    return render(request, "phases/glossary.html", {"terms": terms})


def takes_patient_values(view):
    """A page that reads a patient's lab values. The checker stores nothing and changes nothing,
    so a forged request can do no harm: it needs no CSRF cookie, and so it works inside a
    partner's cross-site iframe where cookies are blocked. The values are kept out of error
    reports and out of every cache (`never_cache` says no-store to browsers and proxies)."""
    view = require_http_methods(["GET", "HEAD", "POST"])(view)
    return sensitive_post_parameters()(csrf_exempt(never_cache(view)))


@takes_patient_values
def check(request):
    return render_checker(request)


@takes_patient_values
def handout(request):
    """The result on its own, ready to print or to save as a PDF: the print button opens it in
    a new tab when the browser runs no JavaScript (with JavaScript it prints the result page).
    It holds the answers only in the response; without them it is the checker."""
    if request.method != "POST":
        return redirect(page_url_for(request, "check"))
    return render_checker(request, handout=True)


@sensitive_variables()
def render_checker(request, *, handout=False):
    context = checker_context(request)
    if context["report"] and handout:
        return render(request, "phases/check_handout.html", context | {"handout": True})
    return render(request, "phases/check.html", context)


@sensitive_variables()
def checker_context(request, *, drafts=False, form=None):
    """The checker page's context; with `drafts`, staff preview unpublished wording (see
    admin); `form`, a form filled in another way (a chart read through SMART: phases/smart).
    The answers in it live only as long as the response."""
    if form is None:
        form = LabReportForm(request.POST if request.method == "POST" else None)
    report = answers = None
    if form.is_valid():
        values = form.lab_values()
        report = build_report(values, classify(values), questions=form.questions(), drafts=drafts)
        answers = form.answers()
    # The browser neither offers these answers again nor puts them back into the form on
    # Back or a reload: on a shared computer the next person gets an empty form.
    form.helper.attrs = {**form.helper.attrs, "autocomplete": "off"}
    if drafts:
        form.helper.form_action = request.path
    elif getattr(request, "partner", None):
        form.helper.form_action = page_url_for(request, "check")
    sections, disclaimer = sections_and_disclaimer()  # one query for both
    # Under a result the form is folded, unless it says how a number was read differently.
    said_back = report is not None and any(
        getattr(value, "understood", None) for value in form.cleaned_data.values()
    )
    return {
        "form": form,
        "report": report,
        "answers": answers,
        "preview": drafts,
        "fever_warning": sections.get(SharedSection.Key.FEVER_WARNING),
        "disclaimer": disclaimer,
        "form_open": said_back,
    }
