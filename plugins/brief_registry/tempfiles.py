"""Files editors' programs write beside the file being edited, which are never part of the site.

Vim, Emacs, Kate, nano, JetBrains IDEs, GNOME's editors, LibreOffice and Word all save through temporary files,
back-ups or lock files next to the brief. The devserver must not report them as "saved", and the checker must
not read them as briefs.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# One pattern per habit; the comment says whose.
_TEMPORARY = re.compile(
    "|".join(
        (
            r"^\d+$",  # vim's probe that the folder is writable: 4913 (then 5036, 5159, …)
            r"^\..*\.sw[a-p]x?$",  # vim swap files: .brief.md.swp, .swo, .swpx
            r"~$",  # vim, Emacs, gedit and nano back-ups: brief.md~
            r"^\.#",  # Emacs lock links: .#brief.md
            r"^#.*#$",  # Emacs auto-saves: #brief.md#
            r"\.kate-swp$",  # Kate
            r"\.save$",  # nano's emergency saves
            r"___jb_(tmp|old|bak)___$",  # JetBrains IDEs' safe writes
            r"^\.goutputstream-",  # GNOME's (GIO) safe writes
            r"^\.~lock\..*#$",  # LibreOffice locks
            r"^~\$",  # Word's owner files
            r"\.(tmp|temp|bak|orig|swp|crswap)$",  # generic temporary names, Chrome's save-as swap
            r"^\.DS_Store$|^\._",  # macOS folder data and AppleDouble files
            r"^sed[A-Za-z0-9]{6}$",  # GNU sed -i's temporary copy
        )
    )
)


def is_editor_temporary(path: str | PurePath) -> bool:
    """True for a file an editing program writes for itself beside the file being edited."""
    return bool(_TEMPORARY.search(PurePath(path).name))
