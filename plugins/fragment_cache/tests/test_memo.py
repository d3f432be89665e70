"""A fragment is rendered once per brief and inputs, and again for another brief or other inputs."""

from jinja2 import Environment

from reality_check.plugins.fragment_cache import rendered_once
from reality_check.plugins.fragment_cache.memo import SiteFragments, rendered_every_time_for_site

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


SITE_TEMPLATE = '{% call rendered_once_for_site("stylesheet", SITEURL) %}<link href="{{ SITEURL }}/{{ name }}">{% endcall %}'


def test_a_site_fragment_is_rendered_once_per_environment_and_again_in_the_next():
    def environment(memo) -> Environment:
        env = Environment(autoescape=True)
        env.globals["rendered_once_for_site"] = memo
        return env

    first = environment(SiteFragments())
    template = first.from_string(SITE_TEMPLATE)
    assert (
        template.render(SITEURL="https://a.example", name="site.1.css")
        == '<link href="https://a.example/site.1.css">'
    )
    # The same environment (one generator of one build) reuses its first rendering...
    assert (
        template.render(SITEURL="https://a.example", name="site.2.css")
        == '<link href="https://a.example/site.1.css">'
    )
    # ...renders again for other inputs...
    assert (
        template.render(SITEURL="https://b.example", name="site.2.css")
        == '<link href="https://b.example/site.2.css">'
    )
    # ...and the next build's environment starts empty; without the memo, every call renders.
    again = environment(SiteFragments()).from_string(SITE_TEMPLATE)
    assert (
        again.render(SITEURL="https://a.example", name="site.2.css")
        == '<link href="https://a.example/site.2.css">'
    )
    plain = environment(rendered_every_time_for_site).from_string(SITE_TEMPLATE)
    assert (
        plain.render(SITEURL="https://a.example", name="site.3.css")
        == '<link href="https://a.example/site.3.css">'
    )
    assert (
        plain.render(SITEURL="https://a.example", name="site.4.css")
        == '<link href="https://a.example/site.4.css">'
    )


def test_each_generator_gets_its_own_site_fragments():
    """Pelican makes a generator, and an environment, per template set and build; a shared memo would show one
    build's stylesheet link in the next."""
    from types import SimpleNamespace

    from reality_check.plugins.fragment_cache.handlers import install

    generators = [SimpleNamespace(settings={}, env=Environment()) for _ in range(2)]
    for generator in generators:
        install(generator)
    first, second = (generator.env.globals["rendered_once_for_site"] for generator in generators)
    assert isinstance(first, SiteFragments)
    assert first is not second
    off = SimpleNamespace(settings={"FRAGMENT_CACHE": False}, env=Environment())
    install(off)
    assert off.env.globals["rendered_once_for_site"] is rendered_every_time_for_site
