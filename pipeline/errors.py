"""Errors a user can act on: each names the file and what is wrong with it."""
from __future__ import annotations

import errno


class PlanError(Exception):
    """A plan that cannot be read. `str()` is the one-line message shown to the user."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


_WHY = {
    errno.EROFS: "hệ thống tệp chỉ đọc",
    errno.ENOSPC: "hết chỗ trống trên đĩa",
    errno.EDQUOT: "hết hạn mức đĩa",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.ENOTDIR: "không phải thư mục",
    errno.EISDIR: "là một thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EEXIST: "đã có một tệp trùng tên",
}


class OutputError(Exception):
    """The output folder or file cannot be written. One line: where, and why."""

    def __init__(self, path, exc: OSError | None = None, problem: str | None = None):
        self.path = str(path)
        why = problem or _WHY.get(getattr(exc, "errno", None)) or (exc.strerror if exc else "") or str(exc)
        self.problem = f"không ghi được kết quả ({why})"
        super().__init__(f"{self.path}: {self.problem}")


def output_error(path, exc: OSError) -> OutputError:
    """Named by the path the user gave or the product's name, never a temporary name."""
    return OutputError(path, exc)
