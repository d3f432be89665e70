"""Level 1: Decap's configuration is generated from the project's own sources, and only from them."""

from __future__ import annotations

import pytest
import yaml

from reality_check.plugins.brief_registry import Person, Registry, Term
from reality_check.plugins.brief_registry.registry import REGISTRY_FILES, SLUG_PATTERN
from reality_check.plugins.brief_registry.rules import OPTIONAL_FIELDS, REQUIRED_FIELDS
from reality_check.plugins.decap_admin import (
    BriefSources,
    DecapConfigError,
    DecapSettings,
    build_config,
    render_config,
)

# SYNTHETIC TEST FIXTURE: an invented registry, so the options can only have come from it.
REGISTRY = Registry(
    (Person("Ada Lorem", "ada-lorem", "Bio."), Person("Bo Ipsum", "bo-ipsum", "Bio.")),
    (Term("Synthetic Studies", "synthetic-studies"),),
    (Term("Atlantis", "atlantis"), Term("Lemuria", "lemuria")),
)
TEMPLATE = "## Key points\n\n- [FILL IN: synthetic template]\n"
SOURCES = BriefSources(REGISTRY, 17, TEMPLATE)
LOCAL = DecapSettings(local_backend="http://127.0.0.1:9999/api/v1", site_url="http://127.0.0.1:8000/")
LIVE = DecapSettings(backend={"name": "github", "repo": "example/reality-check", "branch": "main"})


def collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def fields(config, name="briefs"):
    return {f["name"]: f for f in collection(config, name)["fields"]}


def test_brief_fields_follow_the_front_matter_order_make_check_expects():
    briefs = collection(build_config(SOURCES, LOCAL), "briefs")
    assert [f["name"] for f in briefs["fields"]] == [
        "title", "series_number", "date", "authors", "topics", "regions", "slug",
        "key_points", "recommendations", "responses", "body",
    ]  # fmt: skip
    assert (briefs["folder"], briefs["extension"], briefs["format"]) == (
        "content/briefs",
        "md",
        "yaml-frontmatter",
    )


def test_a_briefs_web_address_is_optional_and_held_to_the_checks_rule():
    address = fields(build_config(SOURCES, LOCAL))["slug"]
    assert address["required"] is False  # empty: the address comes from the title
    assert address["pattern"][0] == SLUG_PATTERN
    assert "title" in address["hint"]


def test_the_forms_fields_are_the_briefs_own_in_their_order_and_every_required_one_is_required():
    """The form's widgets are Decap's; which fields they fill is brief_registry's rules (make check's): no field
    the check would call a stray, every required field asked for, in the rules' order."""
    form = [f for f in collection(build_config(SOURCES, LOCAL), "briefs")["fields"] if f["name"] != "body"]
    known = (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
    names = [f["name"] for f in form]
    assert set(names) <= set(known)
    assert names == sorted(names, key=known.index)
    assert [f["name"] for f in form if f.get("required", True)] == list(REQUIRED_FIELDS)


def test_names_come_from_the_registries():
    found = fields(build_config(SOURCES, LOCAL))
    assert found["authors"]["options"] == ["Ada Lorem", "Bo Ipsum"]
    assert found["topics"]["options"] == ["Synthetic Studies"]
    assert found["regions"]["options"] == ["Atlantis", "Lemuria"]
    assert found["authors"]["min"] == 1
    assert found["authors"].get("required", True)
    assert found["topics"]["required"] is False
    assert found["regions"]["required"] is False


def test_a_new_brief_starts_from_the_template_with_the_next_free_number():
    found = fields(build_config(SOURCES, LOCAL))
    assert found["body"]["default"] == TEMPLATE
    assert found["series_number"]["default"] == 17
    assert (found["series_number"]["widget"], found["series_number"]["value_type"]) == ("number", "int")
    # A translation (docs/translations.md) shares its original's number, and a brief already numbered keeps its
    # own: the hint once read, under #4's number, as if #4 should become 17.
    hint = found["series_number"]["hint"]
    assert "a translation keeps its original's" in hint
    assert "For a new brief, 17 was the next free number" in hint
    assert hint.endswith("a brief already numbered keeps its number.")
    assert "View Live" in hint  # the button's name, as the editor shows it


def test_format_messages_end_as_decap_ends_them_and_give_each_forms_own_example():
    """Decap adds a full stop after a field's message ("…such as focus-on-interests.."), and a topic's or region's
    address was explained with an author's ("such as emma-ashford")."""
    config = build_config(SOURCES, LOCAL)
    messages = {
        "briefs": [f["pattern"][1] for f in collection(config, "briefs")["fields"] if "pattern" in f],
        "pages": [f["pattern"][1] for f in collection(config, "pages")["fields"] if "pattern" in f],
        **{
            f["name"]: [field["pattern"][1] for field in f["fields"][0]["fields"] if "pattern" in field]
            for f in collection(config, "registries")["files"]
        },
    }
    assert messages == {
        "briefs": [
            "write the date as YYYY-MM-DD, such as 2021-03-05",
            "use lower-case letters, digits and hyphens only, such as focus-on-interests",
        ],
        "pages": ["use lower-case letters, digits and hyphens only, such as about"],
        "authors": ["use lower-case letters, digits and hyphens only, such as emma-ashford"],
        "topics": ["use lower-case letters, digits and hyphens only, such as security-defense"],
        "regions": ["use lower-case letters, digits and hyphens only, such as russia"],
    }
    labels = {
        field["label"]
        for f in collection(config, "registries")["files"]
        for field in f["fields"][0]["fields"]
        if field["name"] == "slug"
    }
    assert labels | {f["label"] for f in collection(config, "pages")["fields"] if f["name"] == "slug"} == {
        "Web address"
    }  # as the briefs' form calls it


def test_the_date_is_written_and_checked_as_yyyy_mm_dd():
    date = fields(build_config(SOURCES, LOCAL))["date"]
    assert (date["format"], date["date_format"], date["time_format"]) == ("YYYY-MM-DD", "YYYY-MM-DD", False)
    assert date["pattern"][0] == r"^\d{4}-\d{2}-\d{2}$"


def test_view_links_lead_to_the_preview_page_of_the_file():
    config = build_config(SOURCES, LOCAL)
    assert config["site_url"] == "http://127.0.0.1:8000"
    assert collection(config, "briefs")["preview_path"] == "admin/preview/{{filename}}/"


def test_registries_and_pages_are_editable():
    config = build_config(SOURCES, LOCAL)
    files = {f["name"]: f["file"] for f in collection(config, "registries")["files"]}
    assert files == {
        "authors": "content/authors.yml",
        "topics": "content/topics.yml",
        "regions": "content/regions.yml",
    }
    assert collection(config, "pages")["folder"] == "content/pages"


def test_local_and_live_configurations_differ_only_in_the_backend_and_view_address():
    local = build_config(SOURCES, LOCAL)
    live = build_config(SOURCES, LIVE)
    differ = {key for key in local.keys() | live.keys() if local.get(key) != live.get(key)}
    assert differ == {"backend", "local_backend", "site_url", "display_url"}
    assert local["local_backend"] == {"url": "http://127.0.0.1:9999/api/v1"}
    assert "local_backend" not in live
    assert live["backend"] == {"name": "github", "repo": "example/reality-check", "branch": "main"}
    assert (local["site_url"], local["display_url"]) == ("http://127.0.0.1:8000", "http://127.0.0.1:8000")
    assert "site_url" not in live
    assert "display_url" not in live
    assert live["publish_mode"] == local["publish_mode"] == "editorial_workflow"
    assert live["collections"] == local["collections"]


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        ({"name": "github", "repo": "example/reality-check"}, {"name": "github", "repo": "example/reality-check", "branch": "main"}),
        ({"name": "github", "repo": "example/reality-check", "branch": "live"}, {"name": "github", "repo": "example/reality-check", "branch": "live"}),
        ({"name": "github", "repo": "example/reality-check", "branch": ""}, {"name": "github", "repo": "example/reality-check", "branch": "main"}),
        ({"name": "test-repo"}, {"name": "test-repo"}),
    ],
    ids=["no branch", "a branch", "an empty branch", "not github"],
)  # fmt: skip
def test_a_github_backend_commits_to_main_unless_it_names_a_branch(backend, expected):
    """Decap's github backend would take "master" for a backend without a branch: the generated one says main."""
    assert build_config(SOURCES, DecapSettings(backend=backend))["backend"] == expected


def test_going_live_without_a_repository_is_refused():
    with pytest.raises(DecapConfigError, match="DECAP_BACKEND has no 'repo'"):
        build_config(SOURCES, DecapSettings())


def test_rendered_yaml_reads_back_to_the_same_configuration():
    config = build_config(SOURCES, LIVE)
    text = render_config(config)
    assert text.startswith("# Generated by plugins/decap_admin")
    assert yaml.safe_load(text) == config


def test_the_briefs_collection_says_what_the_series_is_called():
    config = build_config(
        SOURCES, DecapSettings(series="Synthetic Notes", local_backend="http://127.0.0.1:9/api/v1")
    )

    briefs = collection(config, "briefs")
    assert briefs["description"] == "Synthetic Notes briefs, one Markdown file each in content/briefs/."
    assert (briefs["folder"], collection(config, "pages")["folder"]) == ("content/briefs", "content/pages")


@pytest.mark.parametrize(("series", "named"), [("Synthetic Notes", "synthetic-notes"), ("", "brief")])
def test_a_new_briefs_file_is_named_by_its_number_whatever_its_title(series, named):
    """Named from the title, a brief titled in Cyrillic could not be saved (Decap: "slug is not allowed to be
    empty"), nor one with a title longer than a file name."""
    config = build_config(SOURCES, DecapSettings(series=series, local_backend="http://127.0.0.1:9/api/v1"))
    assert collection(config, "briefs")["slug"] == named + "-{{fields.series_number}}"


@pytest.mark.parametrize(
    ("repo", "told"),
    [
        ("https://github.com/example/reality-check", "example/reality-check"),
        ("git@github.com:example/reality-check.git", "example/reality-check"),
        ("https://github.com/example/reality-check/tree/main", "example/reality-check"),
        ("reality-check", "OWNER/NAME"),
        ("https://github.example.com/example/reality-check", "OWNER/NAME"),  # not github.com: no guess
        ("example/reality-check/", "example/reality-check"),
        (" example/reality-check\n", "example/reality-check"),  # a secret pasted with its newline
    ],
)
def test_a_repository_given_as_an_address_is_refused_naming_owner_and_name(repo, told):
    """Decap would be handed the address as it is, which names no repository to the GitHub API."""
    live = DecapSettings(backend={"name": "github", "repo": repo, "branch": "main"})
    with pytest.raises(DecapConfigError) as refused:
        build_config(SOURCES, live)
    assert str(refused.value) == (
        f"DECAP_BACKEND's 'repo' must name the GitHub repository as owner/name (got {repo!r}); "
        f"set DECAP_GITHUB_REPO={told}"
    )


@pytest.mark.parametrize(
    "repo", ["example/reality-check", "octocat_acme/site", "example/site.name", "a/b_c-d"]
)
def test_repositories_named_as_github_names_them_are_accepted(repo):
    live = DecapSettings(backend={"name": "github", "repo": repo, "branch": "main"})
    assert build_config(SOURCES, live)["backend"]["repo"] == repo


def test_the_hints_name_the_sections_as_the_site_heads_them():
    """A site that heads its sections otherwise (summary_card's settings) is told so in the editor's hints."""
    default = fields(build_config(SOURCES, LOCAL))
    assert "“Key points”" in default["key_points"]["hint"]
    assert "“What is the solution?”" in default["recommendations"]["hint"]

    own = BriefSources(
        REGISTRY, 17, TEMPLATE, key_points_heading="At a glance", recommendations_heading="Do this"
    )
    found = fields(build_config(own, LOCAL))

    assert "“At a glance”" in found["key_points"]["hint"]
    assert "“Do this”" in found["recommendations"]["hint"]
    assert "“At a glance”" in found["body"]["hint"]
    assert "“Do this”" in found["body"]["hint"]
    assert not [
        f for f in found.values() if "Key points" in f.get("hint", "") or "solution" in f.get("hint", "")
    ]


def test_the_registry_forms_ask_what_the_registry_requires():
    """A slug is checked as `make check` checks it (one pattern), and a topic's or region's description is optional
    in both: a registry the checks pass can be saved in the browser editor."""
    config = build_config(SOURCES, LOCAL)
    forms = {f["name"]: f["fields"][0]["fields"] for f in collection(config, "registries")["files"]}
    for name, fields in forms.items():
        by_name = {field["name"]: field for field in fields}
        assert by_name["slug"]["pattern"][0] == SLUG_PATTERN, name
        if name != "authors":
            assert by_name["description"]["required"] is False, name


def test_each_registry_form_has_every_field_of_an_entry_in_the_order_the_files_are_saved_in():
    """The form is made from the registry's own description of its entries (`REGISTRY_FILES`): a field added to
    `Person` or `Term` is a field of the form, required where `make check` requires it."""
    config = build_config(SOURCES, LOCAL)
    forms = {f["name"]: f["fields"][0]["fields"] for f in collection(config, "registries")["files"]}
    assert list(forms) == list(REGISTRY_FILES)
    for name, registry in REGISTRY_FILES.items():
        assert [field["name"] for field in forms[name]] == list(registry.written_order)
        assert set(registry.written_order) == set(registry.kind.__dataclass_fields__), name
        required = [field["name"] for field in forms[name] if field.get("required", True)]
        assert required == [field for field in registry.written_order if field in registry.required], name
