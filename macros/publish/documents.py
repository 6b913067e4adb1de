"""Downloadable documents (Word, OpenDocument, Markdown) for agreement templates: writes
``<id>-<version>.docx``, ``.odt`` and ``.md`` (``write_downloads``, ``write_all`` for several
templates in parallel threads).

The jobs on the way each have a module: the body as text, its placeholders marked or filled
(``document_text``); the body as pandoc's document tree, made inert, with its sections
(``document_tree``); the house style's reference documents (``house_style``); repeatable
packages with fixed dates and ZIP times (``document_packages``); a build's work folder
(``document_work``); the errors, each a Dutch message (``document_errors``). The markers the
fill-in reads are ``document_layout``'s.

Nothing of the build machine reaches a document: pandoc runs with ``--sandbox`` (it reads
only its input and the reference document) on the inert tree.
"""

from __future__ import annotations

import functools
import os
import re
import uuid
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pypandoc

from macros.load.parallel import in_threads
from macros.load.template_parts import TemplateForm
from macros.publish.document_layout import footer_text
from macros.publish.document_errors import BatchError, ConversionError, DocumentError, PlaceholderError
from macros.publish.document_packages import Finish, normalise_package, release_moment
from macros.publish.document_text import LANG, mark_placeholders, markdown_download
from macros.publish.document_tree import document_tree, expected_markers
from macros.publish.document_work import references_for


_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_VERSION_RE = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")


def _pandoc_detail(error: Exception) -> str:
    """A short, readable reason from a pypandoc/OS error."""
    if isinstance(error, FileNotFoundError) and "pandoc" in str(error).lower():
        return "Pandoc is niet gevonden; installeer pypandoc-binary."
    text = str(error).split("during conversion:", 1)[-1]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    reason = " ".join(lines)[:400]
    return f"Melding: {reason}" if reason else ""


def _atomic_target(target: Path) -> Path:
    """A unique sibling path to write to before renaming it onto ``target``."""
    return target.with_name(f".{target.stem}-{uuid.uuid4().hex}{target.suffix}")


def _convert(template_id: str, fmt: str, tree: str, target: Path, args: list[str], moment: datetime,
             finish: Finish = Finish()) -> None:
    partial = None
    try:
        partial = _atomic_target(target)
        pypandoc.convert_text(tree, fmt, format="json", outputfile=str(partial), extra_args=args,
                              verify_format=False)
        normalise_package(partial, fmt, moment, finish)
        os.replace(partial, target)
    except (RuntimeError, OSError, zipfile.BadZipFile) as error:
        raise ConversionError(template_id, fmt, _pandoc_detail(error)) from error
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _check_identity(template_id: str, version: str) -> None:
    if not _ID_RE.match(template_id or ""):
        raise DocumentError(f"Ongeldig kenmerk voor een sjabloon: '{template_id}'.")
    if not _VERSION_RE.match(version or ""):
        raise DocumentError(f"Het sjabloon '{template_id}' heeft een ongeldige versie: '{version}'.")


def _pandoc_args(title: str, version: str, description: str, resources: Path) -> list[str]:
    """Title and properties; the version is in the footer and the model notice, not under the title (the
    document one signs keeps the footer and the properties, not the notice)."""
    metadata = {"title": title, "lang": LANG}
    if description:
        metadata |= {"description": description, "subject": description}
    return (["--standalone", "--sandbox", f"--resource-path={resources}"]
            + [f"--metadata={key}:{' '.join(value.split())}" for key, value in metadata.items()])


def write_downloads(
    template_id: str,
    version: str,
    title: str,
    body: str,
    labels: Mapping[str, str],
    out_dir: Path,
    *,
    description: str = "",
    references: Mapping[str, Path] | None = None,
    attachments: Path | None = None,
    released: date | None = None,
    form: TemplateForm | None = None,
) -> dict[str, Path]:
    """Write ``<id>-<version>.docx``, ``.odt`` and ``.md`` into ``out_dir``.

    The .docx and .odt show placeholders as highlighted ``[Label]``; the .md keeps
    ``[[naam]]`` so users can search and replace. ``references`` are the house-style
    documents (``DocumentWork.references``; made for this call when left out),
    ``attachments`` the template's own folder (``practices/sjablonen/<id>/``), the only
    place images come from, ``released`` the day of this version (the documents' date),
    ``form`` what the template's YAML declares (the notes on variants and repeats, the
    appendices). Every placeholder and section carries the marker the fill-in reads.
    Raises ``DocumentError`` (Dutch message naming the template) on any failure.
    """
    _check_identity(template_id, version)
    try:
        marked = mark_placeholders(body, labels, ids=True)
    except PlaceholderError as error:
        raise PlaceholderError(f"Sjabloon '{template_id}': {error}", error.missing) from None
    out_dir = Path(out_dir)
    paths = {fmt: out_dir / f"{template_id}-{version}.{fmt}" for fmt in ("docx", "odt", "md")}
    try:
        with references_for(references) as refs:
            tree = document_tree(marked, attachments, form=form, version=version)
            resources = attachments or Path(refs["docx"]).parent / "geen-bijlagen"
            out_dir.mkdir(parents=True, exist_ok=True)
            finish = Finish(footer_text(title, version), expected_markers(tree))
            for fmt in ("docx", "odt"):
                args = _pandoc_args(title, version, description, resources) + [f"--reference-doc={refs[fmt]}"]
                _convert(template_id, fmt, tree, paths[fmt], args, release_moment(released), finish)
    except ConversionError:
        raise
    except DocumentError as error:  # the house style could not be made
        raise DocumentError(f"Het sjabloon '{template_id}' kon niet worden gemaakt. {error}") from error
    except (RuntimeError, OSError) as error:  # reading the body (pandoc) or making the folder
        raise ConversionError(template_id, "docx", _pandoc_detail(error)) from error
    _write_markdown(template_id, paths["md"], markdown_download(title, version, body, description=description))
    return paths


def _write_markdown(template_id: str, target: Path, text: str) -> None:
    partial = _atomic_target(target)
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)
    except OSError as error:
        raise ConversionError(template_id, "md", f"Schrijven mislukt: {error}") from error
    finally:
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class DocumentJob:
    """Arguments for one ``write_downloads`` call."""

    template_id: str
    version: str
    title: str
    body: str
    labels: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    out_dir: Path | None = None  # overrides write_all's out_dir for this job
    attachments: Path | None = None  # practices/sjablonen/<id>/
    released: date | None = None  # the day of this version
    form: TemplateForm | None = None  # choices, repeats and appendices of the template


def write_all(
    jobs: Iterable[DocumentJob], out_dir: Path | None = None, max_workers: int = 2,
    *, references: Mapping[str, Path] | None = None,
) -> dict[str, dict[str, Path]]:
    """Run ``write_downloads`` for several templates in parallel threads.

    Pandoc runs as a subprocess, so threads give real parallelism. The reference
    documents are ``references`` (``DocumentWork.references``) or made once for this
    call. All jobs run; failures are collected into one ``BatchError``. Returns paths
    per template id.
    """
    results: dict[str, dict[str, Path]] = {}
    errors: list[DocumentError] = []
    with references_for(references) as refs:
        calls = []
        for job in jobs:
            target = job.out_dir or out_dir
            if target is None:
                errors.append(DocumentError(f"Geen uitvoermap voor het sjabloon '{job.template_id}'."))
                continue
            calls.append((job.template_id, functools.partial(
                write_downloads, job.template_id, job.version, job.title, job.body,
                job.labels, target, description=job.description, references=refs,
                attachments=job.attachments, released=job.released, form=job.form,
            )))
        for (template_id, _), outcome in zip(calls, in_threads([call for _, call in calls], max_workers)):
            if isinstance(outcome, DocumentError):
                errors.append(outcome)
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                results[template_id] = outcome
    if errors:
        raise BatchError(errors)
    return results
