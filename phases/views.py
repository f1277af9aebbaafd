from django.shortcuts import get_object_or_404, render

from phases.models import GlossaryTerm, Phase


def home(request):
    return render(request, "phases/home.html", {"phases": Phase.objects.all()})


def phase_detail(request, slug):
    phase = get_object_or_404(Phase, slug=slug)
    previous, following = phase.neighbours()
    context = {"phase": phase, "previous": previous, "next": following}
    return render(request, "phases/phase_detail.html", context)


def glossary(request):
    return render(request, "phases/glossary.html", {"terms": GlossaryTerm.objects.all()})
