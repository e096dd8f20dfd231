"""Regular expressions compiled on their first use. course has some three hundred at the top of its modules, and
compiling them all was most of a `course split`'s start-up (a split of a text file uses few of the Markdown and
HTML readers'); a pattern made here compiles when it is first matched, then is the compiled pattern's own methods."""

from __future__ import annotations

import re
from typing import cast


class _Lazy:
    """Stands for a compiled pattern: compiles on the first attribute asked for, and keeps each one it hands out, so
    the next `.match` is an attribute of its own and costs what the compiled pattern's does."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._source)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, done on the pattern's first use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
