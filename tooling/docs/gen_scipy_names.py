"""Writes scipy-names.json: every public name of scipy.fft, scipy.ndimage and scipy.linalg
(`dir()` without the underscore names) with what it is and the first line of its docstring,
so that `pnpm run docs` can build docs/scipy-map.md without Python. Run it when the SciPy version
of reference changes: python3 tooling/docs/gen_scipy_names.py
"""
import importlib
import inspect
import json
import pathlib

import scipy

MODULES = ["fft", "ndimage", "linalg"]


def kind_of(value):
    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "exception" if issubclass(value, BaseException) else "class"
    if callable(value):
        return "function"
    return "constant"


def summary_of(value):
    if inspect.ismodule(value):
        return ""
    doc = inspect.getdoc(value) or ""
    lines = [line.strip() for line in doc.strip().splitlines()]
    # the first paragraph, as one line
    first = []
    for line in lines:
        if not line:
            break
        first.append(line)
    return " ".join(first)


def main():
    out = {"scipy": scipy.__version__, "modules": {}}
    for name in MODULES:
        module = importlib.import_module(f"scipy.{name}")
        out["modules"][name] = [
            {"name": attr, "kind": kind_of(getattr(module, attr)), "summary": summary_of(getattr(module, attr))}
            for attr in sorted(dir(module))
            if not attr.startswith("_")
        ]
    target = pathlib.Path(__file__).with_name("scipy-names.json")
    target.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
