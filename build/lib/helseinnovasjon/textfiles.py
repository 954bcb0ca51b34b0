"""Text as participants' programs save it: UTF-8 (with or without BOM), UTF-16 with a BOM,
or Windows-1252 (Norwegian Excel's «CSV (semikolondelt)», Notepad's «ANSI»).

Standard library only, so the project file can be read where nothing else is installed
(the in-browser Python before its packages have loaded).
"""

from __future__ import annotations


def decode(raw: bytes, *, strict: bool = True) -> str:
    """The text in ``raw``, in whichever of the encodings above it is.

    With ``strict`` (the default), bytes that fit none of them raise ``UnicodeDecodeError``
    instead of being replaced, so that nobody saves text that was read wrong.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="strict" if strict else "replace")
