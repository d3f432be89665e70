"""A fragment is rendered once per brief and inputs, and again for another brief or other inputs."""

from jinja2 import Environment

from fragment_cache import rendered_once

TEMPLATE = '{% call rendered_once("teaser", brief, level) %}<h{{ level }}>{{ brief.title }}</h{{ level }}>{% endcall %}'


class Brief:
    def __init__(self, title: str) -> None:
        self.title = title


def render(brief: Brief, level: int) -> str:
    environment = Environment(autoescape=True)
    environment.globals["rendered_once"] = rendered_once
    return environment.from_string(TEMPLATE).render(brief=brief, level=level)


def test_the_first_rendering_is_reused_for_the_same_brief_and_inputs():
    brief = Brief("A <synthetic> brief")
    assert render(brief, 2) == "<h2>A &lt;synthetic&gt; brief</h2>"
    brief.title = "Changed after the first rendering"  # a second rendering would show this
    assert render(brief, 2) == "<h2>A &lt;synthetic&gt; brief</h2>"


def test_other_inputs_or_another_brief_render_again():
    brief = Brief("One")
    assert render(brief, 2) == "<h2>One</h2>"
    assert render(brief, 3) == "<h3>One</h3>"
    assert render(Brief("Two"), 2) == "<h2>Two</h2>"
