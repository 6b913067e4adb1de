"""One message format for every problem: file, line, field, what is wrong and the fix."""

from __future__ import annotations

import errno
import os
from dataclasses import asdict, dataclass
from pathlib import Path

WARNING = "waarschuwing: "   # the prefix of every warning's message


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


class InvalidData(Exception):
    """Raised when the package has problems; carries all of them, and the warnings found on the way."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] = ()):
        self.problems = sorted(set(problems))
        self.warnings = sorted(set(warnings))
        super().__init__(summary(self.problems))


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "Geen problemen gevonden."
    files = len({p.file for p in problems})
    word = "probleem" if len(problems) == 1 else "problemen"
    return f"{len(problems)} {word} in {files} {'bestand' if files == 1 else 'bestanden'}."


def report(problems: list[Problem]) -> str:
    """All problems, one a line, then the summary."""
    return "\n".join([str(p) for p in sorted(set(problems))] + [summary(problems)])


def field_path(path) -> str:
    """('gemeenten', 2, 'x') -> 'gemeenten[2].x'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_OS_ERRORS = {
    errno.ENOSPC: "de schijf is vol. Maak ruimte vrij en probeer het opnieuw",
    errno.EDQUOT: "uw schijfruimte (quotum) is op. Maak ruimte vrij en probeer het opnieuw",
    errno.EROFS: "deze schijf is alleen-lezen. Kies een map op een schijf waarop geschreven mag worden",
    errno.EACCES: "geen toestemming. Kies een map waarin u mag schrijven, of vraag toegang aan de beheerder",
    errno.EPERM: "deze handeling is niet toegestaan. Kies een andere map of vraag de beheerder",
    errno.ENOENT: "dit bestand of deze map bestaat niet. Controleer het pad",
    errno.ENOTDIR: "een deel van dit pad is een bestand, geen map. Kies een ander pad",
    errno.EISDIR: "dit is een map, geen bestand. Geef een bestand op",
    errno.EEXIST: "dit bestaat al. Kies een andere naam of verwijder het eerst",
    errno.ENOTEMPTY: "deze map is niet leeg. Kies een lege map",
    errno.ELOOP: "dit is een symbolische koppeling (symlink); de kennisbank volgt geen koppelingen",
    errno.ENAMETOOLONG: "de naam is te lang. Kies een kortere naam",
    errno.EMFILE: "er zijn te veel bestanden tegelijk open. Sluit andere programma's en probeer het opnieuw",
    errno.EADDRINUSE: "dit adres (deze poort) is al in gebruik, misschien door een andere `kennisbank serve`. "
                      "Stop dat programma of kies een andere poort, bijvoorbeeld --adres 127.0.0.1:8001",
    errno.EADDRNOTAVAIL: "dit adres hoort niet bij deze computer. Gebruik bijvoorbeeld --adres 127.0.0.1:8000",
    errno.EIO: "de schijf gaf een lees- of schrijffout. Controleer de schijf en probeer het opnieuw",
}


def os_error_message(err: OSError, target=None) -> str:
    """An operating-system error in Dutch, with the path it concerns and what to do, never '[Errno ...]'.
    `target` names the path for an error that carries none (a full disk shows up on write, without a name)."""
    paths = [str(p) for p in (err.filename, err.filename2) if p not in (None, "")] or ([str(target)] if target else [])
    where = " en ".join(paths) + ": " if paths else ""
    what = _OS_ERRORS.get(err.errno)
    if what is None:
        code = errno.errorcode.get(err.errno, "") if err.errno else ""
        what = (f"het besturingssysteem meldt een fout{f' ({code})' if code else ''}. Controleer het pad en de "
                "schijf en probeer het opnieuw" if err.errno else str(err).rstrip("."))
    return f"{where}{what}."


def shown(path: Path, base: Path | None = None) -> str:
    """A path as messages show it: relative to `base` (by default where the command runs), else
    absolute. A link is shown where it stands, not where it points."""
    full = Path(os.path.abspath(path))
    try:
        return str(full.parent.resolve().joinpath(full.name).relative_to((base or Path.cwd()).resolve()))
    except ValueError:
        return str(path)
