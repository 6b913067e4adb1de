"""The errors of making documents, each a Dutch message a caller can show as is."""

from __future__ import annotations

from collections.abc import Iterable


FORMAT_NAMES = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)", "md": "Markdown (.md)"}


class DocumentError(Exception):
    """An error whose message is Dutch and fit to show to a user."""


class PlaceholderError(DocumentError, ValueError):
    """Placeholders that lack a value or label, or values without a placeholder."""

    def __init__(self, message: str, missing: Iterable[str] = (), unknown: Iterable[str] = ()):
        super().__init__(message)
        self.missing = sorted(set(missing))
        self.unknown = sorted(set(unknown))


class ConversionError(DocumentError):
    """Pandoc (or writing the file) failed for one template and format."""

    def __init__(self, template_id: str, fmt: str, detail: str):
        self.template_id = template_id
        self.format = fmt
        name = FORMAT_NAMES.get(fmt, fmt)
        super().__init__(
            f"Het sjabloon '{template_id}' kon niet worden omgezet naar {name}. {detail}".strip()
        )


class BatchError(DocumentError):
    """One or more templates in ``write_all`` failed; holds every error."""

    def __init__(self, errors: list[DocumentError]):
        self.errors = errors
        lines = "\n".join(f"- {error}" for error in errors)
        super().__init__(f"Niet alle sjablonen konden worden gemaakt:\n{lines}")
