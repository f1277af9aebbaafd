"""What a person sees on the filled checker: the values in its boxes and the words beside them."""

import lxml.html


def page_of(response):
    return lxml.html.fromstring(response.content.decode())


def filled(response) -> dict[str, str]:
    """Each text box's value and each chosen radio button of the checker's form."""
    form = page_of(response).get_element_by_id("lab-report")
    values = {}
    for box in form.xpath(".//input[@type='text']"):
        if box.get("value"):
            values[box.get("name")] = box.get("value")
    for radio in form.xpath(".//input[@type='radio'][@checked]"):
        if radio.get("value") != "unknown":
            values[radio.get("name")] = radio.get("value")
    return values


def note_beside(response, name) -> str:
    """The words the page shows beside the question `name` about where its answer came from."""
    help_text = page_of(response).xpath(f"//*[@id='id_{name}_helptext']")
    if not help_text:
        help_text = page_of(response).xpath(f"//*[@id='id_{name}_0_helptext']")
    notes = help_text[0].xpath(".//strong[@class='from-chart']") if help_text else []
    return " ".join(notes[0].text_content().split()) if notes else ""


def text_of(response) -> str:
    return " ".join(page_of(response).text_content().split())
