"""Write a synthetic archive of N briefs shaped like Reality Check #4, deterministically from a seed.

Every brief is plainly synthetic (invented words, invented people), about 12 KB of Markdown, and passes
`make check`. The same briefs are also written with Pelican's native `Key: value` metadata, so plain Pelican
(no plugins, built-in theme) can build exactly the same Markdown bodies for comparison.

    python -m reality_check.bench.corpus 1000 /tmp/corpus        # writes /tmp/corpus/project and /tmp/corpus/plain
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from reality_check.editor import PROJECT_FOLDER, decap_yaml
from reality_check.editor.authors import entry_yaml
from reality_check.plugins.brief_registry import Person

ROOT = PROJECT_FOLDER

# Invented-sounding but readable filler, so Markdown and the search index do realistic work.
WORDS = [
    "alliance",
    "posture",
    "restraint",
    "deterrence",
    "leverage",
    "incentive",
    "sanction",
    "treaty",
    "corridor",
    "summit",
    "envoy",
    "ministry",
    "capital",
    "frontier",
    "reform",
    "doctrine",
    "budget",
    "tariff",
    "pipeline",
    "reactor",
    "arsenal",
    "channel",
    "dialogue",
    "pressure",
    "framework",
    "caucus",
    "mandate",
    "coalition",
    "partner",
    "rival",
    "market",
    "export",
    "import",
    "ledger",
    "harbor",
    "convoy",
    "patrol",
    "council",
    "charter",
    "protocol",
    "garrison",
    "border",
    "enclave",
    "basin",
    "delta",
    "plateau",
    "strait",
    "canal",
    "province",
    "district",
    "archive",
    "memo",
    "cable",
    "briefing",
    "forecast",
    "scenario",
    "metric",
    "signal",
    "baseline",
    "threshold",
    "margin",
    "premium",
    "careful",
    "gradual",
    "durable",
    "costly",
    "modest",
    "credible",
    "narrow",
    "broad",
    "steady",
    "uneven",
    "fragile",
    "resilient",
    "quietly",
    "openly",
    "slowly",
    "firmly",
    "rarely",
    "often",
    "seldom",
    "jointly",
    "partly",
    "mostly",
    "largely",
    "broadly",
    "negotiate",
    "restrain",
    "verify",
    "monitor",
    "finance",
    "sustain",
    "withdraw",
    "reassure",
    "signal",
    "invest",
    "deploy",
    "review",
    "balance",
    "hedge",
    "engage",
    "defer",
    "recalibrate",
    "stabilize",
    "prioritize",
    "accommodate",
    "coordinate",
    "reconsider",
]
PEOPLE = (
    ("Avery Synthfield", "avery-synthfield"),
    ("Blake Testington", "blake-testington"),
    ("Casey Placeholder", "casey-placeholder"),
    ("Dana Fixture", "dana-fixture"),
    ("Emery Mockridge", "emery-mockridge"),
    ("Finley Sampleton", "finley-sampleton"),
)
TOPICS = ("Politics & Diplomacy", "Security & Defense", "Economy & Business", "Energy & Environment")
REGIONS = ("Russia", "Europe", "China", "Middle East", "Asia", "Americas")
FIRST_DATE = dt.date(2015, 1, 5)


@dataclass(frozen=True)
class Brief:
    number: int
    title: str
    date: dt.date
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    regions: tuple[str, ...]
    body: str

    @property
    def filename(self) -> str:
        return f"synthetic-{self.number:05d}.md"


class Writer:
    """Deterministic filler text from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 10, high: int = 24) -> str:
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))


def make_brief(number: int, rng: random.Random) -> Brief:
    w = Writer(rng)
    title = f"Synthetic brief {number}: {w.words(4, 8)}"
    key_points = "\n".join(f"- {w.sentence(22, 34)}" for _ in range(3))
    recommendations = "\n\n".join(
        f"{i}. **{w.sentence(2, 4)}** {' '.join(w.sentence() for _ in range(rng.randint(7, 9)))}"
        for i in (1, 2, 3)
    )
    body = "\n\n".join(
        [
            "<!-- SYNTHETIC BENCHMARK BRIEF: invented text, not a real Reality Check brief. -->",
            "## Key points",
            key_points,
            "## What’s the issue?",
            *(w.paragraph() for _ in range(2)),
            "## What’s the issue?",
            *(w.paragraph() for _ in range(3)),
            "## Why is this problematic?",
            *(w.paragraph(4, 6) for _ in range(6)),
            "## What is the solution?",
            *(w.paragraph() for _ in range(2)),
            recommendations,
        ]
    )
    return Brief(
        number=number,
        title=title[0].upper() + title[1:],
        date=FIRST_DATE + dt.timedelta(days=3 * number),
        authors=tuple(name for name, _ in rng.sample(PEOPLE, rng.randint(1, 2))),
        topics=tuple(sorted(rng.sample(TOPICS, rng.randint(1, 2)))),
        regions=(rng.choice(REGIONS),),
        body=body + "\n",
    )


def project_text(brief: Brief) -> str:
    """The brief as the project's editors' tools write one (front matter in the browser editor's form)."""
    front_matter = decap_yaml.front_matter(
        {
            "title": brief.title,
            "series_number": brief.number,
            "date": brief.date.isoformat(),
            "authors": list(brief.authors),
            "topics": list(brief.topics),
            "regions": list(brief.regions),
        }
    )
    return front_matter + "\n" + brief.body


def plain_text(brief: Brief) -> str:
    return (
        f"Title: {brief.title}\n"
        f"Date: {brief.date.isoformat()}\n"
        f"Authors: {'; '.join(brief.authors)}\n"
        f"Tags: {', '.join(brief.topics + brief.regions)}\n\n" + brief.body
    )


def registry_yaml() -> str:
    """The authors registry, as `make author` writes each entry."""
    return "# SYNTHETIC benchmark authors: invented people.\nauthors:\n" + "".join(
        entry_yaml(Person(name, slug, "An invented author for benchmark briefs.")) for name, slug in PEOPLE
    )


def write_corpus(n: int, destination: Path, seed: int = 2021) -> tuple[Path, Path]:
    """Write N briefs twice: ``project/`` (YAML front matter + registries) and ``plain/`` (Pelican metadata)."""
    rng = random.Random(seed)
    project, plain = destination / "project", destination / "plain"
    for folder in (project, plain):
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "briefs").mkdir(parents=True)
    (project / "authors.yml").write_text(registry_yaml(), encoding="utf-8")
    for name in ("topics.yml", "regions.yml"):
        shutil.copy(ROOT / "content" / name, project / name)
    shutil.copytree(ROOT / "content" / "pages", project / "pages")
    for number in range(1, n + 1):
        brief = make_brief(number, rng)
        (project / "briefs" / brief.filename).write_text(project_text(brief), encoding="utf-8")
        (plain / "briefs" / brief.filename).write_text(plain_text(brief), encoding="utf-8")
    return project, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of briefs")
    parser.add_argument("destination", type=Path)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    project, plain = write_corpus(args.n, args.destination, args.seed)
    print(f"wrote {args.n} briefs to {project} and {plain}")


if __name__ == "__main__":
    main()
