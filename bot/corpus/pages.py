"""Giving back the memory a replaced index held in pages of its mapped files.

A saved index is mapped, not read: its pages become resident as searches touch them, and stay
counted in the worker's memory until the mapping is closed. When a re-index swaps in a new
index, the old one is kept a few seconds for the searches still reading it, so for those
seconds both indexes' pages are resident. At 1,000,000 passages that pushed the worker past
1 GB. Advising the kernel that the old pages are not needed frees them at once; a search
still reading the old index simply reads them back from the page cache (the files are never
written through these mappings, so nothing is lost).
"""

from __future__ import annotations

import ctypes
import logging
import mmap
from pathlib import Path

log = logging.getLogger(__name__)

_MAPS = Path("/proc/self/maps")


def _mappings_under(folder: Path) -> list[tuple[int, int]]:
    """(start, end) of this process's mappings of files inside `folder`."""
    prefix = str(folder.resolve()) + "/"
    found = []
    for line in _MAPS.read_text().splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) < 6:
            continue  # anonymous memory
        path = fields[5].removesuffix(" (deleted)")  # a pruned cache entry still mapped
        if path.startswith(prefix):
            start, end = (int(x, 16) for x in fields[0].split("-"))
            found.append((start, end))
    return found


def drop_mapped_pages(folder: Path) -> int:
    """Advise the kernel to drop this process's resident pages of files under `folder`.

    Returns the bytes of mappings advised (0 where the platform cannot tell or do it).
    """
    if not _MAPS.is_file() or not hasattr(mmap, "MADV_DONTNEED"):
        return 0
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        madvise = libc.madvise
        madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        madvise.restype = ctypes.c_int
        advised = 0
        for start, end in _mappings_under(folder):
            if madvise(start, end - start, mmap.MADV_DONTNEED) == 0:
                advised += end - start
        return advised
    except (OSError, AttributeError, ValueError) as exc:  # only memory is at stake
        log.debug("could not release the pages of %s: %s", folder, exc)
        return 0
