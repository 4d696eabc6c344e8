"""One run at a time per output folder.

`chitieu run` and `chitieu extract` hold an exclusive `flock` on `<output>/.chitieu.lock`
while they write there. The kernel drops the lock when the process ends, however it ends
(SIGKILL included), so a stale lock file never blocks the next run; a normal end
removes the file. A second command on
the same folder stops at once with one line naming the holder.
"""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import OutputError, output_error

LOCK_NAME = ".chitieu.lock"


class Busy(Exception):
    def __init__(self, out: Path, holder: str):
        self.out, self.holder = out, holder
        who = f" (tiến trình {holder})" if holder else ""
        super().__init__(f"{out}: thư mục kết quả đang được một lần chạy chitieu khác dùng{who}; "
                         "hãy đợi lần đó xong rồi chạy lại, hoặc chọn thư mục khác bằng -o")


class OutputLock:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.fd: int | None = None

    def __enter__(self) -> "OutputLock":
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            return self
        path = self.out / LOCK_NAME
        for _ in range(50):
            try:
                self.out.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            except OSError as exc:
                raise output_error(self.out, exc)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                try:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                except OSError:
                    holder = ""
                os.close(fd)
                raise Busy(self.out, holder)
            try:  # the holder before us may have removed the file we locked: lock the one on disk
                same = os.stat(path).st_ino == os.fstat(fd).st_ino
            except OSError:
                same = False
            if same:
                break
            os.close(fd)
        else:
            raise OutputError(path, problem="không giữ được khóa của thư mục kết quả")
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError:
            pass  # a full disk: the lock holds anyway
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            try:  # removed while still held, so the folder keeps only the outputs
                os.unlink(self.out / LOCK_NAME)
            except OSError:
                pass
            os.close(self.fd)  # releases the flock
            self.fd = None


__all__ = ["Busy", "LOCK_NAME", "OutputLock", "OutputError"]
