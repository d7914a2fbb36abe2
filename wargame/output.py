"""Writing a command's output file (``-o``) the way a careful shell user would expect.

- A regular file is replaced atomically: the text goes to a temporary file in the same
  folder, which is renamed over the target, so a reader never sees half a report and a
  failed write leaves the old file whole. An existing file keeps its permissions; a new
  one gets the umask's (as ``>`` in a shell would give it).
- A symbolic link is written through: the file it points to is replaced, the link stays.
- Anything else (``/dev/stdout``, ``/dev/null``, a terminal, a pipe) is written in place;
  it is never renamed over, so a device node is never replaced.
- ``-`` means standard output.

Every failure is a WargameError naming the target; nothing here prints.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import Iterable

from wargame.errors import WargameError

STANDARD_OUTPUT = "-"

# Paths the kernel resolves to an open descriptor: written in place even when that
# descriptor is a regular file, since renaming over it would drop what a shell's
# ``>>`` appended before us.
_DESCRIPTOR_PATHS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/")


class OutputExists(WargameError):
    """The target exists and the caller asked not to replace it."""


def write_output(target: str | Path, text: str, *, replace: bool = True,
                 source: Path | Iterable[Path] | None = None) -> bool:
    """Write ``text`` (UTF-8) to ``target``; True when a regular file now holds it (False
    for standard output and special files). ``replace=False`` refuses an existing target;
    ``source`` (the file or files the output was made from) is never written over."""
    sources = [] if source is None else [source] if isinstance(source, (str, Path)) else source
    for made_from in sources:
        if _same_file(target, Path(made_from)):
            raise WargameError(f"refusing to write over {made_from}, a file this output is "
                               "made from; choose another output file")
    if str(target) == STANDARD_OUTPUT:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise WargameError(f"cannot write to standard output: {error.strerror or error}"
                               ) from None
        return False
    given = Path(target)
    try:
        status = given.stat()  # follows symbolic links
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _cannot(given, error) from None
    if status is not None and not replace:
        raise OutputExists(f"{given} already exists")
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise WargameError(f"cannot write {given}: it is a folder")
    if status is not None and (not stat.S_ISREG(status.st_mode)
                               or str(given.absolute()).startswith(_DESCRIPTOR_PATHS)):
        _write_in_place(given, text)
        return False
    _write_atomically(given, Path(os.path.realpath(given)), text, status, replace=replace)
    return True


def _same_file(target: str | Path, source: Path) -> bool:
    if str(target) == STANDARD_OUTPUT:
        return False
    try:
        return os.path.samefile(target, source)
    except OSError:  # either is missing: they cannot be one file
        return False


def _write_in_place(given: Path, text: str) -> None:
    try:
        with open(given, "wb") as handle:
            handle.write(text.encode("utf-8"))
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _cannot(given, error) from None


def _write_atomically(given: Path, real: Path, text: str, existing: os.stat_result | None,
                      *, replace: bool) -> None:
    folder = real.parent
    if not folder.is_dir():
        raise WargameError(f"cannot write {given}: no folder {folder}")
    temporary = folder / f".{real.name}.{secrets.token_hex(4)}.tmp"
    try:
        # 0o666 and O_EXCL: the kernel applies the umask, as for any new file.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        if existing is not None and error.errno in (errno.EACCES, errno.EPERM):
            # A writable file in a folder we may not add to: the only way left is in place.
            _write_in_place(given, text)
            return
        raise _cannot(given, error) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            if existing is not None:
                _keep_permissions(handle.fileno(), existing)
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, real)
        else:
            _create_exclusively(temporary, real, given)
    except OSError as error:
        raise _cannot(given, error) from None
    finally:
        temporary.unlink(missing_ok=True)


def _keep_permissions(descriptor: int, existing: os.stat_result) -> None:
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))
    if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
        except OSError:
            pass  # only root may give a file away; the content matters more than the owner


def _create_exclusively(temporary: Path, real: Path, given: Path) -> None:
    """Rename without ever replacing: a file that appeared meanwhile wins."""
    try:
        os.link(temporary, real)
    except FileExistsError:
        raise OutputExists(f"{given} already exists") from None
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if real.exists():  # a file system without hard links: check, then rename
            raise OutputExists(f"{given} already exists") from None
        os.replace(temporary, real)


def _cannot(path: Path, error: OSError) -> WargameError:
    return WargameError(f"cannot write {path}: {error.strerror or error}")
