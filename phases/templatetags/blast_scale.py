"""Where things sit on the checker's blast scale, across its width.

The line runs from 0 to 100%, but what a reader needs is where their value sits against the 5%
and 20% marks, which would be a few pixels apart at the left end of a phone's line. So the line
is drawn in three stretches, each marked: 0 to 5% takes the first 40% of its width, 5 to 20%
the next 22%, and 20 to 100% the rest. The marks' labels then never touch (not at 320 pixels
either), and a value just below 5% sits clearly left of the 5% line.
"""

from django import template

register = template.Library()

# (value in percent, place across the line in percent of its width), from left to right.
STRETCHES = ((0, 0), (5, 40), (20, 62), (100, 100))
# The "You: …" label is centred over the marker except near either end of the line, where it
# starts or ends at the marker so that it stays inside the picture.
LABEL_CENTRED_FROM, LABEL_CENTRED_UP_TO = 30, 70


def place(percent: float) -> float:
    """Where `percent` (0 to 100) sits across the line, in percent of its width."""
    percent = min(max(float(percent), 0.0), 100.0)
    for (low, left), (high, right) in zip(STRETCHES, STRETCHES[1:], strict=False):
        if percent <= high:
            return left + (percent - low) * (right - left) / (high - low)
    return 100.0


@register.filter
def scale_x(percent) -> str:
    """The SVG x of `percent`, written with a point in every language ("27.3")."""
    return f"{round(place(percent), 1):g}"


@register.filter
def scale_label_anchor(percent) -> str:
    x = place(percent)
    if x < LABEL_CENTRED_FROM:
        return "start"
    if x > LABEL_CENTRED_UP_TO:
        return "end"
    return "middle"
