"""Make a Pagefind bundle byte-for-byte reproducible.

Pagefind (1.5) writes its filter and metadata indexes, and the languages of its entry file, from hash maps, so
two runs over the same site list filters, filter values and languages in different orders, which changes those
files and the content-hashed names of the first two. This rewrites just those files in sorted order (the search
results are the same: the order carries no meaning) and renames them to a hash of their new content, keeping
every reference in step.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from reality_check.plugins.plugin_support.files import write_atomically

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# Positions in the metadata index: [version, pages, index chunks, filters, sorts, meta fields].
META_FILTERS, META_SORTS, META_FIELDS = 3, 4, 5


class UnexpectedBundleError(Exception):
    """The Pagefind bundle is not laid out as this module expects (another Pagefind version?)."""


def _read(path: Path) -> object:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise UnexpectedBundleError(f"{path}: expected a Pagefind index file starting with {SIGNATURE!r}")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: object) -> str:
    """Write `value` as a Pagefind index file named by its content; return the name without suffix."""
    raw = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    write_atomically(folder / f"{name}{suffix}", gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def _hash_digits(name: str) -> tuple[str, int]:
    prefix, _, digest = name.rpartition("_")
    return prefix + "_", len(digest)


def stabilize_bundle(bundle: Path) -> None:
    """Sort the filter and metadata indexes of the bundle in `bundle` (the site's pagefind/ folder).

    The sorted files are written beside the old ones, then the entry file that names them, and only then are the
    old ones removed: stopped at any point, the bundle is whole (the old files, or the new ones)."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    replaced: list[Path] = []
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if not isinstance(meta, list) or len(meta) <= META_FIELDS:
            raise UnexpectedBundleError(
                f"{meta_path}: expected Pagefind 1.5's metadata index, a list of at least {META_FIELDS + 1} items "
                f"(got {type(meta).__name__}{f' of {len(meta)}' if isinstance(meta, list) else ''}): another "
                "Pagefind version? requirements.txt pins the one this rewriting was written for"
            )
        filters = []
        for filter_name, file_hash in meta[META_FILTERS]:
            filter_path = bundle / "filter" / f"{file_hash}.pf_filter"
            name, values = _read(filter_path)
            prefix, digits = _hash_digits(file_hash)
            new_hash = _write(bundle / "filter", prefix, digits, ".pf_filter", [name, sorted(values)])
            if new_hash != file_hash:
                replaced.append(filter_path)
            filters.append([filter_name, new_hash])
        meta[META_FILTERS] = sorted(filters)
        meta[META_SORTS] = sorted(meta[META_SORTS])
        meta[META_FIELDS] = sorted(meta[META_FIELDS])
        prefix, digits = _hash_digits(language["hash"])
        new_hash = _write(bundle, f"pagefind.{prefix}", digits, ".pf_meta", meta).removeprefix("pagefind.")
        if new_hash != language["hash"]:
            replaced.append(meta_path)
        language["hash"] = new_hash
    entry["languages"] = dict(sorted(entry["languages"].items()))  # a hash map's order too; read by key
    write_atomically(entry_path, json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    for old in replaced:
        old.unlink(missing_ok=True)
