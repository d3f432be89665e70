"""Images in a brief's body: which the site can show, where each problem is placed, and the links the build writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from reality_check.plugins.brief_registry.briefs import IGNORED_NAMES
from reality_check.plugins.brief_registry.images import (
    ImageCode,
    body_images,
    image_file,
    image_problems,
    link_out_of_folder_problem,
    link_site_images,
    links_out_of_folder,
    picture_problem,
    rewrite_addresses,
    site_references,
    svg_runs_code,
)
from reality_check.plugins.brief_registry.rendering import brief_markdown

MARKDOWN = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"}
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"></svg>\n'
# The head of a drawing Adobe Illustrator exports: a comment, and a DOCTYPE declaring entities.
ILLUSTRATOR_SVG = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 27.0.0, SVG Export -->\n'
    b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n'
    b'\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg xmlns="&ns_svg;" width="4" height="2"><rect/></svg>\n'
)


def picture(path: Path, kind: str = "PNG", size: tuple[int, int] = (40, 20)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (30, 60, 110)).save(path, kind)
    return path


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder whose images/ holds chart.png and maps/europe.png (synthetic pictures)."""
    picture(tmp_path / "images" / "chart.png")
    picture(tmp_path / "images" / "maps" / "europe.png")
    (tmp_path / "briefs").mkdir()
    return tmp_path


def problems_of(body: str, content: Path, first_line: int = 10):
    """The image problems of `body` (Markdown) as the build finds them: rendered, then checked."""
    rendered = brief_markdown(MARKDOWN, fast=True).convert(body)
    return image_problems(rendered, body, first_line, "x.md", content / "briefs" / "x.md", content)


def test_every_image_is_found_with_its_description_and_where_its_address_is_written():
    rendered = (
        '<p><img alt="A chart" src="/images/chart.png"> and\n<img src="b.png"/> <IMG SRC=" c.png "></p>'
    )

    images = body_images(rendered)

    assert [(image.value, image.alt) for image in images] == [
        ("/images/chart.png", "A chart"),
        ("b.png", ""),
        ("c.png", ""),
    ]
    assert [rendered[image.start : image.end].strip() for image in images] == [i.value for i in images]
    assert body_images("<p>No picture, only the word img.</p>") == ()


def test_links_count_only_when_they_lead_to_one_of_the_sites_images():
    rendered = '<a href="/images/chart.png">full size</a> <a href="/briefs/x/">a brief</a> <a>no address</a>'

    assert [(r.tag, r.value) for r in site_references(rendered)] == [("a", "/images/chart.png")]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("/images/chart.png", "images/chart.png"),
        ("/images/maps/europe.png", "images/maps/europe.png"),
        ("/images/a%20chart.png", "images/a chart.png"),
        ("{static}/images/chart.png", "images/chart.png"),
        ("{static}../images/chart.png", "images/chart.png"),  # relative to the brief, as Pelican reads it
        ("|static|/images/chart.png", "images/chart.png"),  # the older spelling, which Pelican still reads
        ("{filename}/images/chart.png", None),  # a link to a content file, not an image Pelican copies
        ("/images/../pelicanconf.py", None),  # out of the folder again
        ("/images/%2e%2e/pelicanconf.py", None),
        ("/images/", None),
        ("{static}/briefs/x.md", None),
        ("chart.png", None),
        ("/static/chart.png", None),
        ("https://example.org/images/chart.png", None),
    ],
)
def test_an_address_names_a_file_in_the_images_folder_or_none(content, src, expected):
    found = image_file(src, content / "briefs" / "x.md", content)

    assert found == (None if expected is None else content / expected)


def test_a_link_in_the_images_folder_to_a_file_elsewhere_names_none(content, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    picture(secret)
    (content / "images" / "leak.png").symlink_to(secret)

    assert image_file("/images/leak.png", content / "briefs" / "x.md", content) is None
    (problem,) = problems_of("![A leak](/images/leak.png)\n", content)
    assert problem.code == ImageCode.IMAGE_OUTSIDE_FOLDER
    assert "is a link to a file outside" in problem.message


def test_images_in_the_folder_with_a_description_pass(content):
    (content / "images" / "diagram.svg").write_bytes(SVG)
    body = (
        "Text.\n\n![A synthetic chart](/images/chart.png)\n\n![A map](/images/maps/europe.png)\n\n"
        "[![A diagram](/images/diagram.svg)](/images/diagram.svg)\n"
    )

    assert problems_of(body, content) == ()


def test_each_problem_is_placed_on_the_line_of_its_image(content):
    body = (
        "Text.\n\n"  # lines 10, 11
        "![A chart](/images/chart.png)\n\n"  # 12: fine
        "![A missing chart](/images/Chart.PNG)\n\n"  # 14
        "Prose, then ![A remote chart](https://example.org/chart.png) inline.\n\n"  # 16
        '<img src="figures/chart.png" alt="Raw HTML">\n\n'  # 18
        "See [the full-size map](/images/maps/asia.png).\n"  # 20: a link to no file
    )

    found = [(p.line, p.code) for p in problems_of(body, content)]

    assert found == [
        (14, ImageCode.IMAGE_NOT_FOUND),
        (16, ImageCode.IMAGE_ON_ANOTHER_SITE),
        (18, ImageCode.IMAGE_OUTSIDE_FOLDER),
        (20, ImageCode.IMAGE_NOT_FOUND),
    ]


def test_a_missing_image_names_the_file_and_the_closest_one_there(content):
    (problem,) = problems_of("![A chart](/images/Chart.PNG)\n", content)

    assert problem.message == (
        f"image '/images/Chart.PNG' is missing: there is no {content.name}/images/Chart.PNG; add the file "
        "there, or correct the name (did you mean '/images/chart.png'?)"
    )


def test_a_close_file_whose_name_cannot_be_an_address_is_named_with_its_rename(content):
    """The hint named '/images/Chart One.png', which the check then refused for its space: it says the rename."""
    (content / "images" / "Chart One.png").write_bytes((content / "images" / "chart.png").read_bytes())
    (problem,) = problems_of("![A chart](/images/chart one.png)\n", content)

    assert problem.code == ImageCode.IMAGE_NOT_FOUND
    assert problem.message == (
        f"image '/images/chart one.png' is missing: there is no {content.name}/images/chart one.png; add the file "
        "there, or correct the name (did you mean '/images/Chart One.png'? Its name holds characters the site's "
        "addresses cannot carry: rename that file 'chart-one.png' and write ![what it shows](/images/chart-one.png))"
    )


def test_the_address_the_media_library_copies_is_told_the_address_the_site_uses(content):
    (problem,) = problems_of(f"![A chart]({content.name}/images/chart.png)\n", content)

    assert problem.code == ImageCode.IMAGE_OUTSIDE_FOLDER
    assert problem.message == (
        f"image '{content.name}/images/chart.png' is written as the file's place in the project; the site shows "
        "it at /images/chart.png, so write ![what it shows](/images/chart.png)"
    )


def test_an_image_without_a_description_is_told_how_to_write_one(content):
    (problem,) = problems_of("![](/images/chart.png)\n", content, first_line=7)

    assert (problem.line, problem.code) == (7, ImageCode.IMAGE_WITHOUT_DESCRIPTION)
    assert (
        "write what it shows between the brackets, as in ![Defence budgets, 2010 to 2020](/images/chart.png)"
        in (problem.message)
    )


def test_an_image_in_a_code_block_is_code_not_an_image(content):
    body = "```\n![](https://example.org/chart.png)\n```\n\nText with `![](x.png)` in code.\n"

    assert problems_of(body, content) == ()


def test_an_image_written_as_data_is_told_to_become_a_file(content):
    (problem,) = problems_of("![A pasted chart](data:image/png;base64,iVBORw0KGgo=)\n", content)

    assert problem.code == ImageCode.IMAGE_OUTSIDE_FOLDER
    assert problem.message.endswith(
        f"is written into the text as data: save the picture as a file in {content.name}/images and write "
        "![what it shows](/images/picture.png)"
    )


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("photo.heic", lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypheic synthetic"), "a HEIC photo"),
        ("report.png", lambda p: p.write_bytes(b"%PDF-1.7 synthetic"), "not a picture browsers show"),
        ("cut.png", lambda p: p.write_bytes(picture(p).read_bytes()[:60]), "a damaged or cut-off picture"),
        ("scan.tiff", lambda p: picture(p, "TIFF"), "a TIFF picture, which browsers do not show"),
        ("drawing.svg", lambda p: p.write_text("not svg", encoding="utf-8"), "not an SVG drawing"),
    ],
)
def test_a_file_browsers_cannot_show_is_refused_saying_what_it_is(content, name, make, says):
    make(content / "images" / name)

    (problem,) = problems_of(f"![A picture](/images/{name})\n", content)

    assert problem.code == ImageCode.IMAGE_NOT_A_PICTURE
    assert says in problem.message
    assert problem.message.endswith(
        "save it again as PNG or JPEG (a chart as PNG or SVG), put it in "
        f"{content.name}/images and write its new name"
    )


@pytest.mark.parametrize(
    "code",
    [
        b"<script>alert(1)</script>",
        b'<rect width="4" height="2" onload="alert(1)"/>',
        b'<a href="javascript:alert(1)"><text>x</text></a>',
        b"<foreignObject><div>html</div></foreignObject>",
        # Each written so that a search of the text for "<script" or "javascript:" misses it:
        b'<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>',
        b'<a href="javascript&#58;alert(1)"><text>x</text></a>',
        b'<a xmlns:x="http://www.w3.org/1999/xlink" x:href="java&#9;script:alert(1)"><text>x</text></a>',
        b'<a href="&#x20;JavaScript:alert(1)"><text>x</text></a>',
        b'<set attributeName="href" to="javascript&#x3A;alert(1)"/>',
        b'<rect xmlns:e="http://www.w3.org/2000/svg" e:onclick="alert(1)"/>',
        b'<foreignobject><iframe src="/"/></foreignobject>',
    ],
)
@pytest.mark.parametrize(
    "written", ["![A drawing](/images/drawing.svg)", "[the drawing](/images/drawing.svg)"]
)
def test_an_svg_with_code_in_it_is_refused_as_an_image_and_as_a_link(content, code, written):
    """Opened at the site's address (a link leads there; a host without the site's CSP runs it), it would run."""
    (content / "images" / "drawing.svg").write_bytes(SVG.replace(b"></svg>", b">" + code + b"</svg>"))

    (problem,) = problems_of(written + "\n", content)

    assert problem.code == ImageCode.IMAGE_RUNS_CODE
    assert "is an SVG drawing with code in it" in problem.message
    assert problem.message.endswith("export it again without scripts, or as PNG")


def test_an_svg_drawing_without_code_passes(content):
    (content / "images" / "drawing.svg").write_bytes(SVG)
    assert problems_of("![A drawing](/images/drawing.svg)\n[it](/images/drawing.svg)\n", content) == ()


@pytest.mark.parametrize(
    ("drawing", "runs_code"),
    [
        # An entity declared in the file, read as the browser reads it:
        (
            b'<!DOCTYPE svg [<!ENTITY go "javascript:alert(1)">]><svg xmlns="http://www.w3.org/2000/svg">'
            b'<a href="&go;"><text>x</text></a></svg>',
            True,
        ),
        # A file XML cannot read is searched as text:
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</svg>', True),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript&#58;x"></svg>', True),
        # What a chart exported by a drawing program holds, and words that only look like code:
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><style>'
            b'.bar{opacity:.8}</style><a xlink:href="https://example.org/data"><text>on: javascript</text></a>'
            b'<rect class="bar" orient="auto" width="4" height="2"/></svg>',
            False,
        ),
        # XML cannot read these (an encoding it lacks; an entity it cannot fetch): searched as text, as read
        (
            b'<?xml version="1.0" encoding="Shift_JIS"?><svg xmlns="http://www.w3.org/2000/svg"><script>x</script>'
            b"</svg>",
            True,
        ),
        (
            b'<?xml version="1.0" encoding="Shift_JIS"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
            False,
        ),
        (
            b'<!DOCTYPE svg [<!ENTITY x SYSTEM "x.ent">]><svg xmlns="http://www.w3.org/2000/svg">&x;'
            b'<a href="&#106;avascript:alert(1)"/></svg>',
            True,
        ),
        (
            b'<!DOCTYPE svg [<!ENTITY x SYSTEM "x.ent">]><svg xmlns="http://www.w3.org/2000/svg">&x;<iframe/></svg>',
            True,
        ),
        # An address anywhere in a list of values:
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" values="https://x;javascript:y"/>'
            b"</svg>",
            True,
        ),
        # What Illustrator and Inkscape write:
        (ILLUSTRATOR_SVG, False),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
            b'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" sodipodi:docname="chart.svg">'
            b'<sodipodi:namedview/><g inkscape:label="Layer 1" inkscape:groupmode="layer"><rect/></g></svg>',
            False,
        ),
    ],
)
def test_an_svg_is_read_as_a_browser_reads_it(drawing, runs_code):
    assert svg_runs_code(drawing) is runs_code


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "GIF", "WEBP"])
def test_the_formats_browsers_show_pass(tmp_path, kind):
    assert picture_problem(picture(tmp_path / f"x.{kind.lower()}", kind)) == ""


def test_only_the_sites_own_image_addresses_become_static_links():
    rendered = (
        "<p><img alt=\"A\" src=\"/images/chart.png\"> <img alt='B' src='/images/b.png'> "
        '<img alt=C src=/images/c.png> <a href="/images/chart.png">the chart</a> '
        '<a href="/briefs/x/">a brief</a> <img alt="D" src="/imagesx/d.png"></p>'
    )

    assert link_site_images(rendered) == (
        '<p><img alt="A" src="{static}/images/chart.png"> <img alt=\'B\' src="{static}/images/b.png"> '
        '<img alt=C src="{static}/images/c.png"> <a href="{static}/images/chart.png">the chart</a> '
        '<a href="/briefs/x/">a brief</a> <img alt="D" src="/imagesx/d.png"></p>'
    )
    assert link_site_images("<p>No image.</p>") == "<p>No image.</p>"


def test_a_rewritten_address_is_escaped_and_the_rest_kept_byte_for_byte():
    rendered = '<p>A &amp; B <img alt="x" src="/images/a&amp;b.png"> <img alt="y" src="/images/c.png"></p>'

    rewritten = rewrite_addresses(
        rendered, lambda r: "file:///t/a&b.png" if r.value.endswith("a&b.png") else None
    )

    assert (
        rewritten
        == '<p>A &amp; B <img alt="x" src="file:///t/a&amp;b.png"> <img alt="y" src="/images/c.png"></p>'
    )


def test_links_out_of_the_images_folder_are_found_and_links_inside_are_kept(content, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "synthetic-private-key").write_text("not a picture", encoding="utf-8")
    images = content / "images"
    (images / "key.png").symlink_to(elsewhere / "synthetic-private-key")
    (images / "maps" / "all").symlink_to(elsewhere, target_is_directory=True)
    (images / "gone.png").symlink_to(elsewhere / "deleted.png")  # a link to nothing, outside
    (images / "same-chart.png").symlink_to(images / "chart.png")  # inside: kept
    (images / "more-maps").symlink_to(images / "maps", target_is_directory=True)  # inside: kept

    found = links_out_of_folder(content, IGNORED_NAMES)

    assert found == (images / "gone.png", images / "key.png", images / "maps" / "all")


def test_a_link_out_of_the_folder_is_named_with_where_it_points(content, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (content / "images" / "team").symlink_to(elsewhere, target_is_directory=True)

    (problem,) = [
        link_out_of_folder_problem(link, content) for link in links_out_of_folder(content, IGNORED_NAMES)
    ]

    assert (problem.path, problem.line, problem.code) == (
        f"{content.name}/images/team",
        1,
        ImageCode.IMAGE_OUTSIDE_FOLDER,
    )
    assert problem.message.startswith(
        f"this folder is a link to {elsewhere.resolve()}, outside {content.name}/images"
    )
    assert problem.message.endswith("copy the picture itself into the folder, or delete the link")


def test_no_images_folder_has_no_links(tmp_path):
    assert links_out_of_folder(tmp_path, IGNORED_NAMES) == ()


def test_links_pelican_leaves_out_are_not_reported_and_every_other_is(content, tmp_path_factory):
    """Left out as Pelican leaves them out (IGNORE_FILES on the name alone), nothing more: a year folder, a
    backup's name or a name ending in ~ is published, so a link there to a private file is reported."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    images = content / "images"
    (images / ".hidden-link").symlink_to(elsewhere)  # hidden: IGNORE_FILES leaves it out
    (images / "~$chart.png").symlink_to(elsewhere)  # Office's lock file: left out too
    (images / "2024").mkdir()
    (images / "2024" / "private").symlink_to(elsewhere, target_is_directory=True)
    (images / "chart.png.bak").symlink_to(elsewhere / "key")
    (images / "old~").symlink_to(elsewhere, target_is_directory=True)

    assert links_out_of_folder(content, IGNORED_NAMES) == (
        images / "2024" / "private",
        images / "chart.png.bak",
        images / "old~",
    )


def test_a_folder_link_to_a_folder_that_holds_it_is_named(content):
    """Pelican follows links: a folder linked to itself or above would be copied into itself, level after level."""
    images = content / "images"
    (images / "here").symlink_to(images, target_is_directory=True)
    (images / "maps" / "up").symlink_to(images, target_is_directory=True)
    (images / "same-maps").symlink_to(images / "maps", target_is_directory=True)  # a sibling: fine

    found = links_out_of_folder(content, IGNORED_NAMES)

    assert found == (images / "here", images / "maps" / "up")
    assert link_out_of_folder_problem(found[0], content).message == (
        f"this folder is a link to {images.resolve()}, a folder that holds it, which the site would copy into "
        "itself without end: the build leaves it out; copy the picture itself into the folder, or delete the link"
    )


def test_a_loop_of_links_is_named_as_one_that_leads_to_no_file(content):
    images = content / "images"
    (images / "a.png").symlink_to(images / "b.png")
    (images / "b.png").symlink_to(images / "a.png")

    problems = [
        link_out_of_folder_problem(link, content) for link in links_out_of_folder(content, IGNORED_NAMES)
    ]

    assert [(p.path, p.message) for p in problems] == [
        (
            f"{content.name}/images/{name}",
            "this file is a link in a loop of links, which leads to no file: the build leaves it out; copy the "
            "picture itself into the folder, or delete the link",
        )
        for name in ("a.png", "b.png")
    ]


@pytest.mark.parametrize(
    ("written", "address"),
    [
        ("\\images\\chart.png", "/images/chart.png"),
        ("images\\chart.png", "/images/chart.png"),
        ("\\images\\maps\\europe.png", "/images/maps/europe.png"),
        ("C:\\Users\\ed\\chart.png", "/images/chart.png"),
    ],
)
def test_an_address_written_with_backslashes_is_told_the_address_with_slashes(content, written, address):
    """The fix it named was /images/\\images\\chart.png."""
    (problem,) = problems_of(f"![A chart]({written})\n", content)
    assert problem.code == ImageCode.IMAGE_OUTSIDE_FOLDER
    assert problem.message == (
        f"image '{written}' is written with '\\', as Windows writes a file's place: a web address uses '/', so "
        f"write ![what it shows]({address})"
    )


@pytest.mark.parametrize(
    ("file", "written", "renamed", "address"),
    [
        ("my chart ü.png", "/images/my%20chart%20%C3%BC.png", "my-chart-u.png", "/images/my-chart-u.png"),
        (
            "maps/Europe 2021.PNG",
            "/images/maps/Europe%202021.PNG",
            "europe-2021.png",
            "/images/maps/europe-2021.png",
        ),
    ],
)
def test_a_file_name_the_addresses_cannot_carry_is_told_a_name_to_give_it(
    content, file, written, renamed, address
):
    """It passed the check, and the build for the live site stopped with a traceback (Pelican's {static} link
    decodes only %20, so it found no file)."""
    picture(content / "images" / file)
    (problem,) = problems_of(f"![A chart]({written})\n", content)
    assert problem.code == ImageCode.IMAGE_NAME_UNUSABLE
    assert problem.message.endswith(f"rename the file '{renamed}' and write ![what it shows]({address})")


@pytest.mark.parametrize(
    ("body", "lines", "starts"),
    [
        (
            'Text.\n\n<img alt="A chart" src="/images/chart.png"\n  srcset="/images/chart@2x.png 2x">\n',
            [13],
            ["an image's srcset= names other files"],
        ),
        (
            '<picture>\n<source srcset="/images/chart.webp" type="image/webp">\n'
            '<img alt="A chart" src="/images/chart.png">\n</picture>\n',
            [10],
            ["<picture> names other files for an image"],
        ),
        (
            'Text.\n\n<video controls poster="/images/chart.png">\n<source src="/images/clip.mp4">\n'
            '<track src="/images/clip.vtt">\n</video>\n\n<audio src="talk.mp3"/>\n',
            [12, 17],
            ["<video> is not something a brief can show", "<audio> is not something a brief can show"],
        ),
        ('<source src="/images/clip.mp4">\n', [10], ["<source> names another file to load"]),
        (
            'Text.\n\n<form><input type="image" src="/images/chart.png" alt="Go"></form>\n',
            [12],
            ['<input type="image"> is a form\'s button'],
        ),
    ],
    ids=["srcset", "picture", "video-and-audio", "source", "input-image"],
)
def test_other_ways_of_naming_a_file_to_load_are_each_said_once_at_their_line(content, body, lines, starts):
    """srcset=, <picture>, <video>… named files the check never looked at and the build never linked: a missing
    file or a SITEURL with a path broke the page unseen. A <source> or <track> inside one is said with it."""
    problems = problems_of(body, content)
    assert [p.code for p in problems] == [ImageCode.IMAGE_MARKUP_UNSUPPORTED] * len(starts)
    assert [p.line for p in problems] == lines
    for problem, start in zip(problems, starts, strict=True):
        assert problem.message.startswith(start), problem.message


def test_an_image_with_its_one_file_and_other_inputs_are_not_other_media(content):
    body = '![A chart](/images/chart.png)\n\n<form><input type="text" name="q"></form>\n\nsrcset is a word.\n'
    assert problems_of(body, content) == ()


@pytest.mark.parametrize(
    "drawing",
    [b"\xef\xbb\xbf" + SVG, ILLUSTRATOR_SVG],
    ids=["saved with a byte-order mark", "with a DOCTYPE declaring entities (Illustrator)"],
)
def test_an_svg_drawing_as_editors_programs_save_it_is_a_picture(tmp_path, drawing):
    """Both were refused as "not an SVG drawing (its text is not <svg>)"."""
    path = tmp_path / "chart.svg"
    path.write_bytes(drawing)
    assert picture_problem(path) == ""
