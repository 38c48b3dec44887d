"""Progress bars for long work: tqdm (Debian's python3-tqdm) when asked for."""

import contextlib
from typing import Callable, Iterator, Optional, Union


@contextlib.contextmanager
def eval_progress(progress: Union[bool, Callable[[str, int, int], None]]
                  ) -> Iterator[Optional[Callable[[str, int, int], None]]]:
    """A callback(stage, done, total) for the library's progress reports:
    the caller's own, one tqdm bar per stage for True, or None."""
    if not progress:
        yield None
        return
    if callable(progress):
        yield progress
        return
    from tqdm.auto import tqdm  # only needed when a bar is asked for
    bars = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="cluster")
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        for bar in bars.values():
            bar.close()


def bar(total: Optional[int], desc: str, enabled: bool, unit: str = "article"):
    """A tqdm bar, or a stand-in doing nothing when progress is off."""
    if enabled:
        from tqdm.auto import tqdm
        return tqdm(total=total, desc=desc, unit=unit)
    return _NoBar()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass
